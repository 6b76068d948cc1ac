import { join } from 'node:path';
import type { ProjectDocument } from '../../src-shared/project/project-schema.js';
import { checkOutputPath } from '../media/output-guard.js';

/** Before any work: a studio export must not land on one of the project's assets nor anywhere inside the project. */
export function checkExportOutput(workDir: string, document: ProjectDocument, outPath: string): Promise<void> {
  const inputs = document.assets.map((asset) => ({ path: join(workDir, asset.relPath), label: `the project's ${asset.role} "${asset.originalName}"` }));
  return checkOutputPath({ outPath, inputs, projectDir: workDir });
}
