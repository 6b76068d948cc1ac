import { checkOutputPath } from '../media/output-guard.js';
import type { JobArgs } from './job-args.js';

/** Before any work: --out must not be a folder, nor any file the job reads (after links). */
export function checkJobOutput(job: JobArgs): Promise<void> {
  const inputs = [
    { path: job.imagePath, label: job.imageLabel.replace(/^The /, 'the ') },
    { path: job.audioPath, label: job.audioLabel.replace(/^The /, 'the ') },
  ];
  if (job.poseSource.kind !== 'audio') inputs.push({ path: job.poseSource.path, label: job.poseSource.kind === 'video' ? 'the pose video' : 'the pose template' });
  return checkOutputPath({ outPath: job.outPath, inputs });
}
