import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import type { WebSocket } from 'ws';
import { WebSocketServer } from 'ws';
import { decodeEnvelope, encodeEnvelopeParts } from '../../src-shared/ipc/binary-envelope.js';
import { MAX_IMPORT_BYTES } from '../../src-shared/ipc/contract.js';
import type { ServerMessage } from '../../src-shared/ipc/wire-messages.js';
import { clientMessageSchema } from '../../src-shared/ipc/wire-messages.js';
import type { Router, RouterLog } from '../ipc/router.js';
import { SECURITY_HEADERS, serveStatic } from './static-files.js';

export interface WebHostOptions {
  readonly router: Router;
  /** Folder of the built renderer (dist/renderer). */
  readonly staticDir: string;
  /** 0 picks a free port. */
  readonly port: number;
  /** Defaults to 32 random bytes, hex. */
  readonly token?: string;
  readonly log?: RouterLog;
}

export interface WebHost {
  readonly url: string;
  readonly port: number;
  readonly token: string;
  close(): Promise<void>;
}

/** Every socket message is one binary envelope; room for the largest import plus its header. */
const MAX_MESSAGE_BYTES = MAX_IMPORT_BYTES + 1024 * 1024;
const LOOPBACK = '127.0.0.1';

/**
 * Serves the studio to a browser on this machine only: binds 127.0.0.1, accepts a WebSocket only
 * with the random token of the printed URL, from a page of its own origin (no DNS rebinding, no
 * other site's scripts).
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = options.token ?? randomBytes(32).toString('hex');
  const log = options.log ?? (() => {});
  const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  let port = 0;

  const server = createServer((req, res) => {
    // No request, however malformed, may take the host down: whatever fails is answered 500.
    const fail = (error: unknown) => {
      log(`failed to serve ${JSON.stringify(req.url?.slice(0, 200))}: ${error instanceof Error ? error.message : String(error)}`);
      if (!res.headersSent) res.writeHead(500, SECURITY_HEADERS).end('Internal error');
      else res.destroy();
    };
    try {
      if (!isOwnHost(req, port)) {
        res.writeHead(421, SECURITY_HEADERS).end('Misdirected request');
        return;
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405, SECURITY_HEADERS).end('Method not allowed');
        return;
      }
      serveStatic(options.staticDir, new URL(req.url ?? '/', 'http://x').pathname, res).catch(fail);
    } catch (error) {
      fail(error);
    }
  });
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    else socket.destroy();
  });

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const refusal = url.pathname !== '/ws' ? '404 Not Found' : !isOwnHost(req, port) || !isOwnOrigin(req, port) ? '403 Forbidden' : !tokenMatches(url.searchParams.get('token'), token) ? '401 Unauthorized' : null;
    if (refusal) {
      log(`refused a WebSocket (${refusal}) from ${req.socket.remoteAddress ?? '?'}`);
      socket.end(`HTTP/1.1 ${refusal}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    sockets.handleUpgrade(req, socket, head, (ws) => serveSocket(ws, options.router, log));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, LOOPBACK, () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://${LOOPBACK}:${port}/?token=${token}`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of sockets.clients) client.terminate();
        sockets.close();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function serveSocket(ws: WebSocket, router: Router, log: RouterLog): void {
  const calls = new Map<number, AbortController>();
  const send = (message: ServerMessage) => {
    if (ws.readyState !== ws.OPEN) return;
    // One message in fragments, sent in one go (nothing can come between them): a preview frame's
    // pixels go out as they are, without being copied into one new buffer first.
    const parts = encodeEnvelopeParts(message);
    parts.forEach((part, i) => ws.send(part, { binary: true, fin: i === parts.length - 1 }));
  };
  // A protocol error (RSV bits, an unmasked frame, a reserved opcode, a frame over maxPayload):
  // ws has already closed the socket with 1002 or 1009; without this listener the error would kill the host.
  ws.on('error', (error) => log(`closed a socket after a protocol error: ${error.message}`));
  ws.on('message', (data, isBinary) => {
    if (!isBinary) {
      log('closed a socket that sent a text frame');
      ws.close(1003, 'binary envelopes only');
      return;
    }
    let message;
    try {
      const bytes = Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as ArrayBuffer);
      message = clientMessageSchema.safeParse(decodeEnvelope(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength)));
    } catch {
      message = undefined;
    }
    if (!message?.success) {
      log('closed a socket that sent a malformed message');
      ws.close(1007, 'malformed message');
      return;
    }
    const msg = message.data;
    if (msg.kind === 'cancel') {
      calls.get(msg.callId)?.abort();
      return;
    }
    const controller = new AbortController();
    calls.set(msg.callId, controller);
    const context = {
      signal: controller.signal,
      push: (channel: string, payload: unknown) => send({ kind: 'push', channel, payload }),
    };
    void router
      .route(msg.channel, msg.request, { trusted: true, description: 'web client with token' }, context)
      .then((outcome) => {
        if (outcome.kind === 'answered') send({ kind: 'result', callId: msg.callId, result: outcome.result });
      })
      .finally(() => calls.delete(msg.callId));
  });
  ws.on('close', () => {
    for (const controller of calls.values()) controller.abort();
    calls.clear();
  });
}

function tokenMatches(given: string | null, token: string): boolean {
  if (given === null) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function isOwnHost(req: IncomingMessage, port: number): boolean {
  const host = req.headers.host;
  return host === `${LOOPBACK}:${port}` || host === `localhost:${port}`;
}

/** Browsers always send Origin on WebSocket upgrades; non-browser clients (tests, scripts) may omit it. */
function isOwnOrigin(req: IncomingMessage, port: number): boolean {
  const origin = req.headers.origin;
  return origin === undefined || origin === `http://${LOOPBACK}:${port}` || origin === `http://localhost:${port}`;
}
