// @vitest-environment node
import type { ChildProcess } from 'node:child_process';
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FarmJobView } from '../../src-shared/farm/farm-job-view.js';
import { CANCELLED_MESSAGE } from '../../src-shared/farm/farm-job.js';
import { FarmClient } from '../../src-main/farm/farm-client.js';
import { ffmpegBinaries } from '../../src-main/media/ffmpeg-binaries.js';
import { cliRunner } from '../helpers/cli-runner.js';
import { builtCli, fixture } from '../helpers/fixtures.js';
import { solidPng } from '../helpers/png.js';
import { childrenNamed, isAlive } from '../helpers/processes.js';
import { TestRedis, redisServerInstalled } from '../helpers/redis-server.js';

/**
 * The render farm end to end: a real redis-server (AOF) on a loopback port, real worker processes
 * of the built CLI, jobs submitted with `aniportrait submit`. Short clips at 128 px keep it bounded.
 */
const photo = fixture('ref_cxk.png');
const speech = fixture('speech_cxk.wav');
const ready = redisServerInstalled() && builtCli() && photo !== undefined && speech !== undefined;

const BIN = join(__dirname, '..', '..', 'bin', 'aniportrait.js');
const root = mkdtempSync(join(tmpdir(), 'aniportrait-farm-'));
const storage = join(root, 'storage');
const cli = cliRunner(root);
const { ffmpegPath } = ffmpegBinaries();
const FRAMES = 60; // 2 s at 30 fps
// Short locks so a killed worker's job is taken over within seconds (BullMQ's defaults are 30 s).
const STALL_FLAGS = ['--lock-sec', '8', '--stalled-check-sec', '2'];

let redis: TestRedis;
let connection: Redis;
let client: FarmClient;
const workers: { child: ChildProcess; log: string[] }[] = [];

function startWorker(): { child: ChildProcess; log: string[] } {
  const child = spawn(process.execPath, [BIN, 'worker', '--redis', redis.url, '--storage', storage, ...STALL_FLAGS], { cwd: root, env: { ...process.env, ANIPORTRAIT_DATA_DIR: join(root, 'data') } });
  const worker = { child, log: [] as string[] };
  child.stderr.on('data', (chunk: Buffer) => worker.log.push(...chunk.toString().split('\n').filter((l) => l !== '')));
  workers.push(worker);
  return worker;
}

function submit(...args: string[]): string {
  const result = cli('submit', '--redis', redis.url, '--storage', storage, ...args);
  if (result.status !== 0) throw new Error(`submit failed (${result.status}): ${result.stderr}`);
  return result.stdout.trim();
}

async function until(what: string, condition: (jobs: FarmJobView[]) => boolean, limitMs: number): Promise<FarmJobView[]> {
  for (const started = Date.now(); Date.now() - started < limitMs; ) {
    const jobs = await client.list();
    if (condition(jobs)) return jobs;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`timed out waiting until ${what}: ${JSON.stringify((await client.list()).map((j) => [j.id, j.state, j.failedReason]))}\n${workers.map((w) => w.log.join('\n')).join('\n---\n')}`);
}

function frameHashes(path: string): string[] {
  const text = execFileSync(ffmpegPath, ['-v', 'error', '-i', path, '-map', '0:v:0', '-f', 'framemd5', '-'], { encoding: 'utf8' });
  return text.split('\n').filter((line) => line !== '' && !line.startsWith('#')).map((line) => line.split(',').pop()!.trim());
}

const pidOf = (workerName: string) => Number(workerName.split(':').pop());

