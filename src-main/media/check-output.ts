import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { StudioError } from '../../src-shared/util/result.js';
import { toStudioFsError } from '../util/fs-errors.js';

/** The output can be written: its folder exists and is writable, and the path is no folder. Checked before any work. */
export async function checkOutputWritable(outPath: string): Promise<void> {
  const folder = dirname(outPath);
  try {
    await access(folder, constants.W_OK);
  } catch (error) {
    throw toStudioFsError(error, `the folder "${folder}" (export target)`);
  }
  const existing = await stat(outPath).catch(() => null);
  if (existing?.isDirectory()) throw new StudioError('invalid-request', `The output "${outPath}" is a folder. Give a file name, e.g. ${outPath.replace(/[\\/]+$/, '')}/talk.mp4.`);
}
