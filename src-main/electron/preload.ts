import { contextBridge, ipcRenderer } from 'electron';
import type { Result } from '../../src-shared/util/result.js';
import { createStudioApi } from '../../src-shared/ipc/studio-api.js';

/**
 * Exposes the typed app actions as `window.studio`, never ipcRenderer itself. Bundled into one
 * CommonJS file because sandboxed preloads cannot load modules.
 */
const api = createStudioApi({
  invoke: (channel, request) => ipcRenderer.invoke(channel, request) as Promise<Result<unknown>>,
  subscribe(channel, listener) {
    const handler = (_event: Electron.IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(channel, handler);
    return () => void ipcRenderer.removeListener(channel, handler);
  },
});

contextBridge.exposeInMainWorld('studio', api);

export type StudioApi = typeof api;
