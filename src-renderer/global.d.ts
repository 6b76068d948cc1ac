import type { StudioApi } from '../src-shared/ipc/studio-api';

declare global {
  interface Window {
    /** Set by the Electron preload (contextBridge); absent when the web host serves the page. */
    readonly studio?: StudioApi;
  }
}

export {};
