import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { IpcMainInvokeEvent } from 'electron';
import { app, BrowserWindow, dialog, ipcMain, shell } from 'electron';
import { INVOKE_CHANNELS, PUSH_CHANNEL } from '../../src-shared/ipc/contract.js';
import type { Sender } from '../ipc/router.js';
import { createRouter } from '../ipc/router.js';
import { createStudioHandlers } from '../services/studio-services.js';
import { StudioSettingsStore } from '../files/studio-settings-store.js';
import { resolveDataDirs } from '../util/data-dirs.js';
import { runExitCleanups } from '../util/exit-cleanup.js';
import { electronDialogs } from './electron-dialogs.js';

/** The thin Electron shell: one sandboxed, context-isolated window over the shared services. */
const here = dirname(fileURLToPath(import.meta.url));
const rendererIndex = join(here, '..', 'renderer', 'index.html');
const rendererUrl = pathToFileURL(rendererIndex).href;
let mainWindow: BrowserWindow | undefined;
/** Whether the UI holds unsaved changes (it says so through app:set-dirty). */
let documentDirty = false;

function createWindow(): void {
  mainWindow = new BrowserWindow({
    width: 1440,
    height: 900,
    backgroundColor: '#15171c',
    title: 'AniPortrait Studio',
    webPreferences: {
      preload: join(here, 'preload.cjs'),
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
    },
  });
  // The studio never navigates or opens windows; links go to the system browser.
  mainWindow.webContents.on('will-navigate', (event) => event.preventDefault());
  mainWindow.webContents.setWindowOpenHandler(({ url }) => {
    if (url.startsWith('https://')) void shell.openExternal(url);
    return { action: 'deny' };
  });
  mainWindow.on('close', (event) => {
    if (!documentDirty || !mainWindow) return;
    const choice = dialog.showMessageBoxSync(mainWindow, {
      type: 'warning',
      buttons: ['Save', "Don't save", 'Cancel'],
      defaultId: 0,
      cancelId: 2,
      message: 'Save the changes to the project before closing?',
      detail: "Don't save closes the studio and loses them.",
    });
    if (choice === 1) return;
    event.preventDefault();
    // Save: the UI saves (asking where, if the project is untitled), then calls app:close-window.
    if (choice === 0) mainWindow.webContents.send(PUSH_CHANNEL.appDidAskSave, {});
  });
  mainWindow.on('closed', () => {
    mainWindow = undefined;
    // No window, no one to see an export: stop encoders and remove their .part files now.
    runExitCleanups();
  });
  void mainWindow.loadFile(rendererIndex);
}

/** Only the top frame of our own window, showing our own page, may call the services. */
function senderOf(event: IpcMainInvokeEvent): Sender {
  const frame = event.senderFrame;
  const ours = mainWindow !== undefined && event.sender.id === mainWindow.webContents.id;
  const trusted = ours && frame !== null && frame.parent === null && frame.url.split('#')[0].split('?')[0] === rendererUrl;
  return { trusted, description: frame?.url ?? 'unknown frame' };
}

void app.whenReady().then(() => {
  const dirs = resolveDataDirs(app.getPath('userData'));
  const settings = new StudioSettingsStore(dirs.dataDir);
  const handlers = createStudioHandlers({
    host: 'electron',
    dirs,
    dialogs: electronDialogs(() => mainWindow, {
      lastFolder: async () => (await settings.get()).recentFolders[0] ?? null,
      fallbackFolder: app.getPath('documents'),
      onDirty: (dirty) => (documentDirty = dirty),
      close: () => {
        documentDirty = false;
        mainWindow?.close();
      },
    }),
    settings,
  });
  const router = createRouter(handlers, (message) => console.error(`[ipc] ${message}`));
  for (const channel of INVOKE_CHANNELS) {
    ipcMain.handle(channel, async (event, payload: unknown) => {
      const controller = new AbortController();
      const outcome = await router.route(channel, payload, senderOf(event), {
        signal: controller.signal,
        push: (pushChannel, pushPayload) => event.sender.send(pushChannel, pushPayload),
      });
      if (outcome.kind === 'dropped') throw new Error('Request refused.');
      return outcome.result;
    });
  }
  createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
});

app.on('will-quit', runExitCleanups);
for (const name of ['SIGTERM', 'SIGHUP'] as const) process.on(name, () => app.quit());

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
