import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { StudioError } from '../../src-shared/util/result.js';
import type { FileBrowser } from '../files/file-browser.js';
import type { WriteGrants } from './write-grants.js';

const WHAT = 'the farm storage folder';

export interface StorageFolderRules {
  /** `<data folder>/farm`: the studio's own, created when missing. */
  readonly defaultDir: string;
  /** The folder the saved settings already name (chosen before), or null. */
  readonly current: () => Promise<string | null>;
  /** Electron: folders chosen in dialog:pick-folder of this session. */
  readonly grants: WriteGrants;
  /** Whether the host has native dialogs (then only a granted folder counts as chosen). */
  readonly nativeDialogs: boolean;
  /** The web host: the folders its file browser shows (home and data folder). */
  readonly browser: FileBrowser;
}

/**
 * The farm's storage folder the render-queue settings may name (docs/farm.md §5): the studio writes
 * its inputs/, bundles/ and outputs/ there, so it must be a folder the user chose: the default one
 * in the data folder, the one already saved, one chosen in the native folder dialog (Electron), or
 * an existing folder the web host's file browser can show. Answers the folder to save.
 */
export async function checkStorageFolder(dir: string, rules: StorageFolderRules): Promise<string> {
  const wanted = resolve(dir);
  const current = await rules.current();
  if (wanted === resolve(rules.defaultDir) || (current !== null && wanted === resolve(current))) return wanted;
  if (rules.nativeDialogs) {
    rules.grants.check(wanted, 'The farm storage folder', 'Choose it with Choose folder….');
    const stats = await stat(wanted).catch(() => null);
    if (stats?.isDirectory() !== true) throw new StudioError('not-found', `The farm storage folder "${dir}" does not exist. Choose an existing folder.`);
    return wanted;
  }
  await rules.browser.chosenFolder(wanted, WHAT);
  return wanted;
}
