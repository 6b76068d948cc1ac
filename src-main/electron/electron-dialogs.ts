import type { BrowserWindow } from 'electron';
import { dialog, shell } from 'electron';
import type { AssetRole } from '../../src-shared/project/project-schema.js';
import type { Dialogs } from '../services/dialogs.js';

const MEDIA_FILTERS: Readonly<Record<AssetRole, Electron.FileFilter[]>> = {
  photo: [{ name: 'Portrait photo', extensions: ['png', 'jpg', 'jpeg', 'webp'] }],
  audio: [{ name: 'Voice recording', extensions: ['wav', 'mp3', 'm4a', 'ogg', 'flac', 'aac', 'opus'] }],
  'pose-template': [{ name: 'AniPortrait pose template', extensions: ['npy'] }],
  'pose-video': [{ name: 'Reference video', extensions: ['mp4', 'mov', 'webm', 'mkv'] }],
  'performance-video': [{ name: 'Performance video', extensions: ['mp4', 'mov', 'webm', 'mkv'] }],
};

/** Native dialogs, parented to the studio window. `onDirty` learns of unsaved changes; `close` closes the window without asking. */
export function electronDialogs(window: () => BrowserWindow | undefined, onDirty: (dirty: boolean) => void, close: () => void): Dialogs {
  return {
    setDocumentDirty: onDirty,
    closeWindow() {
      close();
      return Promise.resolve();
    },
    async openProject() {
      const options: Electron.OpenDialogOptions = {
        title: 'Open project',
        properties: ['openDirectory', 'openFile'],
        filters: [{ name: 'AniPortrait project', extensions: ['aniproj', 'json'] }],
      };
      const parent = window();
      const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async saveProject(suggestedName) {
      const options: Electron.SaveDialogOptions = {
        title: 'Save project',
        defaultPath: `${suggestedName}.aniproj`,
        filters: [{ name: 'AniPortrait project', extensions: ['aniproj'] }],
      };
      const parent = window();
      const result = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
      return result.canceled ? null : (result.filePath ?? null);
    },
    async saveVideo(suggestedName) {
      const options: Electron.SaveDialogOptions = { title: 'Export video', defaultPath: `${suggestedName}.mp4`, filters: [{ name: 'MP4 video', extensions: ['mp4'] }] };
      const parent = window();
      const result = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
      return result.canceled ? null : (result.filePath ?? null);
    },
    revealFile(path) {
      shell.showItemInFolder(path);
      return Promise.resolve();
    },
    async pickMedia(role) {
      const options: Electron.OpenDialogOptions = { title: `Import ${role}`, properties: ['openFile'], filters: MEDIA_FILTERS[role] };
      const parent = window();
      const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
  };
}
