// @vitest-environment node
import { mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createRouter } from '../../src-main/ipc/router.js';
import { NO_NATIVE_DIALOGS } from '../../src-main/services/dialogs.js';
import { createStudioHandlers } from '../../src-main/services/studio-services.js';
import type { WebHost } from '../../src-main/web-host/web-host.js';
import { startWebHost } from '../../src-main/web-host/web-host.js';
import { decodeEnvelope, encodeEnvelope } from '../../src-shared/ipc/binary-envelope.js';
import type { ServerMessage } from '../../src-shared/ipc/wire-messages.js';

let host: WebHost;

beforeAll(async () => {
  const root = mkdtempSync(join(tmpdir(), 'aniportrait-web-'));
  const staticDir = join(root, 'renderer');
  writeFileSync(join(root, 'secret.txt'), 'secret');
  await import('node:fs/promises').then((fs) => fs.mkdir(staticDir));
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>studio</title>');
  const handlers = createStudioHandlers({ host: 'web', dirs: { dataDir: join(root, 'data'), projectsDir: join(root, 'p') }, dialogs: NO_NATIVE_DIALOGS });
  host = await startWebHost({ router: createRouter(handlers), staticDir, port: 0 });
});

afterAll(() => host.close());

function get(path: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: host.port, path, headers }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Opens a socket; resolves with it, or with the HTTP status of the refusal. */
function connect(query: string, headers: Record<string, string> = {}): Promise<WebSocket | number> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`ws://127.0.0.1:${host.port}/ws${query}`, { headers });
    ws.on('open', () => resolve(ws));
    ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? -1));
    ws.on('error', () => resolve(-1));
  });
}

function callOver(ws: WebSocket, callId: number, channel: string, req: unknown): Promise<ServerMessage> {
  return new Promise((resolve) => {
    ws.on('message', function onMessage(data: Buffer) {
      const message = decodeEnvelope(new Uint8Array(data)) as ServerMessage;
      if (message.kind === 'result' && message.callId === callId) {
        ws.off('message', onMessage);
        resolve(message);
      }
    });
    ws.send(encodeEnvelope({ kind: 'call', callId, channel, request: req }));
  });
}

describe('web host', () => {
  it('binds 127.0.0.1 and prints a URL with a 64-hex-digit token', () => {
    expect(host.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${host.port}/\\?token=[0-9a-f]{64}$`));
  });

  it('serves the renderer with security headers, and nothing outside it', async () => {
    const index = await get('/');
    expect(index.status).toBe(200);
    expect(index.body).toContain('<title>studio</title>');
    expect(index.headers['referrer-policy']).toBe('no-referrer');
    expect(index.headers['content-security-policy']).toContain("default-src 'self'");
    expect((await get('/..%2Fsecret.txt')).status).not.toBe(200);
    expect((await get('/', { Host: 'evil.example:80' })).status).toBe(421);
  });

  it('refuses a socket with a missing or wrong token, or from another origin', async () => {
    expect(await connect('')).toBe(401);
    expect(await connect('?token=deadbeef')).toBe(401);
    // One character off (never the same character: a token ending in '0' would otherwise be right).
    const lastChar = host.token.slice(-1) === '0' ? '1' : '0';
    expect(await connect(`?token=${host.token.slice(0, -1)}${lastChar}`)).toBe(401);
    expect(await connect(`?token=${host.token}`, { Origin: 'https://evil.example' })).toBe(403);
  });

  it('answers calls with the right token, and validates them', async () => {
    const ws = await connect(`?token=${host.token}`, { Origin: `http://127.0.0.1:${host.port}` });
    if (typeof ws === 'number') throw new Error(`refused: ${ws}`);
    const info = await callOver(ws, 1, 'app:info', {});
    expect(info.kind === 'result' && info.result.ok).toBe(true);
    expect(info.kind === 'result' && info.result.ok && (info.result.value as { host: string }).host).toBe('web');
    const bad = await callOver(ws, 2, 'project:open', { path: 7 });
    expect(bad.kind === 'result' && !bad.result.ok && bad.result.error.code).toBe('invalid-request');
    // A frame that is not a binary envelope closes the socket.
    const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
    ws.send('{"kind":"call"}');
    expect(await closed).toBe(1003);
  });
});
