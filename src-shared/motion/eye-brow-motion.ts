import { seededRandom } from '../util/seeded-random.js';
import type { Emphasis } from './head-motion.js';

export interface EyeBrowTrack {
  readonly blinkLeft: Float32Array;
  readonly blinkRight: Float32Array;
  readonly browRaise: Float32Array;
}

/** Lid closure over one blink, by time since its start (s): fast close, short hold, slower open. */
function blinkShape(tSec: number): number {
  if (tSec < 0) return 0;
  if (tSec < 0.08) return smooth(tSec / 0.08);
  if (tSec < 0.12) return 1;
  if (tSec < 0.27) return 1 - smooth((tSec - 0.12) / 0.15);
  return 0;
}

/**
 * Natural blinks (seeded; 2-6 s apart, now and then a double blink, both eyes nearly together)
 * and brow raises on the strongest stressed syllables.
 */
export function generateEyeBrowMotion(fps: number, frameCount: number, emphasis: Emphasis, seed: number): EyeBrowTrack {
  const random = seededRandom(seed ^ 0xb11c);
  const blinkLeft = new Float32Array(frameCount);
  const blinkRight = new Float32Array(frameCount);
  const durationSec = frameCount / fps;
  let t = 0.6 + random() * 2;
  while (t < durationSec) {
    const lagSec = (random() - 0.5) * 0.02;
    const depth = 0.92 + random() * 0.08;
    stamp(blinkLeft, fps, t, depth);
    stamp(blinkRight, fps, t + lagSec, depth);
    t += random() < 0.12 ? 0.35 : 2 + random() * 4;
  }
  const browRaise = new Float32Array(frameCount);
  emphasis.frames.forEach((at, n) => {
    if (emphasis.strength[n] < 0.6 || random() < 0.4) return;
    const amount = 0.25 + 0.35 * emphasis.strength[n];
    for (let f = Math.max(0, at - 3); f < Math.min(frameCount, at + Math.round(0.8 * fps)); f++) {
      const x = (f - at + 3) / (0.8 * fps + 3);
      browRaise[f] = Math.max(browRaise[f], amount * Math.sin(Math.PI * Math.min(1, x)));
    }
  });
  return { blinkLeft, blinkRight, browRaise };
}

function stamp(track: Float32Array, fps: number, startSec: number, depth: number): void {
  const first = Math.max(0, Math.floor(startSec * fps));
  const last = Math.min(track.length, Math.ceil((startSec + 0.3) * fps));
  for (let f = first; f < last; f++) track[f] = Math.max(track[f], depth * blinkShape(f / fps - startSec));
}

function smooth(x: number): number {
  return x * x * (3 - 2 * x);
}
