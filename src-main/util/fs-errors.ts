import { StudioError } from '../../src-shared/util/result.js';

/**
 * Turns a Node file-system error into a StudioError that names the file and what to do.
 * `what` names the file for the user, e.g. `the project file "/a/b.aniproj/project.json"`.
 */
export function toStudioFsError(error: unknown, what: string): StudioError {
  if (error instanceof StudioError) return error;
  const code = (error as NodeJS.ErrnoException | undefined)?.code ?? 'unknown';
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return new StudioError('disk-full', `The disk is full while writing ${what}. Free some space and try again; nothing was overwritten.`);
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return new StudioError('permission-denied', `No permission to write or read ${what}. Choose another folder.`);
    case 'ENOENT':
    case 'ENOTDIR':
      return new StudioError('not-found', `Could not find ${what}. Check the path.`);
    case 'EISDIR':
      return new StudioError('invalid-request', `${capitalize(what)} is a folder, not a file.`);
    case 'EEXIST':
      return new StudioError('already-exists', `${capitalize(what)} already exists.`);
    default: {
      const detail = error instanceof Error ? error.message : String(error);
      return new StudioError('io-error', `Could not access ${what}: ${detail}`);
    }
  }
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
