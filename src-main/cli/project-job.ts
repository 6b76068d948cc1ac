import type { RenderJob } from '../../src-shared/job/render-job.js';
import { jobFromDocument } from '../../src-shared/job/job-from-document.js';
import { projectAssetPath, readProjectDocument, toProjectDir } from '../project/project-files.js';

/** The job a saved project describes (`--project`), read and migrated as the studio opens it. */
export async function loadProjectJob(path: string, modelsDir: string): Promise<{ job: RenderJob; projectDir: string }> {
  const projectDir = toProjectDir(path);
  const { document } = await readProjectDocument(projectDir);
  return { job: jobFromDocument(document, { assetPath: (relPath) => projectAssetPath(projectDir, relPath), modelsDir, projectDir }), projectDir };
}
