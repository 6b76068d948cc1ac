import type { RenderJob } from '../job/render-job.js';
import type { EngineId } from '../project/project-schema.js';
import { ENGINES } from '../project/project-schema.js';

/**
 * Jobs are routed by the engines they need: one BullMQ queue per set of engines
 * ("aniportrait-render.builtin", "aniportrait-render.aniportrait+builtin"), and a worker consumes
 * every queue whose set it has. So a worker takes only jobs it can run, without a scheduler.
 */
export const FARM_QUEUE_PREFIX = 'aniportrait-render';

/** The engines a job runs (both stages; FILM belongs to the aniportrait engine), sorted, no repeats. */
export function requiredEngines(engines: RenderJob['engines']): EngineId[] {
  return [...new Set([engines.audio2lmk, engines.lmk2video])].sort();
}

export function queueNameFor(engines: readonly EngineId[]): string {
  return `${FARM_QUEUE_PREFIX}.${[...new Set(engines)].sort().join('+')}`;
}

/** Every queue a worker with these engines serves: one per non-empty subset. */
export function queueNamesServedBy(engines: readonly EngineId[]): string[] {
  const unique = [...new Set(engines)].sort();
  const names: string[] = [];
  for (let mask = 1; mask < 1 << unique.length; mask++) names.push(queueNameFor(unique.filter((_, i) => mask & (1 << i))));
  return names;
}

/** Every farm queue there can be (for listing and finding a job by id). */
export function allQueueNames(): string[] {
  return queueNamesServedBy(ENGINES);
}

/** "builtin,aniportrait" -> the engine ids, or a sentence naming what is wrong. */
export function parseEngineList(text: string): EngineId[] | string {
  const items = text.split(',').map((s) => s.trim()).filter((s) => s !== '');
  const unknown = items.filter((s) => !(ENGINES as readonly string[]).includes(s));
  if (items.length === 0 || unknown.length > 0) return `--engines takes a comma list of ${ENGINES.join(', ')}; got "${text}".`;
  return [...new Set(items as EngineId[])].sort();
}