describe.skipIf(!ready)('render farm (BullMQ on a real Redis, real worker processes)', () => {
  const clip = join(root, 'clip2s.wav');
  const longClip = join(root, 'clip10s.wav');
  const blank = join(root, 'blank.png');

  beforeAll(async () => {
    mkdirSync(storage);
    execFileSync(ffmpegPath, ['-v', 'error', '-i', speech!, '-t', '2', clip]);
    execFileSync(ffmpegPath, ['-v', 'error', '-i', speech!, longClip]);
    writeFileSync(blank, solidPng(256, 256, [128, 128, 128]));
    redis = await TestRedis.start();
    connection = new Redis(redis.url, { maxRetriesPerRequest: null });
    // The tests restart Redis on purpose; this client reconnects like the workers do.
    connection.on('error', () => undefined);
    client = new FarmClient(connection);
  });

  afterAll(async () => {
    for (const { child } of workers) if (child.exitCode === null) child.kill('SIGKILL');
    await client?.close();
    connection?.disconnect();
    await redis?.stop();
  });

  it('6 jobs on 3 workers, one SIGKILLed mid-job: queued jobs survive a Redis restart, the job is taken over, all 6 outputs valid, none lost or doubled, frames as a local render', async () => {
    const ids = [0, 1, 2, 3, 4, 5].map((i) => submit('--image', photo!, '--audio', clip, '--size', '128', '--seed', String(i), '--out', `talk${i}.mp4`));
    expect(new Set(ids).size).toBe(6);
    // AOF: a Redis restart keeps the queued jobs.
    await redis.restart();
    expect((await until('6 jobs are listed after the restart', (jobs) => jobs.length === 6, 10_000)).every((j) => j.state === 'waiting')).toBe(true);

    for (let i = 0; i < 3; i++) startWorker();
    const running = await until('a job has encoded frames', (jobs) => jobs.some((j) => j.state === 'active' && (j.progress?.framesDone ?? 0) > 0), 60_000);
    const victim = running.find((j) => j.state === 'active' && (j.progress?.framesDone ?? 0) > 0)!;
    const victimPid = pidOf(victim.progress!.worker);
    const killed = workers.find((w) => w.child.pid === victimPid)!;
    killed.child.kill('SIGKILL');

    const done = await until('all 6 jobs finished', (jobs) => jobs.length === 6 && jobs.every((j) => j.state === 'completed' || j.state === 'failed'), 120_000);
    expect(done.map((j) => [j.id, j.state, j.failedReason])).toEqual(done.map((j) => [j.id, 'completed', null]));
    const takenOver = done.find((j) => j.id === victim.id)!;
    expect(takenOver.stalledCount).toBe(1);
    expect(takenOver.attemptsStarted).toBe(2);
    expect(pidOf(takenOver.result!.worker)).not.toBe(victimPid);

    // Every output once, whole, no .part left in the storage.
    expect(readdirSync(join(storage, 'outputs')).sort()).toEqual([0, 1, 2, 3, 4, 5].map((i) => `talk${i}.mp4`));
    for (let i = 0; i < 6; i++) expect(frameHashes(join(storage, 'outputs', `talk${i}.mp4`))).toHaveLength(FRAMES);
    const doneLines = workers.flatMap((w) => w.log.filter((l) => / done: /.test(l)));
    for (const id of ids) expect(doneLines.filter((l) => l.startsWith(`job ${id} done`))).toHaveLength(1);

    // The farm's video is the local render's, frame for frame.
    const local = cli('render', '--image', photo!, '--audio', clip, '--size', '128', '--seed', '0', '--out', join(root, 'local0.mp4'));
    expect(local.status, local.stderr).toBe(0);
    expect(frameHashes(join(storage, 'outputs', 'talk0.mp4'))).toEqual(frameHashes(join(root, 'local0.mp4')));
  }, 240_000);

  it('workers reconnect after Redis restarts; cancel stops the running job and its ffmpeg, and leaves no output', async () => {
    await redis.restart();
    // 10 s at 512 px: long enough to still run when the cancel comes.
    const id = submit('--image', photo!, '--audio', longClip, '--size', '512', '--out', 'cancelled.mp4');
    const running = await until('the long job encodes', (jobs) => jobs.some((j) => j.id === id && (j.progress?.framesDone ?? 0) > 0), 60_000);
    const workerPid = pidOf(running.find((j) => j.id === id)!.progress!.worker);
    expect(childrenNamed(workerPid, 'ffmpeg').length).toBeGreaterThan(0);

    const cancel = cli('jobs', '--redis', redis.url, 'cancel', id);
    expect(cancel.status, cancel.stderr).toBe(0);
    const jobs = await until('the job failed as cancelled', (all) => all.some((j) => j.id === id && j.state === 'failed'), 30_000);
    const job = jobs.find((j) => j.id === id)!;
    expect(job.failedReason).toBe(CANCELLED_MESSAGE);
    expect(job.attemptsStarted).toBe(1);
    expect(isAlive(workerPid)).toBe(true);
    expect(childrenNamed(workerPid, 'ffmpeg')).toEqual([]);
    expect(readdirSync(join(storage, 'outputs')).filter((f) => f.startsWith('cancelled') || f.startsWith('.cancelled'))).toEqual([]);
  }, 120_000);

  it('a job whose photo has no face fails at once, with the message a local render gives', async () => {
    const local = cli('render', '--image', blank, '--audio', clip, '--size', '128', '--out', join(root, 'blank.mp4'));
    expect(local.status).toBe(1);
    const message = local.stderr.trim().replace(/^aniportrait render: /, '');
    const waited = cli('submit', '--redis', redis.url, '--storage', storage, '--image', blank, '--audio', clip, '--size', '128', '--out', 'blank.mp4', '--wait');
    expect(waited.status).toBe(1);
    const id = waited.stdout.trim();
    const job = await client.get(id);
    expect(job.state).toBe('failed');
    expect(job.failedReason).toBe(message);
    expect(waited.stderr).toContain(message);
    // Bad input is not retried: one attempt of the three allowed.
    expect(job.attemptsStarted).toBe(1);
    expect(job.maxAttempts).toBe(3);

    // Wrong usage is refused before anything is queued (exit 2), naming the flag.
    const noRedis = cli('worker', '--storage', storage);
    expect([noRedis.status, noRedis.stderr]).toEqual([2, expect.stringContaining('--redis URL is required')]);
    const badName = cli('submit', '--redis', redis.url, '--storage', storage, '--image', blank, '--audio', clip, '--out', '../escape.mp4');
    expect([badName.status, badName.stderr]).toEqual([2, expect.stringContaining('--out must be a plain file name ending in .mp4')]);
  }, 60_000);
});
