import { z } from 'zod';
import { ENGINES } from '../project/project-schema.js';
import { farmProgressSchema, farmResultSchema } from './farm-job.js';

/** A job's state as BullMQ keeps it ('prioritized' is waiting with a priority). */
export const FARM_JOB_STATES = ['waiting', 'prioritized', 'delayed', 'active', 'completed', 'failed', 'unknown'] as const;
export type FarmJobState = (typeof FARM_JOB_STATES)[number];

/** One job as `aniportrait jobs list` and the studio's render queue show it. */
export const farmJobViewSchema = z.strictObject({
  id: z.string(),
  state: z.enum(FARM_JOB_STATES),
  title: z.string(),
  outName: z.string(),
  engines: z.array(z.enum(ENGINES)),
  priority: z.number(),
  progress: farmProgressSchema.nullable(),
  etaSec: z.number().nullable(),
  /** How many times a worker took the job (a takeover after a stall counts). */
  attemptsStarted: z.number(),
  /** BullMQ's attemptsMade (attempts that ended, failed or done) and the most it may have. */
  attemptsMade: z.number(),
  maxAttempts: z.number(),
  /** How often its worker stopped answering (died) while running it. */
  stalledCount: z.number(),
  failedReason: z.string().nullable(),
  result: farmResultSchema.nullable(),
  submittedAtMs: z.number(),
  startedAtMs: z.number().nullable(),
  finishedAtMs: z.number().nullable(),
  /** Where the output is (or will be), for the user. */
  outputLocation: z.string(),
});
export type FarmJobView = z.infer<typeof farmJobViewSchema>;

/** A worker connected to the farm: its name (host:pid) and the queues it serves. */
export const farmWorkerViewSchema = z.strictObject({ name: z.string(), queues: z.array(z.string()) });
export type FarmWorkerView = z.infer<typeof farmWorkerViewSchema>;
