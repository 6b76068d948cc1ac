import { realpath, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { StudioError } from '../../src-shared/util/result.js';
import { refuseIfLocked } from '../util/output-lock.js';
import { deepestReal, isInside } from '../util/real-paths.js';

export interface GuardedInput {
  readonly path: string;
  /** Names the input for the user, e.g. `the audio "v.wav"`. */
  readonly label: string;
}

export interface OutputCheck {
  readonly outPath: string;
  /** Files the job reads: the output must not be any of them (after links, or a hard link). */
  readonly inputs: readonly GuardedInput[];
  /** A project folder whose files the output must not land in. */
  readonly projectDir?: string;
}

/**
 * Refuses, before any work, an output that would destroy what the job reads or the project it
 * belongs to, or that cannot be a file: it resolves (after symlinks) to an input, lies inside the
 * project folder, or is a folder. Throws a StudioError naming both paths and what to do.
 */
export async function checkOutputPath(check: OutputCheck): Promise<void> {
  const { outPath } = check;
  const outStats = await statOrNull(outPath);
  if (outStats?.isDirectory()) {
    throw new StudioError('invalid-request', `The output "${outPath}" is a folder. Give a file name inside it, e.g. "${join(outPath, 'video.mp4')}".`);
  }
  // The real path the output will have: its own if it exists, else its real folder plus its name.
  const outReal = deepestReal(outPath);
  for (const input of check.inputs) {
    const inStats = await statOrNull(input.path);
    if (!inStats) continue;
    const sameFile = (await realpath(input.path)) === outReal || (outStats !== null && outStats.dev === inStats.dev && outStats.ino === inStats.ino);
    if (sameFile) {
      throw new StudioError('invalid-request', `The output "${outPath}" is ${input.label} ("${input.path}"); writing it would destroy that input. Choose another output file.`);
    }
  }
  // A second job on an output that a running job writes fails here, before its analysis.
  await refuseIfLocked(outPath);
  if (check.projectDir !== undefined) {
    const projectReal = deepestReal(check.projectDir);
    if (outReal === projectReal || isInside(outReal, projectReal)) {
      throw new StudioError('invalid-request', `The output "${outPath}" is inside the project folder "${check.projectDir}", whose files it could overwrite. Choose a file outside the project.`);
    }
  }
}

async function statOrNull(path: string) {
  try {
    return await stat(path);
  } catch {
    return null;
  }
}
