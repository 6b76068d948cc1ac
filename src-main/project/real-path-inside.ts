import { realpathSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, sep } from 'node:path';
import { StudioError } from '../../src-shared/util/result.js';

/**
 * The real path (every link resolved) of `file`, which must lie inside the real `dir`; otherwise
 * 'forbidden'. A path that does not exist yet is judged by its deepest existing folder, so a link
 * to "/" cannot even tell which files exist outside.
 */
export function realPathInside(dir: string, file: string, shownAs: string): string {
  const realDir = realOrSelf(dir);
  const real = deepestReal(file);
  if (!isInside(real, realDir)) throw new StudioError('forbidden', `"${shownAs}" is outside the project folder.`);
  return real;
}

export function isInside(path: string, dir: string): boolean {
  const rel = relative(dir, path);
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}

/** The real path of `path`, or of its deepest existing folder joined with the rest when it does not exist yet. */
export function deepestReal(path: string): string {
  const missing: string[] = [];
  let current = path;
  for (;;) {
    try {
      return join(realpathSync(current), ...missing.reverse());
    } catch {
      const parent = dirname(current);
      if (parent === current) return path;
      missing.push(current.slice(parent.length).replace(/^[\\/]+/, ''));
      current = parent;
    }
  }
}

function realOrSelf(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}
