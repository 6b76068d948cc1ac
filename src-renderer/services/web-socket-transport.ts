import { decodeEnvelope, encodeEnvelope } from '../../src-shared/ipc/binary-envelope';
import type { InvokeChannel, PushChannel } from '../../src-shared/ipc/contract';
import { isPushChannel, pushChannels } from '../../src-shared/ipc/contract';
import type { CallOptions, StudioTransport, Unsubscribe } from '../../src-shared/ipc/studio-api';
import type { ClientMessage } from '../../src-shared/ipc/wire-messages';
import { serverMessageSchema } from '../../src-shared/ipc/wire-messages';
import type { Result } from '../../src-shared/util/result';
import { fail } from '../../src-shared/util/result';
import type { ConnectionSource, ConnectionStatus } from './connection-status';
import { TypedEmitter } from './typed-emitter';
import { validateResponse } from './validate-response';

interface PendingCall {
  readonly channel: InvokeChannel;
  readonly resolve: (result: Result<unknown>) => void;
}

/** The web host's WebSocket URL for this page: same host, `/ws`, with the page's `token` parameter. */
export function webSocketUrlFor(location: Location): string {
  const token = new URLSearchParams(location.search).get('token') ?? '';
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  return `${scheme}://${location.host}/ws?token=${encodeURIComponent(token)}`;
}

/**
 * The web host's transport: every message is one binary frame holding one envelope
 * (binary-envelope.ts) of the wire messages (wire-messages.ts). Calls made before the socket
 * opens are queued; once it closes every call answers `unavailable` (no silent retry: the
 * host's token and state would not survive a restart anyway).
 */
export class WebSocketTransport implements StudioTransport, ConnectionSource {
  private readonly socket: WebSocket;
  private readonly pending = new Map<number, PendingCall>();
  private readonly queuedFrames: Uint8Array[] = [];
  private readonly pushEmitters = new Map<PushChannel, TypedEmitter<unknown>>();
  private readonly statusEmitter = new TypedEmitter<ConnectionStatus>();
  private status: ConnectionStatus = { state: 'connecting', detail: '' };
  private nextCallId = 1;
  private everOpened = false;

  constructor(url: string) {
    this.socket = new WebSocket(url);
    // Blobs would need an async read per frame; ArrayBuffers decode synchronously.
    this.socket.binaryType = 'arraybuffer';
    this.socket.addEventListener('open', () => this.handleOpen());
    this.socket.addEventListener('message', (event: MessageEvent<unknown>) => this.handleFrame(event.data));
    this.socket.addEventListener('close', (event) => this.handleClose(event.code));
  }

  invoke(channel: InvokeChannel, request: unknown, options: CallOptions = {}): Promise<Result<unknown>> {
    const { signal } = options;
    if (this.status.state === 'closed') return Promise.resolve(fail('unavailable', this.status.detail));
    if (signal?.aborted === true) return Promise.resolve(fail('cancelled', 'Cancelled.'));
    const callId = this.nextCallId++;
    const message: ClientMessage = { kind: 'call', callId, channel, request };
    let frame: Uint8Array;
    try {
      frame = encodeEnvelope(message);
    } catch (error) {
      return Promise.resolve(fail('invalid-request', `The request for ${channel} could not be encoded: ${String(error)}`));
    }
    return new Promise((resolve) => {
      this.pending.set(callId, { channel, resolve });
      if (this.status.state === 'open') this.socket.send(frame);
      else this.queuedFrames.push(frame);
      // Given up: answered here at once; the host is told, so it skips the work if not started.
      signal?.addEventListener('abort', () => {
        if (!this.pending.delete(callId)) return;
        this.sendNow({ kind: 'cancel', callId });
        resolve(fail('cancelled', 'Cancelled.'));
      }, { once: true });
    });
  }

  /** A message that is only worth sending on an open socket (a cancel of a call still queued is simply not sent). */
  private sendNow(message: ClientMessage): void {
    if (this.status.state === 'open') this.socket.send(encodeEnvelope(message));
  }

  subscribe(channel: PushChannel, listener: (payload: unknown) => void): Unsubscribe {
    let emitter = this.pushEmitters.get(channel);
    if (emitter === undefined) {
      emitter = new TypedEmitter<unknown>();
      this.pushEmitters.set(channel, emitter);
    }
    return emitter.on(listener);
  }

  current(): ConnectionStatus {
    return this.status;
  }

  on(listener: (status: ConnectionStatus) => void): () => void {
    return this.statusEmitter.on(listener);
  }

  private setStatus(status: ConnectionStatus): void {
    this.status = status;
    this.statusEmitter.emit(status);
  }

  private handleOpen(): void {
    this.everOpened = true;
    this.setStatus({ state: 'open', detail: '' });
    for (const frame of this.queuedFrames.splice(0)) this.socket.send(frame);
  }

  private handleClose(code: number): void {
    // Browsers hide the HTTP status of a refused upgrade (a 401 for a wrong token reads as 1006).
    const detail = this.everOpened
      ? `The connection to the studio service was lost (WebSocket code ${code}). Restart the web host and reload the page.`
      : 'Could not connect to the studio service. Check that the web host is running and that the page address carries the token it printed.';
    this.setStatus({ state: 'closed', detail });
    this.queuedFrames.length = 0;
    for (const call of this.pending.values()) call.resolve(fail('unavailable', detail));
    this.pending.clear();
  }

  private handleFrame(data: unknown): void {
    if (!(data instanceof ArrayBuffer)) {
      console.warn('web host sent a text frame; ignored');
      return;
    }
    let decoded: unknown;
    try {
      // The message's own buffer: its pixels are used where they arrived, not copied again.
      decoded = decodeEnvelope(new Uint8Array(data), { viewsIntoFrame: true });
    } catch (error) {
      console.warn('web host sent an undecodable frame; ignored', error);
      return;
    }
    const parsed = serverMessageSchema.safeParse(decoded);
    if (!parsed.success) {
      console.warn('web host sent an unknown message; ignored', parsed.error.issues[0]);
      return;
    }
    const message = parsed.data;
    if (message.kind === 'push') {
      this.deliverPush(message.channel, message.payload);
      return;
    }
    const call = this.pending.get(message.callId);
    if (call === undefined) return;
    this.pending.delete(message.callId);
    call.resolve(message.result.ok ? validateResponse(call.channel, message.result.value) : message.result);
  }

  private deliverPush(channel: string, payload: unknown): void {
    if (!isPushChannel(channel)) return;
    const parsed = pushChannels[channel].safeParse(payload);
    if (parsed.success) this.pushEmitters.get(channel)?.emit(parsed.data);
  }
}
