import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { request } from 'node:http';
import { connect as netConnect } from 'node:net';
import type { Socket } from 'node:net';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';

export const ROOT = join(__dirname, '..', '..');
export const WEB_HOST_JS = join(ROOT, 'dist', 'main', 'web-host.js');
export const webHostBuilt = existsSync(WEB_HOST_JS);

export interface HostProcess {
  readonly proc: ChildProcess;
  readonly port: number;
  readonly token: string;
  /** Everything the host wrote to stderr so far. */
  stderr(): string;
  /** Resolves with the exit code (or signal name) once the process ended. */
  readonly exited: Promise<number | string>;
}

/** Starts the built web host (`dist/main/web-host.js`) as its own process on a free loopback port. */
export function startHostProcess(dataDir: string): Promise<HostProcess> {
  const proc = spawn(process.execPath, [WEB_HOST_JS, '--port', '0'], { env: { ...process.env, ANIPORTRAIT_DATA_DIR: dataDir }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  proc.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
  const exited = new Promise<number | string>((resolve) => proc.on('exit', (code, signal) => resolve(code ?? signal ?? -1)));
  return new Promise((resolve, reject) => {
    let stdout = '';
    proc.stdout?.on('data', (c: Buffer) => {
      stdout += c.toString();
      const match = /http:\/\/127\.0\.0\.1:(\d+)\/\?token=([0-9a-f]+)/.exec(stdout);
      if (match) resolve({ proc, port: Number(match[1]), token: match[2], stderr: () => stderr, exited });
    });
    void exited.then((code) => reject(new Error(`web host exited (${code}) before printing its URL: ${stderr}`)));
  });
}

export function httpGet(port: number, path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Sends a raw request line (paths an HTTP client would refuse to send); resolves with the status code. */
export function rawHttpStatus(port: number, requestLine: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = netConnect(port, '127.0.0.1', () => socket.write(`${requestLine}\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`));
    let text = '';
    socket.on('data', (c: Buffer) => (text += c.toString('latin1')));
    socket.on('error', reject);
    socket.on('close', () => resolve(Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0)));
  });
}

/** A WebSocket opened by hand over TCP, so that tests can write frames no client library would send. */
export function rawWebSocket(port: number, token: string): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = netConnect(port, '127.0.0.1', () => {
      socket.write(
        [`GET /ws?token=${token} HTTP/1.1`, `Host: 127.0.0.1:${port}`, 'Upgrade: websocket', 'Connection: Upgrade', `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}`, 'Sec-WebSocket-Version: 13', '', ''].join('\r\n'),
      );
    });
    let head = Buffer.alloc(0);
    const onData = (c: Buffer) => {
      head = Buffer.concat([head, c]);
      const end = head.indexOf('\r\n\r\n');
      if (end < 0) return;
      socket.off('data', onData);
      if (!head.subarray(0, end).toString().startsWith('HTTP/1.1 101')) reject(new Error(`upgrade refused: ${head.toString()}`));
      else resolve(socket);
    };
    socket.on('data', onData);
    socket.on('error', reject);
  });
}

/** The close code of the server's close frame on a raw socket, or -1 if it closed without one. */
export function closeCodeOf(socket: Socket): Promise<number> {
  return new Promise((resolve) => {
    let bytes = Buffer.alloc(0);
    socket.on('data', (c: Buffer) => (bytes = Buffer.concat([bytes, c])));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      // Server frames are unmasked: [0x88, len, code hi, code lo, ...reason].
      const at = bytes.indexOf(0x88);
      resolve(at >= 0 && bytes.length >= at + 4 ? bytes.readUInt16BE(at + 2) : -1);
    });
  });
}

/** A masked client frame (what a browser sends); `firstByte` carries FIN, RSV bits and opcode. */
export function maskedFrame(firstByte: number, payload: Buffer): Buffer {
  const mask = randomBytes(4);
  const masked = Buffer.from(payload.map((b, i) => b ^ mask[i % 4]));
  if (payload.length > 125) throw new Error('maskedFrame: short payloads only');
  return Buffer.concat([Buffer.from([firstByte, 0x80 | payload.length]), mask, masked]);
}
