import { join } from 'node:path';
import type { BundleManifest } from '../../src-shared/farm/farm-bundle.js';
import { manifestOfJob } from '../../src-shared/farm/farm-bundle.js';
import type { RenderJob } from '../../src-shared/job/render-job.js';
import { DOCUMENT_FILE } from '../project/project-files.js';
import type { FarmStorage } from './farm-storage.js';

/**
 * Packs a job for the farm: its input files (and its project.json, if it came from a project) into
 * the storage by content, then the bundle that names them; returns the bundle's key.
 */
export async function packBundle(job: RenderJob, storage: FarmStorage, project: { dir: string; name: string } | null): Promise<string> {
  const files = [job.photo, job.audio, ...(job.poseSource.kind === 'audio' ? [] : [job.poseSource])];
  const keys = new Map<string, string>();
  for (const file of files) keys.set(file.path, await storage.putInput(file.path, file.label));
  let projectRef: BundleManifest['project'] = null;
  if (project !== null) {
    const documentPath = join(project.dir, DOCUMENT_FILE);
    projectRef = { name: project.name, documentKey: await storage.putInput(documentPath, `the project file "${documentPath}"`) };
  }
  const manifest = manifestOfJob(job, (path) => keys.get(path)!, projectRef);
  return storage.putBundle(`${JSON.stringify(manifest, null, 1)}\n`);
}
