import type { RenderJob } from '../../src-shared/job/render-job.js';
import { checkOutputWritable } from '../media/check-output.js';
import { checkOutputPath } from '../media/output-guard.js';

/**
 * Before any work: the output can be written (its folder exists and is writable, it is no folder)
 * and destroys nothing the job reads: not the photo, the audio or the pose source, not any asset of
 * its project, nothing inside the project folder (after links), and no output a running job holds.
 */
export async function checkJobOutput(job: RenderJob, outPath: string): Promise<void> {
  const lower = (label: string) => label.replace(/^The /, 'the ');
  const inputs = [
    ...(job.project?.assets ?? []),
    { path: job.photo.path, label: lower(job.photo.label) },
    { path: job.audio.path, label: lower(job.audio.label) },
    ...(job.poseSource.kind === 'audio' ? [] : [{ path: job.poseSource.path, label: lower(job.poseSource.label) }]),
    ...(job.performance === null ? [] : [{ path: job.performance.path, label: lower(job.performance.label) }]),
  ];
  await checkOutputPath({ outPath, inputs, ...(job.project ? { projectDir: job.project.dir } : {}) });
  await checkOutputWritable(outPath);
}
