// @vitest-environment node
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { decodeEnvelope, encodeEnvelope } from '../../src-shared/ipc/binary-envelope.js';
import type { ServerMessage } from '../../src-shared/ipc/wire-messages.js';
import { closeCodeOf, maskedFrame, rawHttpStatus, rawWebSocket, startHostProcess, webHostBuilt } from '../helpers/web-host-process.js';

const CLIENTS = 4;
const MESSAGES = 1000;

/** Resident memory of a process in MiB (Linux). */
function rssMiB(pid: number): number {
  const line = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return Number(line?.[1] ?? NaN) / 1024;
}

type Outcome = 'answered-ok' | 'answered-error' | 'closed' | 'http';

/**
 * 1,000 mixed valid and invalid messages from 4 clients at once, over loopback, against the real
 * web host in its own process: every one is answered or closes only its own socket, the host
 * stays up, and its memory does not grow with the number of messages.
 */
describe.runIf(webHostBuilt && process.platform === 'linux')('web host soak', () => {
  it('stays up, answers every valid call, and keeps its memory flat', async () => {
    const host = await startHostProcess(mkdtempSync(join(tmpdir(), 'aniportrait-soak-')));
    const pid = host.proc.pid as number;
    const open = () =>
      new Promise<WebSocket>((resolve, reject) => {
        const ws = new WebSocket(`ws://127.0.0.1:${host.port}/ws?token=${host.token}`);
        ws.on('open', () => resolve(ws)).on('error', reject);
      });
    /** Sends one envelope and waits for its answer, or for the socket to close. */
    const exchange = (ws: WebSocket, callId: number, payload: Uint8Array) =>
      new Promise<Outcome>((resolve) => {
        const onMessage = (data: Buffer) => {
          const message = decodeEnvelope(new Uint8Array(data)) as ServerMessage;
          if (message.kind !== 'result' || message.callId !== callId) return;
          done(message.result.ok ? 'answered-ok' : 'answered-error');
        };
        const onClose = () => done('closed');
        const done = (outcome: Outcome) => {
          ws.off('message', onMessage);
          ws.off('close', onClose);
          resolve(outcome);
        };
        ws.on('message', onMessage);
        ws.on('close', onClose);
        ws.send(payload);
      });
    const call = (callId: number, channel: string, request: unknown) => encodeEnvelope({ kind: 'call', callId, channel, request });

    /** Message i of the mix: what to send, and what must come of it. */
    async function send(ws: WebSocket, i: number): Promise<[Outcome, Outcome, WebSocket]> {
      switch (i % 10) {
        case 0:
        case 1:
        case 2:
          return [await exchange(ws, i, call(i, 'app:info', {})), 'answered-ok', ws];
        case 3:
          return [await exchange(ws, i, call(i, 'project:recent', {})), 'answered-ok', ws];
        case 4:
          return [await exchange(ws, i, call(i, 'no:such-channel', {})), 'answered-error', ws];
        case 5:
          return [await exchange(ws, i, call(i, 'assets:read', { workDir: '/etc', relPath: '../shadow' })), 'answered-error', ws];
        case 6:
          return [await exchange(ws, i, call(i, 'project:open', { path: 7 })), 'answered-error', ws];
        case 7: {
          // Not an envelope: this socket is closed; the client opens a new one.
          const outcome = await exchange(ws, i, Buffer.from([0xde, 0xad, 0xbe, 0xef, i & 0xff]));
          return [outcome, 'closed', await open()];
        }
        case 8: {
          // A protocol error on a raw socket of its own (RSV1 set).
          const raw = await rawWebSocket(host.port, host.token);
          const closed = closeCodeOf(raw);
          raw.write(maskedFrame(0xc2, Buffer.from([1, 2, 3])));
          return [(await closed) === 1002 ? 'closed' : 'answered-error', 'closed', ws];
        }
        default:
          return [(await rawHttpStatus(host.port, 'GET /%zz HTTP/1.1')) === 400 ? 'http' : 'closed', 'http', ws];
      }
    }

    let warmRssMiB = 0;
    let sent = 0;
    const mismatches: string[] = [];
    await Promise.all(
      Array.from({ length: CLIENTS }, async (_, client) => {
        let ws = await open();
        for (let k = 0; k < MESSAGES / CLIENTS; k++) {
          const i = k * CLIENTS + client;
          const [got, wanted, next] = await send(ws, i);
          if (got !== wanted) mismatches.push(`message ${i}: ${got}, expected ${wanted}`);
          ws = next;
          if (++sent === MESSAGES / 5) warmRssMiB = rssMiB(pid);
        }
        ws.close();
      }),
    );
    const endRssMiB = rssMiB(pid);
    console.log(`web host soak: ${MESSAGES} messages from ${CLIENTS} clients; RSS ${warmRssMiB.toFixed(1)} MiB after ${MESSAGES / 5}, ${endRssMiB.toFixed(1)} MiB at the end`);
    expect(mismatches).toEqual([]);
    expect(host.proc.exitCode).toBeNull();
    // Flat: 800 more messages may not add more than 32 MiB (a leak of 40 kB a message would).
    expect(endRssMiB - warmRssMiB).toBeLessThan(32);
    host.proc.kill('SIGTERM');
    expect(await host.exited).toBe(0);
  });
});
