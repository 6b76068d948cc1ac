import { deepestReal, isInside } from '../util/real-paths.js';
import { StudioError } from '../../src-shared/util/result.js';

/**
 * The real path (every link resolved) of `file`, which must lie inside the real `dir`; otherwise
 * 'forbidden'. A path that does not exist yet is judged by its deepest existing folder, so a link
 * to "/" cannot even tell which files exist outside.
 */
export function realPathInside(dir: string, file: string, shownAs: string): string {
  const realDir = deepestReal(dir);
  const real = deepestReal(file);
  if (!isInside(real, realDir)) throw new StudioError('forbidden', `"${shownAs}" is outside the project folder.`);
  return real;
}
