import { mkdir, stat } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import type { AssetRole } from '../../src-shared/project/project-schema.js';
import type { Dialogs } from '../services/dialogs.js';
import { toStudioFsError } from '../util/fs-errors.js';

/** A file-type filter as Electron's dialogs take it. */
export interface FileFilter {
  readonly name: string;
  readonly extensions: readonly string[];
}

export interface OpenOptions {
  readonly title: string;
  readonly defaultPath?: string;
  readonly properties: readonly ('openFile' | 'openDirectory' | 'createDirectory')[];
  readonly filters?: readonly FileFilter[];
}

export interface SaveOptions {
  readonly title: string;
  readonly defaultPath: string;
  readonly filters: readonly FileFilter[];
}

export interface MessageOptions {
  readonly type: 'question' | 'warning';
  readonly message: string;
  readonly detail: string;
  readonly buttons: readonly string[];
  readonly defaultId: number;
  readonly cancelId: number;
}

/**
 * The part of Electron's `dialog` and `shell` the studio uses, parented to its window (the host
 * binds them: electron-dialogs.ts). Tests pass a fake, so every choice below runs without Electron.
 */
export interface NativeDialogApi {
  showOpenDialog(options: OpenOptions): Promise<{ canceled: boolean; filePaths: readonly string[] }>;
  showSaveDialog(options: SaveOptions): Promise<{ canceled: boolean; filePath?: string }>;
  showMessageBox(options: MessageOptions): Promise<{ response: number }>;
  showItemInFolder(path: string): void;
}

export const PROJECT_FILTER: FileFilter = { name: 'AniPortrait project', extensions: ['aniproj'] };
export const VIDEO_FILTER: FileFilter = { name: 'MP4 video', extensions: ['mp4'] };

export const MEDIA_FILTERS: Readonly<Record<AssetRole, readonly FileFilter[]>> = {
  photo: [{ name: 'Portrait photo', extensions: ['png', 'jpg', 'jpeg', 'webp'] }],
  audio: [{ name: 'Voice recording', extensions: ['wav', 'mp3', 'm4a', 'ogg', 'flac', 'aac', 'opus'] }],
  'pose-template': [{ name: 'AniPortrait pose template', extensions: ['npy'] }],
  'pose-video': [{ name: 'Reference video', extensions: ['mp4', 'mov', 'webm', 'mkv'] }],
  'performance-video': [{ name: 'Performance video', extensions: ['mp4', 'mov', 'webm', 'mkv'] }],
};

export interface NativeDialogOptions {
  /** Where dialogs start: the most recent folder the studio used, or null (then `fallbackFolder`). */
  readonly lastFolder: () => Promise<string | null>;
  /** The user's documents or home folder. */
  readonly fallbackFolder: string;
  /** Unsaved changes, so the window's close can ask first. */
  readonly onDirty: (dirty: boolean) => void;
  /** Closes the window without asking (after the UI saved). */
  readonly close: () => void;
}

/**
 * The desktop studio's native dialogs (docs/studio-usability.md §2): they start in the last
 * folder used, filter by type, add the extension a typed name lacks, and offer to create a missing
 * folder (the save dialog lets a typed path name one); each returns null when the user cancels.
 */
export function nativeDialogs(api: NativeDialogApi, options: NativeDialogOptions): Dialogs {
  const startFolder = async () => {
    const last = await options.lastFolder();
    return last !== null && (await isFolder(last)) ? last : options.fallbackFolder;
  };

  /** A save dialog's answer: its extension added if missing, its folder there (created if the user agrees), or null. */
  const save = async (title: string, suggestedFile: string, filter: FileFilter): Promise<string | null> => {
    const result = await api.showSaveDialog({ title, defaultPath: join(await startFolder(), suggestedFile), filters: [filter] });
    if (result.canceled || result.filePath === undefined || result.filePath === '') return null;
    const chosen = withExtension(resolve(result.filePath), filter.extensions[0] ?? '');
    return (await folderReady(api, dirname(chosen))) ? chosen : null;
  };

  const open = async (openOptions: Omit<OpenOptions, 'defaultPath'>): Promise<string | null> => {
    const result = await api.showOpenDialog({ ...openOptions, defaultPath: await startFolder() });
    return result.canceled ? null : (result.filePaths[0] ?? null);
  };

  return {
    setDocumentDirty: options.onDirty,
    closeWindow() {
      options.close();
      return Promise.resolve();
    },
    // A project is a folder (name.aniproj); some file managers only let one pick a file in it.
    openProject: () => open({ title: 'Open project', properties: ['openDirectory', 'openFile'], filters: [{ name: 'AniPortrait project', extensions: ['aniproj', 'json'] }] }),
    saveProject: (suggestedName) => save('Save project', `${suggestedName}.aniproj`, PROJECT_FILTER),
    saveVideo: (suggestedName) => save('Export video', `${suggestedName}.mp4`, VIDEO_FILTER),
    pickMedia: (role) => open({ title: `Import ${role}`, properties: ['openFile'], filters: MEDIA_FILTERS[role] }),
    pickFolder: (title) => open({ title, properties: ['openDirectory', 'createDirectory'] }),
    revealFile(path) {
      api.showItemInFolder(path);
      return Promise.resolve();
    },
  };
}

/** `path` with `.ext` added when its name has another or no extension (GTK's save dialog adds none). */
export function withExtension(path: string, extension: string): string {
  if (extension === '' || extname(path).toLowerCase() === `.${extension}`) return path;
  return basename(path) === '' ? path : `${path}.${extension}`;
}

/** The folder exists, or the user agreed to create it and it was: true; the user declined: false. */
async function folderReady(api: NativeDialogApi, folder: string): Promise<boolean> {
  if (await isFolder(folder)) return true;
  const { response } = await api.showMessageBox({
    type: 'question',
    message: `The folder "${folder}" does not exist.`,
    detail: 'Create it and save there?',
    buttons: ['Create folder', 'Cancel'],
    defaultId: 0,
    cancelId: 1,
  });
  if (response !== 0) return false;
  try {
    await mkdir(folder, { recursive: true });
  } catch (error) {
    throw toStudioFsError(error, `the folder "${folder}"`);
  }
  return true;
}

async function isFolder(path: string): Promise<boolean> {
  return (await stat(path).catch(() => null))?.isDirectory() === true;
}
