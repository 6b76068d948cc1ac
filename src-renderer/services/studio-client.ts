import type { StudioApi } from '../../src-shared/ipc/studio-api';
import { createStudioApi } from '../../src-shared/ipc/studio-api';
import type { ConnectionSource } from './connection-status';
import { ALWAYS_OPEN } from './connection-status';
import { preloadTransport } from './preload-transport';
import { WebSocketTransport, webSocketUrlFor } from './web-socket-transport';

export interface StudioClient {
  readonly studio: StudioApi;
  readonly connection: ConnectionSource;
  /** The web host's socket address, for workers that open their own connection; null in Electron. */
  readonly webSocketUrl: string | null;
}

/**
 * Electron's preload exposes the API as `window.studio`; anywhere else this page was served by
 * the web host, which speaks the same contract over a WebSocket.
 */
export function createStudioClient(win: Window): StudioClient {
  if (win.studio !== undefined) return { studio: createStudioApi(preloadTransport(win.studio)), connection: ALWAYS_OPEN, webSocketUrl: null };
  const webSocketUrl = webSocketUrlFor(win.location);
  const transport = new WebSocketTransport(webSocketUrl);
  return { studio: createStudioApi(transport), connection: transport, webSocketUrl };
}

const client = createStudioClient(window);

/** The services, as the contract describes them; the only way the renderer reaches them. */
export const studio: StudioApi = client.studio;
export const connection: ConnectionSource = client.connection;
export const webSocketUrl: string | null = client.webSocketUrl;
