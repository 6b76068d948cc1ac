import { z } from 'zod';
import { ENGINES } from '../project/project-schema.js';
import { contentKeySchema } from './farm-bundle.js';

/** What a farm job carries in Redis: where its bundle is and what to call its output. */
export const farmJobDataSchema = z.strictObject({
  bundleKey: contentKeySchema,
  /** The output's file name in the storage's outputs folder ("talk.mp4"). */
  outName: z.string().min(1).max(255),
  engines: z.array(z.enum(ENGINES)).min(1),
  /** What the user submitted (a project's or a photo's name), for lists. */
  title: z.string().max(300),
});
export type FarmJobData = z.infer<typeof farmJobDataSchema>;

/** A running job's progress, as the worker reports it through BullMQ. */
export const farmProgressSchema = z.strictObject({
  fraction: z.number().min(0).max(1),
  message: z.string().max(500),
  framesDone: z.number().int().min(0),
  framesTotal: z.number().int().min(0),
  worker: z.string().max(300),
  /** When the first video frame was encoded (ms since the epoch), once it was. */
  firstFrameAtMs: z.number().optional(),
});
export type FarmProgress = z.infer<typeof farmProgressSchema>;

/** What a completed job returns: its output and where the time went. */
export const farmResultSchema = z.strictObject({
  outName: z.string(),
  widthPx: z.number(),
  heightPx: z.number(),
  fps: z.number(),
  frameCount: z.number(),
  durationSec: z.number(),
  worker: z.string(),
  warnings: z.array(z.string()),
  startedAtMs: z.number(),
  firstFrameAtMs: z.number(),
  lastFrameAtMs: z.number(),
  doneAtMs: z.number(),
});
export type FarmResult = z.infer<typeof farmResultSchema>;

/** The message a cancelled job fails with (the worker's and the CLI's words). */
export const CANCELLED_MESSAGE = 'Cancelled (aniportrait jobs cancel); no output was written.';

/** Why an output name cannot be used (a sentence), or null: a plain file name ending in .mp4. */
export function outputNameProblem(name: string): string | null {
  if (!/^[\w][\w .,()+=-]{0,250}\.mp4$/i.test(name) || name.includes('..')) {
    return `--out must be a plain file name ending in .mp4 (it is written to the storage's outputs folder), got "${name}".`;
  }
  return null;
}

/** Seconds left of a running job from its progress and when it started (null before any progress). */
export function farmEtaSec(fraction: number, startedAtMs: number, nowMs: number): number | null {
  if (!(fraction > 0) || fraction >= 1) return fraction >= 1 ? 0 : null;
  return Math.round((((nowMs - startedAtMs) / 1000) * (1 - fraction)) / fraction);
}
