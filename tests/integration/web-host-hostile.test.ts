// @vitest-environment node
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { decodeEnvelope, encodeEnvelope } from '../../src-shared/ipc/binary-envelope.js';
import type { ServerMessage } from '../../src-shared/ipc/wire-messages.js';
import type { HostProcess } from '../helpers/web-host-process.js';
import { closeCodeOf, httpGet, maskedFrame, rawHttpStatus, rawWebSocket, startHostProcess, webHostBuilt } from '../helpers/web-host-process.js';

if (!webHostBuilt) console.log('web-host-hostile.test: dist/main/web-host.js is missing; `npm test` builds it first (npm run build).');

/** Requests a hostile page or client can send; the host (its own process here) must answer or close, and stay up. */
describe.runIf(webHostBuilt)('web host under hostile requests', () => {
  let host: HostProcess;

  // A host per test: one that dies fails only its own test.
  beforeEach(async () => {
    host = await startHostProcess(mkdtempSync(join(tmpdir(), 'aniportrait-hostile-')));
  });

  afterEach(async () => {
    if (host.proc.exitCode === null) host.proc.kill('SIGTERM');
    await host.exited;
  });

  async function appInfoAnswers(): Promise<boolean> {
    const ws = new WebSocket(`ws://127.0.0.1:${host.port}/ws?token=${host.token}`);
    await new Promise((resolve, reject) => {
      ws.on('open', resolve);
      ws.on('error', reject);
    });
    const answer = await new Promise<ServerMessage>((resolve) => {
      ws.on('message', (data: Buffer) => resolve(decodeEnvelope(new Uint8Array(data)) as ServerMessage));
      ws.send(encodeEnvelope({ kind: 'call', callId: 1, channel: 'app:info', request: {} }));
    });
    ws.close();
    return answer.kind === 'result' && answer.result.ok;
  }

  it('answers 400 to a request line with a bad percent-escape, without a token, and keeps serving', async () => {
    expect(await rawHttpStatus(host.port, 'GET /% HTTP/1.1')).toBe(400);
    expect(await rawHttpStatus(host.port, 'GET /%E0%A4%A HTTP/1.1')).toBe(400);
    expect(await httpGet(host.port, '/index.html')).not.toBe(0);
    expect(await appInfoAnswers()).toBe(true);
  });

  it('closes a socket that breaks the WebSocket protocol with the right code; the host and other clients stay up', async () => {
    const bystander = new WebSocket(`ws://127.0.0.1:${host.port}/ws?token=${host.token}`);
    await new Promise((resolve, reject) => {
      bystander.on('open', resolve);
      bystander.on('error', reject);
    });
    let bystanderClosed = false;
    bystander.on('close', () => (bystanderClosed = true));
    const frames: [string, Buffer, number][] = [
      ['RSV1 set without an extension', maskedFrame(0xc2, Buffer.from([1, 2, 3])), 1002],
      ['an unmasked client frame', Buffer.from([0x82, 0x03, 1, 2, 3]), 1002],
      ['a reserved opcode', maskedFrame(0x83, Buffer.from([1])), 1002],
      // A header announcing 2^40 bytes: refused from the header alone, nothing is buffered.
      ['a length over maxPayload', Buffer.from([0x82, 0xff, 0, 0, 0x01, 0, 0, 0, 0, 0]), 1009],
    ];
    for (const [what, frame, code] of frames) {
      const socket = await rawWebSocket(host.port, host.token);
      const closed = closeCodeOf(socket);
      socket.write(frame);
      expect(await closed, what).toBe(code);
    }
    expect(await appInfoAnswers()).toBe(true);
    expect(bystanderClosed).toBe(false);
    bystander.close();
  });
});
