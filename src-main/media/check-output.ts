import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import { dirname } from 'node:path';
import { toStudioFsError } from '../util/fs-errors.js';

/**
 * The output's folder exists and is writable. (That the output is no folder and no input is
 * output-guard.ts's checkOutputPath.)
 */
export async function checkOutputWritable(outPath: string): Promise<void> {
  const folder = dirname(outPath);
  try {
    await access(folder, constants.W_OK);
  } catch (error) {
    throw toStudioFsError(error, `the folder "${folder}" (export target)`);
  }
}
