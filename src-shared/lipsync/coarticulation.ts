/**
 * Coarticulation: lips and jaw have mass, so they move into a pose faster than they leave it
 * (speakers open for the next vowel quickly and let go slowly) and never jump between frames.
 */

/** Time constant of moving away from rest (opening, rounding, pressing). */
export const ATTACK_SEC = 0.05;
/** Time constant of returning towards rest. */
export const RELEASE_SEC = 0.1;
/**
 * The mouth shapes a sound slightly before it is heard, and the smoothing delays poses by about
 * its attack time: frames sample the smoothed track this much later than their own time.
 */
export const ANTICIPATION_SEC = 0.04;

/**
 * In place: two cascaded asymmetric one-pole stages (each half the time constant), which gives a
 * smooth S-shaped onset like a critically damped spring. "Attack" applies while the target is
 * further from 0 (the rest pose) than the current value, so negative widths narrow with attack too.
 */
export function smoothAsymmetric(values: Float32Array, stepSec: number, attackSec = ATTACK_SEC, releaseSec = RELEASE_SEC): void {
  const attack = 1 - Math.exp(-stepSec / (attackSec / 2));
  const release = 1 - Math.exp(-stepSec / (releaseSec / 2));
  // Start at rest on the first target: a clip that begins in silence begins with closed lips.
  let y1 = values.length > 0 ? values[0] : 0;
  let y2 = y1;
  for (let i = 0; i < values.length; i++) {
    const target = values[i];
    y1 += (Math.abs(target) > Math.abs(y1) ? attack : release) * (target - y1);
    y2 += (Math.abs(y1) > Math.abs(y2) ? attack : release) * (y1 - y2);
    values[i] = y2;
  }
}

/**
 * Video frame i shows the interval [i / fps, (i + 1) / fps): its value is the mean of the hop
 * values over that interval (shifted by `leadSec`), read with linear interpolation, so that
 * frame rates above the hop rate work too.
 */
export function resampleToFrames(
  hopValues: Float32Array,
  hopSec: number,
  fps: number,
  frameCount: number,
  leadSec = ANTICIPATION_SEC,
): Float32Array {
  const out = new Float32Array(frameCount);
  const last = hopValues.length - 1;
  if (last < 0) return out;
  // Hop h is centred on (h + 0.5) * hopSec.
  const at = (timeSec: number): number => {
    const x = Math.min(last, Math.max(0, timeSec / hopSec - 0.5));
    const i = Math.floor(x);
    const f = x - i;
    return i >= last ? hopValues[last] : hopValues[i] * (1 - f) + hopValues[i + 1] * f;
  };
  const frameSec = 1 / fps;
  const taps = Math.max(2, Math.ceil(frameSec / hopSec));
  for (let i = 0; i < frameCount; i++) {
    const startSec = i * frameSec + leadSec;
    let sum = 0;
    for (let t = 0; t < taps; t++) sum += at(startSec + ((t + 0.5) / taps) * frameSec);
    out[i] = sum / taps;
  }
  return out;
}
