import type { ProjectDocument } from '../project/project-schema.js';
import type { DocumentEdit } from './document-edit.js';

// The loop range (I / O in the studio): saved with the project, one undo step each.

type Loop = NonNullable<ProjectDocument['loop']>;

function withLoop(doc: ProjectDocument, loop: Loop | null): ProjectDocument {
  const same = doc.loop === loop || (doc.loop !== null && loop !== null && doc.loop.inSec === loop.inSec && doc.loop.outSec === loop.outSec && doc.loop.enabled === loop.enabled);
  return same ? doc : { ...doc, loop };
}

/** I: the loop starts at `timeSec`; without a range (or when it would end before), it ends at `endSec`. Setting it turns looping on. */
export function setLoopIn(timeSec: number, endSec: number): DocumentEdit {
  return {
    label: 'Loop in',
    apply: (doc) => {
      const inSec = Math.max(0, Math.min(timeSec, endSec));
      const outSec = doc.loop !== null && doc.loop.outSec > inSec ? doc.loop.outSec : endSec;
      return outSec > inSec ? withLoop(doc, { inSec, outSec, enabled: true }) : doc;
    },
  };
}

/** O: the loop ends at `timeSec`; without a range (or when it would start after), it starts at 0. */
export function setLoopOut(timeSec: number): DocumentEdit {
  return {
    label: 'Loop out',
    apply: (doc) => {
      const outSec = Math.max(0, timeSec);
      const inSec = doc.loop !== null && doc.loop.inSec < outSec ? doc.loop.inSec : 0;
      return outSec > inSec ? withLoop(doc, { inSec, outSec, enabled: true }) : doc;
    },
  };
}

/** Loop on or off (a range of the whole clip is made when there is none). */
export function setLoopEnabled(enabled: boolean, endSec: number): DocumentEdit {
  return {
    label: enabled ? 'Loop on' : 'Loop off',
    apply: (doc) => {
      if (doc.loop === null) return enabled && endSec > 0 ? withLoop(doc, { inSec: 0, outSec: endSec, enabled: true }) : doc;
      return withLoop(doc, { ...doc.loop, enabled });
    },
  };
}

export function clearLoop(): DocumentEdit {
  return { label: 'Clear loop', apply: (doc) => withLoop(doc, null) };
}

/**
 * Where playback at `timeSec` goes next with the loop: forward past the out point back to the in
 * point, backwards before the in point to the out point; null when it carries on.
 */
export function loopWrap(loop: ProjectDocument['loop'], timeSec: number, rate: number): number | null {
  if (loop === null || !loop.enabled) return null;
  if (rate > 0 && timeSec >= loop.outSec) return loop.inSec;
  if (rate < 0 && timeSec <= loop.inSec) return loop.outSec;
  return null;
}

/**
 * The playhead while playing with the loop on: kept inside [in, out]. After a wrap the audio clock
 * can read a hair before the in point (its seek lands on a sample), which showed the frame before it.
 */
export function withinLoop(loop: ProjectDocument['loop'], timeSec: number): number {
  if (loop === null || !loop.enabled) return timeSec;
  return Math.min(loop.outSec, Math.max(loop.inSec, timeSec));
}
