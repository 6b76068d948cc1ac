// @vitest-environment node
import type { ChildProcess } from 'node:child_process';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { decodeEnvelope, encodeEnvelope } from '../../src-shared/ipc/binary-envelope.js';
import type { ServerMessage } from '../../src-shared/ipc/wire-messages.js';
import { fixture } from '../helpers/fixtures.js';
import { childrenNamed, eventually, isAlive } from '../helpers/processes.js';
import { toneBursts, wavBytes } from '../helpers/wav.js';
import { ROOT, startHostProcess, webHostBuilt } from '../helpers/web-host-process.js';

const BIN = join(ROOT, 'bin', 'aniportrait.js');
const built = existsSync(join(ROOT, 'dist', 'main', 'cli.js')) && webHostBuilt;
if (!built) console.log('stop-signals.test: dist/main is missing; `npm test` builds it first (npm run build).');
const linux = existsSync('/proc/self/stat');
if (!linux) console.log('stop-signals.test: needs /proc (Linux) to see ffmpeg processes; skipping.');
const photo = fixture('ref_cxk.png');

/** However a job is stopped, no ffmpeg keeps running and no broken .part stays beside the output. */
describe.runIf(built && linux && photo !== undefined)('stopping a running export', () => {
  const dir = mkdtempSync(join(tmpdir(), 'aniportrait-stop-'));
  const env = { ...process.env, ANIPORTRAIT_DATA_DIR: join(dir, 'data') };
  // Long enough that the export is still running when the signal comes.
  const audio = join(dir, 'long.wav');
  writeFileSync(audio, wavBytes(toneBursts(120, 16000), 16000));
  const leftovers = (name: string) => readdirSync(dir).filter((f) => f.startsWith(name));

  /** Starts a render and resolves once ffmpeg is writing the .part; with ffmpeg's pid. */
  async function startRender(out: string): Promise<{ cli: ChildProcess; ffmpegPid: number; exited: Promise<number | string>; stderr: () => string }> {
    const cli = spawn(process.execPath, [BIN, 'render', '--image', photo as string, '--audio', audio, '--out', out, '--size', '256'], { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    cli.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
    const exited = new Promise<number | string>((resolve) => cli.on('exit', (code, signal) => resolve(code ?? signal ?? -1)));
    const writing = await eventually(() => existsSync(`${out}.part`) && statSync(`${out}.part`).size > 0 && childrenNamed(cli.pid as number, 'ffmpeg').length === 1, 60_000);
    if (!writing) throw new Error(`the render never started writing: ${stderr}`);
    return { cli, ffmpegPid: childrenNamed(cli.pid as number, 'ffmpeg')[0], exited, stderr: () => stderr };
  }

  for (const [signal, code] of [['SIGTERM', 143], ['SIGHUP', 129], ['SIGINT', 130]] as const) {
    it(`${signal} exits ${code}, stops ffmpeg and removes the .part`, async () => {
      const out = join(dir, `${signal}.mp4`);
      const { cli, ffmpegPid, exited, stderr } = await startRender(out);
      cli.kill(signal);
      expect(await exited).toBe(code);
      expect(stderr()).toMatch(new RegExp(`stopped \\(${signal}\\); no partial file was left behind`));
      expect(await eventually(() => !isAlive(ffmpegPid), 10_000)).toBe(true);
      expect(leftovers(`${signal}.mp4`)).toEqual([]);
    });
  }

  it('a second render of the same output fails at once, naming the running one, and leaves the first alone', async () => {
    const out = join(dir, 'busy.mp4');
    const { cli, exited } = await startRender(out);
    const second = spawnSync(process.execPath, [BIN, 'render', '--image', photo as string, '--audio', audio, '--out', out, '--size', '256'], { env, encoding: 'utf8' });
    expect(second.status).toBe(1);
    expect(second.stderr).toMatch(new RegExp(`busy\\.mp4" is being written by another job \\(process ${cli.pid}\\)\\. Wait for it to finish or choose another file`));
    // Refused before its own analysis or rendering started.
    expect(second.stderr).not.toMatch(/Rendering|warning/);
    expect(existsSync(`${out}.part`)).toBe(true);
    cli.kill('SIGINT');
    expect(await exited).toBe(130);
    expect(leftovers('busy.mp4')).toEqual([]);
  });

  it('after SIGKILL, ffmpeg stops by itself (its input closed) and the next run replaces the stale .part and lock', async () => {
    const out = join(dir, 'killed.mp4');
    const { cli, ffmpegPid, exited } = await startRender(out);
    cli.kill('SIGKILL');
    await exited;
    expect(await eventually(() => !isAlive(ffmpegPid), 30_000)).toBe(true);
    expect(leftovers('killed.mp4').sort()).toEqual(['killed.mp4.lock', 'killed.mp4.part']);
    const short = join(dir, 'short.wav');
    writeFileSync(short, wavBytes(toneBursts(1, 16000), 16000));
    const again = spawnSync(process.execPath, [BIN, 'render', '--image', photo as string, '--audio', short, '--out', out, '--size', '128'], { env, encoding: 'utf8' });
    expect(again.status, again.stderr).toBe(0);
    expect(leftovers('killed.mp4')).toEqual(['killed.mp4']);
  });

  it.each(['SIGTERM', 'SIGHUP'] as const)('%s to the web host during a studio export stops ffmpeg and removes the .part', async (signal) => {
    const host = await startHostProcess(join(dir, `host-data-${signal}`));
    const ws = new WebSocket(`ws://127.0.0.1:${host.port}/ws?token=${host.token}`);
    await new Promise((resolve, reject) => ws.on('open', resolve).on('error', reject));
    let nextId = 1;
    const call = (channel: string, request: unknown) =>
      new Promise<unknown>((resolve, reject) => {
        const callId = nextId++;
        ws.on('message', function onMessage(data: Buffer) {
          const message = decodeEnvelope(new Uint8Array(data)) as ServerMessage;
          if (message.kind !== 'result' || message.callId !== callId) return;
          ws.off('message', onMessage);
          if (message.result.ok) resolve(message.result.value);
          else reject(new Error(message.result.error.message));
        });
        ws.send(encodeEnvelope({ kind: 'call', callId, channel, request }));
      });
    const asBuffer = (b: Buffer) => b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength);
    const opened = (await call('project:new', { name: 'Stop me' })) as { workDir: string; document: Record<string, unknown> };
    const photoRef = (await call('assets:import', { workDir: opened.workDir, role: 'photo', source: { kind: 'bytes', fileName: 'face.png', data: asBuffer(readFileSync(photo as string)) } })) as { id: string };
    const audioRef = (await call('assets:import', { workDir: opened.workDir, role: 'audio', source: { kind: 'bytes', fileName: 'long.wav', data: asBuffer(readFileSync(audio)) } })) as { id: string };
    const document = { ...opened.document, assets: [audioRef, photoRef], audioAssetId: audioRef.id, photoAssetId: photoRef.id };
    const out = join(dir, `studio-${signal}.mp4`);
    void call('export:video', { workDir: opened.workDir, document, jobId: 'stop-me', outPath: out }).catch(() => undefined);
    const pid = host.proc.pid as number;
    const writing = await eventually(() => existsSync(`${out}.part`) && childrenNamed(pid, 'ffmpeg').length === 1, 60_000);
    expect(writing, host.stderr()).toBe(true);
    const ffmpegPid = childrenNamed(pid, 'ffmpeg')[0];
    host.proc.kill(signal);
    expect(await host.exited).toBe(0);
    expect(await eventually(() => !isAlive(ffmpegPid), 10_000)).toBe(true);
    expect(leftovers(`studio-${signal}.mp4`)).toEqual([]);
  });
});
