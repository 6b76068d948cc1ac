import type { BrowserWindow } from 'electron';
import { dialog, shell } from 'electron';
import type { Dialogs } from '../services/dialogs.js';
import type { NativeDialogApi, NativeDialogOptions } from './native-dialogs.js';
import { nativeDialogs } from './native-dialogs.js';

/**
 * Electron's dialog and shell, parented to the studio window when there is one; what the dialogs
 * decide (filters, start folder, extensions, missing folders, cancel) is native-dialogs.ts's.
 */
export function electronDialogs(window: () => BrowserWindow | undefined, options: NativeDialogOptions): Dialogs {
  const api: NativeDialogApi = {
    showOpenDialog(o) {
      const parent = window();
      const electronOptions = { ...o, properties: [...o.properties], filters: o.filters?.map((f) => ({ name: f.name, extensions: [...f.extensions] })) };
      return parent ? dialog.showOpenDialog(parent, electronOptions) : dialog.showOpenDialog(electronOptions);
    },
    showSaveDialog(o) {
      const parent = window();
      const electronOptions = { ...o, filters: o.filters.map((f) => ({ name: f.name, extensions: [...f.extensions] })) };
      return parent ? dialog.showSaveDialog(parent, electronOptions) : dialog.showSaveDialog(electronOptions);
    },
    showMessageBox(o) {
      const parent = window();
      const electronOptions = { ...o, buttons: [...o.buttons] };
      return parent ? dialog.showMessageBox(parent, electronOptions) : dialog.showMessageBox(electronOptions);
    },
    showItemInFolder(path) {
      shell.showItemInFolder(path);
    },
  };
  return nativeDialogs(api, options);
}
