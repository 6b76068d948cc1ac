import type { StudioApi } from '../../src-shared/ipc/studio-api';
import { createStudioApi } from '../../src-shared/ipc/studio-api';
import type { ConnectionSource } from './connection-status';
import { ALWAYS_OPEN } from './connection-status';
import { preloadTransport } from './preload-transport';
import { WebSocketTransport, webSocketUrlFor } from './web-socket-transport';

export interface StudioClient {
  readonly studio: StudioApi;
  readonly connection: ConnectionSource;
}

/**
 * Electron's preload exposes the API as `window.studio`; anywhere else this page was served by
 * the web host, which speaks the same contract over a WebSocket.
 */
export function createStudioClient(win: Window): StudioClient {
  if (win.studio !== undefined) return { studio: createStudioApi(preloadTransport(win.studio)), connection: ALWAYS_OPEN };
  const transport = new WebSocketTransport(webSocketUrlFor(win.location));
  return { studio: createStudioApi(transport), connection: transport };
}

const client = createStudioClient(window);

/** The services, as the contract describes them; the only way the renderer reaches them. */
export const studio: StudioApi = client.studio;
export const connection: ConnectionSource = client.connection;
