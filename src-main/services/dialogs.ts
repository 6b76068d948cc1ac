import type { AssetRole } from '../../src-shared/project/project-schema.js';
import { StudioError } from '../../src-shared/util/result.js';

/** Native file dialogs, which only the Electron host has. Each returns null when the user cancels. */
export interface Dialogs {
  openProject(): Promise<string | null>;
  saveProject(suggestedName: string): Promise<string | null>;
  pickMedia(role: AssetRole): Promise<string | null>;
  saveVideo(suggestedName: string): Promise<string | null>;
  /** An existing folder (the farm's storage); `title` says what it is for. */
  pickFolder(title: string): Promise<string | null>;
  /** Shows a file in the system's file manager. */
  revealFile(path: string): Promise<void>;
  /** Whether closing the window should first ask about unsaved changes. */
  setDocumentDirty(dirty: boolean): void;
  /** Closes the window once the UI saved what the close asked it to (Save in the close question). */
  closeWindow(): Promise<void>;
}

/** Hosts without native dialogs (web host, CLI): the UI asks for a path or uploads bytes instead. */
export const NO_NATIVE_DIALOGS: Dialogs = {
  openProject: noDialog,
  saveProject: noDialog,
  pickMedia: noDialog,
  saveVideo: noDialog,
  pickFolder: noDialog,
  revealFile: noDialog,
  closeWindow: noDialog,
  // A browser tab asks by itself (beforeunload); the CLI has no window.
  setDocumentDirty: () => {},
};

function noDialog(): Promise<never> {
  return Promise.reject(new StudioError('no-native-dialog', 'This host has no native file dialogs. Type a path instead.'));
}
