import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { StudioError } from '../../src-shared/util/result.js';

/**
 * Before a tool reads `path`: a missing file says "not found", a folder says so, an unreadable one
 * says "no permission", instead of one vague "not readable" for all of them. `label` names the
 * input, e.g. `The photo "face.png"`.
 */
export async function checkInputFile(path: string, label: string): Promise<void> {
  let stats;
  try {
    stats = await stat(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new StudioError('not-found', `${label} was not found ("${path}"). Check the path.`);
    if (code === 'EACCES' || code === 'EPERM') throw new StudioError('permission-denied', `${label} cannot be read: no permission ("${path}").`);
    throw new StudioError('io-error', `${label} cannot be read ("${path}"): ${(error as Error).message}`);
  }
  if (stats.isDirectory()) throw new StudioError('invalid-request', `${label} is a folder ("${path}"), not a file. Give the file itself.`);
  try {
    await access(path, constants.R_OK);
  } catch {
    throw new StudioError('permission-denied', `${label} cannot be read: no permission ("${path}").`);
  }
}
