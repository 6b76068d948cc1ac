/**
 * The one-euro filter (Casiez, Roussel, Vogel, CHI 2012): a low-pass filter whose cutoff rises
 * with the signal's speed, so slow tracker jitter is smoothed hard while a fast movement (a mouth
 * snapping shut) passes with little lag. cutoffHz = minCutoffHz + beta x |speed|, the speed itself
 * low-passed at derivativeCutoffHz.
 */
export interface OneEuroSettings {
  /** Cutoff when still (Hz): lower smooths jitter more. */
  readonly minCutoffHz: number;
  /** How fast the cutoff rises with speed (1/unit of the signal): higher lags less on fast moves. */
  readonly beta: number;
  /** Cutoff of the speed estimate (Hz). */
  readonly derivativeCutoffHz: number;
}

/** Smoothing factor of a first-order low-pass at `cutoffHz` for samples `dtSec` apart. */
function alpha(cutoffHz: number, dtSec: number): number {
  const tau = 1 / (2 * Math.PI * cutoffHz);
  return 1 / (1 + tau / dtSec);
}

/**
 * Filters `values` in place: frameCount x channels (frame-major), each channel on its own, sampled
 * at `fps`, one causal pass from the first frame to the last (`backwards`: from the last to the first).
 */
export function oneEuroFilterInPlace(values: Float32Array, channels: number, fps: number, settings: OneEuroSettings, backwards = false): Float32Array {
  const frames = values.length / channels;
  if (!Number.isInteger(frames)) throw new Error(`oneEuroFilter: ${values.length} values are not frames of ${channels} channels`);
  if (frames < 2) return values;
  const dtSec = 1 / fps;
  const aD = alpha(settings.derivativeCutoffHz, dtSec);
  const start = backwards ? frames - 1 : 0;
  const step = backwards ? -1 : 1;
  const previous = Float64Array.from(values.subarray(start * channels, (start + 1) * channels));
  const speed = new Float64Array(channels);
  for (let n = 1; n < frames; n++) {
    const row = (start + n * step) * channels;
    for (let k = 0; k < channels; k++) {
      const x = values[row + k];
      speed[k] += aD * ((x - previous[k]) / dtSec - speed[k]);
      const a = alpha(settings.minCutoffHz + settings.beta * Math.abs(speed[k]), dtSec);
      previous[k] += a * (x - previous[k]);
      values[row + k] = previous[k];
    }
  }
  return values;
}

/**
 * The one-euro filter run forwards and then backwards over a recorded sequence: the two passes'
 * phase lags cancel, so a fast closure is neither delayed nor anticipated (offline only).
 */
export function zeroPhaseOneEuroInPlace(values: Float32Array, channels: number, fps: number, settings: OneEuroSettings): Float32Array {
  oneEuroFilterInPlace(values, channels, fps, settings);
  return oneEuroFilterInPlace(values, channels, fps, settings, true);
}
