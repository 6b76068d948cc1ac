/**
 * How the renderer's link to the services is doing. Electron IPC is always 'open'; the web
 * host's WebSocket can fail to connect (bad token, host not running) or drop later.
 */
export type ConnectionState = 'connecting' | 'open' | 'closed';

export interface ConnectionStatus {
  readonly state: ConnectionState;
  /** For 'closed': one sentence for the user saying what happened and what to do. */
  readonly detail: string;
}

export interface ConnectionSource {
  current(): ConnectionStatus;
  /** Returns the unsubscribe function. */
  on(listener: (status: ConnectionStatus) => void): () => void;
}

/** The source for hosts whose channel cannot drop (Electron's IPC lives as long as the window). */
export const ALWAYS_OPEN: ConnectionSource = {
  current: () => ({ state: 'open', detail: '' }),
  on: () => () => {},
};
