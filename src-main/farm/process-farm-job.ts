import { mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Job } from 'bullmq';
import { UnrecoverableError } from 'bullmq';
import type { Redis } from 'ioredis';
import { bundleManifestSchema, jobOfManifest, manifestInputKeys } from '../../src-shared/farm/farm-bundle.js';
import type { FarmProgress, FarmResult } from '../../src-shared/farm/farm-job.js';
import { CANCELLED_MESSAGE, farmJobDataSchema, outputNameProblem } from '../../src-shared/farm/farm-job.js';
import { StudioError } from '../../src-shared/util/result.js';
import type { ModelSource } from '../engines/engine-types.js';
import { runExport } from '../pipeline/run-export.js';
import { isCancelRequested } from './farm-cancel.js';
import type { FarmStorage } from './farm-storage.js';

export interface FarmJobDeps {
  readonly storage: FarmStorage;
  readonly redis: Redis;
  readonly models: ModelSource;
  readonly modelsDir: string;
  readonly workerName: string;
  /** A folder of this machine where a job renders before its output is copied to the storage. */
  readonly scratchRoot: string;
}

/** Why a worker aborts a job: the user cancelled it, or the worker is stopping (the job is retried). */
export type AbortReason = 'cancel' | 'shutdown';

/** Errors that another attempt would repeat fail the job at once (BullMQ does not retry them). */
const RETRYABLE_CODES = new Set(['io-error', 'disk-full', 'internal']);

/** Progress is sent at most this often (and at the first frame). */
const PROGRESS_EVERY_MS = 500;

/**
 * One farm job on a worker: its bundle is read from the storage and checked, its inputs are read
 * there (hash-checked), runExport renders into a scratch folder (its own .part + rename), and the
 * finished video is copied into the storage's outputs (.part + rename). The failure message is the
 * pipeline's own, the same a local `aniportrait render` prints.
 */
export async function processFarmJob(job: Job, signal: AbortSignal | undefined, deps: FarmJobDeps): Promise<FarmResult> {
  const startedAtMs = Date.now();
  const jobId = String(job.id);
  const parsed = farmJobDataSchema.safeParse(job.data);
  if (!parsed.success) throw new UnrecoverableError(`Job ${jobId} is not a render job of this studio: ${parsed.error.issues[0]?.message ?? 'bad data'}.`);
  const data = parsed.data;
  const nameProblem = outputNameProblem(data.outName);
  if (nameProblem !== null) throw new UnrecoverableError(nameProblem);
  if (await isCancelRequested(deps.redis, jobId)) throw new UnrecoverableError(CANCELLED_MESSAGE);
  await deps.storage.removeStaleParts(data.outName, jobId);

  const scratch = await mkdtemp(join(deps.scratchRoot, `${jobId}-`));
  let firstFrameAtMs: number | undefined;
  let lastFrameAtMs = 0;
  let lastSentMs = 0;
  let progress: FarmProgress = { fraction: 0, message: 'Starting', framesDone: 0, framesTotal: 0, worker: deps.workerName };
  const send = (force: boolean) => {
    const now = Date.now();
    if (!force && now - lastSentMs < PROGRESS_EVERY_MS) return;
    lastSentMs = now;
    job.updateProgress(progress).catch(() => undefined);
  };
  try {
    const manifest = parseManifest(await deps.storage.readBundle(data.bundleKey), data.bundleKey);
    const labels = new Map([[manifest.photo.key, manifest.photo.label], [manifest.audio.key, manifest.audio.label]]);
    if (manifest.poseSource.kind !== 'audio') labels.set(manifest.poseSource.key, manifest.poseSource.label);
    const paths = new Map<string, string>();
    for (const key of manifestInputKeys(manifest)) paths.set(key, await deps.storage.localInput(key, labels.get(key) ?? key, scratch));
    const renderJob = jobOfManifest(manifest, (key) => paths.get(key)!, deps.modelsDir);
    const localOut = join(scratch, data.outName);
    send(true);
    const result = await runExport(renderJob, localOut, {
      models: deps.models,
      ...(signal ? { signal } : {}),
      onProgress: (fraction, message) => {
        progress = { ...progress, fraction, message };
        send(false);
      },
      onFrames: (done, total) => {
        const now = Date.now();
        const first = firstFrameAtMs === undefined;
        firstFrameAtMs ??= now;
        lastFrameAtMs = now;
        progress = { ...progress, framesDone: done, framesTotal: total, firstFrameAtMs };
        send(first || done === total);
      },
    });
    await deps.storage.putOutput(data.outName, localOut, `${jobId}.${job.attemptsStarted}`);
    return {
      outName: data.outName,
      widthPx: result.size.widthPx,
      heightPx: result.size.heightPx,
      fps: result.fps,
      frameCount: result.frameCount,
      durationSec: result.durationSec,
      worker: deps.workerName,
      warnings: result.warnings,
      startedAtMs,
      firstFrameAtMs: firstFrameAtMs ?? lastFrameAtMs,
      lastFrameAtMs,
      doneAtMs: Date.now(),
    };
  } catch (error) {
    throw farmError(error, signal, deps.workerName);
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

function parseManifest(text: string, key: string) {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new UnrecoverableError(`The job bundle ${key} is not JSON. Submit the job again.`);
  }
  const parsed = bundleManifestSchema.safeParse(raw);
  if (!parsed.success) throw new UnrecoverableError(`The job bundle ${key} is not one this worker can read (${parsed.error.issues[0]?.message ?? 'bad bundle'}); update the worker or submit again.`);
  return parsed.data;
}

/** The error a job fails with: cancelled, stopped with its worker (retried), or the pipeline's own message. */
function farmError(error: unknown, signal: AbortSignal | undefined, workerName: string): Error {
  if (signal?.aborted) {
    const reason = signal.reason as AbortReason | undefined;
    if (reason === 'shutdown') return new Error(`The worker ${workerName} was stopped during the job; it goes back to the queue.`);
    return new UnrecoverableError(CANCELLED_MESSAGE);
  }
  if (error instanceof UnrecoverableError) return error;
  if (error instanceof StudioError) return RETRYABLE_CODES.has(error.code) ? new Error(error.message) : new UnrecoverableError(error.message);
  return error instanceof Error ? error : new Error(String(error));
}
