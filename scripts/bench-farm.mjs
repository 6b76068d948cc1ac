// `npm run bench:farm`: render farm figures on this machine (built-in engine), as JSON on stdout.
//   jobs_per_min_1_worker / _2_workers   throughput of a batch of short clips (first start to last done)
//   submit_to_first_frame_ms / last_frame_to_done_ms / pickup_ms   one job on an idle farm (medians)
//   local_render_ms                      the same job rendered by `aniportrait render` (process included)
// Needs redis-server (Debian's) and the shared fixtures (or: npm run bench:farm -- PHOTO AUDIO).
// Each worker is its own process; on a machine with few cores two workers share them.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import ffmpegInstaller from '@ffmpeg-installer/ffmpeg';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'bin', 'aniportrait.js');
const FIXTURES = join(ROOT, '..', 'shared', 'fixtures', 'aniportrait');
const [photo = join(FIXTURES, 'ref_cxk.png'), speech = join(FIXTURES, 'speech_cxk.wav')] = process.argv.slice(2);
const BATCH = 6;
const CLIP_SEC = 2;
const SIZE = '256';
const SINGLE_RUNS = 3;

const dir = mkdtempSync(join(tmpdir(), 'aniportrait-bench-farm-'));
const clip = join(dir, 'clip.wav');
execFileSync(ffmpegInstaller.path, ['-v', 'error', '-i', speech, '-t', String(CLIP_SEC), clip]);

const port = await freePort();
const redisUrl = `redis://127.0.0.1:${port}`;
const redis = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--appendonly', 'yes', '--save', ''], { stdio: ['ignore', 'pipe', 'inherit'] });
await new Promise((resolve, reject) => {
  let out = '';
  redis.stdout.on('data', (c) => { out += c; if (out.includes('Ready to accept connections')) resolve(); });
  redis.once('exit', (code) => reject(new Error(`redis-server exited (${code}); is it installed? (apt-get install redis-server)`)));
});

const figures = { batch_jobs: BATCH, clip_sec: CLIP_SEC, size_px: Number(SIZE) };
const workers = [];
try {
  for (const count of [1, 2]) {
    const storage = join(dir, `storage-${count}`);
    mkdirSync(storage);
    const ids = [];
    for (let i = 0; i < BATCH; i++) ids.push(submit(storage, i));
    for (let i = 0; i < count; i++) workers.push(await startWorker(storage));
    const jobs = await waitDone(ids);
    const start = Math.min(...jobs.map((j) => j.startedAtMs));
    const end = Math.max(...jobs.map((j) => j.finishedAtMs));
    figures[`jobs_per_min_${count}_worker${count > 1 ? 's' : ''}`] = round((BATCH * 60000) / (end - start));
    if (count === 1) {
      // One job at a time on the idle worker: where the time goes besides rendering.
      const pickup = [], toFirst = [], lastToDone = [];
      for (let i = 0; i < SINGLE_RUNS; i++) {
        const [job] = await waitDone([submit(storage, 100 + i)]);
        pickup.push(job.startedAtMs - job.submittedAtMs);
        toFirst.push(job.result.firstFrameAtMs - job.submittedAtMs);
        lastToDone.push(job.finishedAtMs - job.result.lastFrameAtMs);
      }
      figures.pickup_ms = median(pickup);
      figures.submit_to_first_frame_ms = median(toFirst);
      figures.last_frame_to_done_ms = median(lastToDone);
    }
    for (const w of workers.splice(0)) await stopWorker(w);
    spawnSync('redis-cli', ['-p', String(port), 'FLUSHALL']);
  }
  const started = performance.now();
  const local = spawnSync(process.execPath, [BIN, 'render', '--image', photo, '--audio', clip, '--size', SIZE, '--out', join(dir, 'local.mp4')], { encoding: 'utf8' });
  if (local.status !== 0) throw new Error(local.stderr);
  figures.local_render_ms = Math.round(performance.now() - started);
  process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
  mkdirSync(join(ROOT, 'tests', 'artifacts'), { recursive: true });
  writeFileSync(join(ROOT, 'tests', 'artifacts', 'bench-farm.json'), `${JSON.stringify(figures, null, 2)}\n`);
} finally {
  for (const w of workers) w.kill('SIGKILL');
  redis.kill('SIGTERM');
  await new Promise((r) => redis.once('exit', r));
  rmSync(dir, { recursive: true, force: true });
}

function submit(storage, seed) {
  const result = spawnSync(process.execPath, [BIN, 'submit', '--redis', redisUrl, '--storage', storage, '--image', photo, '--audio', clip, '--size', SIZE, '--seed', String(seed), '--out', `bench${seed}.mp4`], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(result.stderr);
  return result.stdout.trim();
}

async function startWorker(storage) {
  const child = spawn(process.execPath, [BIN, 'worker', '--redis', redisUrl, '--storage', storage], { stdio: ['ignore', 'ignore', 'pipe'] });
  await new Promise((resolve) => {
    let out = '';
    child.stderr.on('data', (c) => { out += c; if (out.includes(' on redis://')) resolve(); });
  });
  return child;
}

async function stopWorker(child) {
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
}

async function waitDone(ids) {
  for (;;) {
    const list = spawnSync(process.execPath, [BIN, 'jobs', '--redis', redisUrl, '--json'], { encoding: 'utf8' });
    const jobs = JSON.parse(list.stdout).jobs.filter((j) => ids.includes(j.id));
    const failed = jobs.find((j) => j.state === 'failed');
    if (failed) throw new Error(`job ${failed.id} failed: ${failed.failedReason}`);
    if (jobs.length === ids.length && jobs.every((j) => j.state === 'completed')) return jobs;
    await sleep(250);
  }
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function round(value) {
  return Math.round(value * 10) / 10;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}
