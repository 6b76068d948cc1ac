import { mkdir, readdir, realpath, stat } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve, sep } from 'node:path';
import type { FolderListing } from '../../src-shared/ipc/contract.js';
import { StudioError } from '../../src-shared/util/result.js';
import { toStudioFsError } from '../util/fs-errors.js';
import { isInside } from '../util/real-paths.js';
import { PROJECT_EXTENSION } from '../project/project-files.js';

/** A folder the file browser may show, with the name its breadcrumb starts with. */
export interface BrowseRoot {
  readonly name: string;
  readonly path: string;
}

/** Most entries one listing returns (a folder of 100 000 files must not flood the socket). */
export const MAX_LISTING_ENTRIES = 2000;

/**
 * The web host's file browser (docs/studio-usability.md §2): lists folders and creates them, only inside
 * its roots (the user's home folder and the studio's data folder). Every path is resolved through
 * its links first, so a link inside a root that points outside it is refused like the outside
 * itself; a link entry whose target is outside is not listed.
 */
export class FileBrowser {
  constructor(private readonly roots: readonly BrowseRoot[]) {}

  /** `path` null: the first root. Lists sub-folders, `*.aniproj` projects and files with one of `extensions`. */
  async list(path: string | null, extensions: readonly string[]): Promise<FolderListing> {
    const roots = await this.realRoots();
    const first = roots[0];
    if (first === undefined) throw new StudioError('unavailable', 'The file browser has no folder it may show. Type a path instead.');
    const folder = path === null ? first.path : await this.realInside(path, roots, 'list');
    let names: string[];
    try {
      names = await readdir(folder);
    } catch (error) {
      throw toStudioFsError(error, `the folder "${folder}"`);
    }
    const wanted = new Set(extensions.map((e) => e.toLowerCase()));
    const entries: FolderListing['entries'] = [];
    for (const name of names.sort((a, b) => a.localeCompare(b))) {
      if (name.startsWith('.') || entries.length >= MAX_LISTING_ENTRIES) continue;
      const entryPath = join(folder, name);
      const real = await realpath(entryPath).catch(() => null);
      if (real === null || !roots.some((root) => real === root.path || isInside(real, root.path))) continue;
      const stats = await stat(real).catch(() => null);
      if (stats === null) continue;
      if (stats.isDirectory()) entries.push({ name, path: entryPath, kind: name.endsWith(PROJECT_EXTENSION) ? 'project' : 'folder' });
      else if (stats.isFile() && wanted.has(extname(name).toLowerCase())) entries.push({ name, path: entryPath, kind: 'file' });
    }
    // Folders first, as file managers show them.
    entries.sort((a, b) => Number(a.kind === 'file') - Number(b.kind === 'file'));
    return { path: folder, breadcrumbs: breadcrumbs(folder, roots), entries, roots: roots.map(({ name, path: rootPath }) => ({ name, path: rootPath })) };
  }

  /** Creates the folder `name` in `parent`; `name` is one plain folder name. */
  async makeFolder(parent: string, name: string): Promise<{ path: string }> {
    const trimmed = name.trim();
    if (trimmed === '' || trimmed === '.' || trimmed === '..' || /[\\/\0]/.test(trimmed)) {
      throw new StudioError('invalid-request', `"${name}" is not a folder name: use a name without / or \\.`);
    }
    const roots = await this.realRoots();
    const folder = await this.realInside(parent, roots, 'create a folder in');
    const target = join(folder, trimmed);
    try {
      await mkdir(target);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new StudioError('already-exists', `"${target}" already exists. Choose another name.`);
      throw toStudioFsError(error, `the folder "${target}"`);
    }
    return { path: target };
  }

  /**
   * The real path of an existing folder the browser can show (a root or inside one), for choices
   * made in it, such as the farm's storage folder; `what` names the choice in the refusal.
   */
  async chosenFolder(path: string, what: string): Promise<string> {
    const roots = await this.realRoots();
    const real = await realpath(resolve(path)).catch((error: unknown) => {
      throw toStudioFsError(error, `${what} "${path}"`);
    });
    if (!roots.some((root) => real === root.path || isInside(real, root.path))) {
      throw new StudioError('forbidden', `${upperFirst(what)} "${path}" is outside the folders the studio may write to (${roots.map((r) => r.path).join(' and ')}). Choose a folder in the file browser.`);
    }
    if (!(await stat(real)).isDirectory()) throw new StudioError('invalid-request', `${upperFirst(what)} "${path}" is not a folder.`);
    return real;
  }

  /** The roots that exist, through their links (a root that is itself a link counts as its target). */
  private async realRoots(): Promise<BrowseRoot[]> {
    const found: BrowseRoot[] = [];
    for (const root of this.roots) {
      const real = await realpath(resolve(root.path)).catch(() => null);
      if (real !== null && !found.some((r) => r.path === real)) found.push({ name: root.name, path: real });
    }
    return found;
  }

  /** The real path of the folder `path`, refused unless it is a root or inside one. */
  private async realInside(path: string, roots: readonly BrowseRoot[], verb: string): Promise<string> {
    let real: string;
    try {
      real = await realpath(resolve(path));
    } catch (error) {
      throw toStudioFsError(error, `the folder "${path}"`);
    }
    if (!roots.some((root) => real === root.path || isInside(real, root.path))) {
      throw new StudioError('forbidden', `The file browser may not ${verb} "${path}": it shows only ${roots.map((r) => r.path).join(' and ')}. Type the full path instead.`);
    }
    const stats = await stat(real);
    if (!stats.isDirectory()) throw new StudioError('invalid-request', `"${path}" is not a folder.`);
    return real;
  }
}

function upperFirst(text: string): string {
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
}

/** Root, then each folder down to `folder` (which is inside the deepest root that holds it). */
function breadcrumbs(folder: string, roots: readonly BrowseRoot[]): FolderListing['breadcrumbs'] {
  const root = [...roots].sort((a, b) => b.path.length - a.path.length).find((r) => folder === r.path || isInside(folder, r.path));
  if (root === undefined) return [{ name: basename(folder), path: folder }];
  const crumbs = [{ name: root.name, path: root.path }];
  if (folder === root.path) return crumbs;
  const parts = folder.slice(root.path.length).split(sep).filter((p) => p !== '');
  let current = root.path;
  for (const part of parts) {
    current = join(current, part);
    crumbs.push({ name: part, path: current });
  }
  return crumbs;
}

/** The folder a file goes in exists; otherwise it is created when `create`, else 'missing-folder'. */
export async function ensureParentFolder(file: string, create: boolean, what: string): Promise<void> {
  const folder = dirname(resolve(file));
  const stats = await stat(folder).catch(() => null);
  if (stats?.isDirectory() === true) return;
  if (stats !== null) throw new StudioError('invalid-request', `${what}: "${folder}" is a file, not a folder. Choose another place.`);
  if (!create) throw new StudioError('missing-folder', `${what}: the folder "${folder}" does not exist.`);
  try {
    await mkdir(folder, { recursive: true });
  } catch (error) {
    throw toStudioFsError(error, `the folder "${folder}"`);
  }
}
