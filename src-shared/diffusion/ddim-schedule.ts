/**
 * AniPortrait's DDIM scheduler (diffusers 0.24 DDIMScheduler with inference_v2.yaml: linear betas
 * 0.00085..0.012 over 1000 steps, zero-terminal-SNR rescale, v-prediction, trailing spacing, eta 0,
 * final alpha 1). docs/aniportrait-engine.md §3.6. Arithmetic in float64 (the original runs it in float16 /
 * float32; documented deviation).
 */
export const TRAIN_TIMESTEPS = 1000;
const BETA_START = 0.00085;
const BETA_END = 0.012;

/** alphas_cumprod after the zero-terminal-SNR rescale: alphaBar[999] is exactly 0. */
export function rescaledAlphasCumprod(): Float64Array {
  const n = TRAIN_TIMESTEPS;
  const sqrtBar = new Float64Array(n);
  let cumprod = 1;
  for (let i = 0; i < n; i++) {
    const beta = Math.fround(BETA_START + ((BETA_END - BETA_START) * i) / (n - 1));
    cumprod *= 1 - beta;
    sqrtBar[i] = Math.sqrt(cumprod);
  }
  const first = sqrtBar[0];
  const last = sqrtBar[n - 1];
  for (let i = 0; i < n; i++) sqrtBar[i] = ((sqrtBar[i] - last) * first) / (first - last);
  // alphas from the rescaled sqrt(alphaBar), then cumprod again, as diffusers does.
  const out = new Float64Array(n);
  let product = 1;
  for (let i = 0; i < n; i++) {
    const alphaBar = sqrtBar[i] * sqrtBar[i];
    const previous = i === 0 ? 1 : sqrtBar[i - 1] * sqrtBar[i - 1];
    const alpha = i === 0 ? alphaBar : alphaBar / previous;
    product *= alpha;
    out[i] = product;
  }
  return out;
}

/** numpy's round (half to even). */
function roundHalfEven(x: number): number {
  const floor = Math.floor(x);
  const diff = x - floor;
  if (diff > 0.5) return floor + 1;
  if (diff < 0.5) return floor;
  return floor % 2 === 0 ? floor : floor + 1;
}

/** Trailing timesteps: round(arange(1000, 0, -1000/steps)) - 1, e.g. 25 steps: 999, 959, ..., 39. */
export function ddimTimesteps(steps: number): number[] {
  if (!Number.isInteger(steps) || steps < 1 || steps > TRAIN_TIMESTEPS) throw new RangeError(`DDIM steps must be 1..${TRAIN_TIMESTEPS}, got ${steps}`);
  const stride = TRAIN_TIMESTEPS / steps;
  const out: number[] = [];
  for (let k = 0; k < steps; k++) out.push(roundHalfEven(TRAIN_TIMESTEPS - k * stride) - 1);
  return out;
}

export interface DdimStepCoefficients {
  readonly alphaBar: number;
  readonly alphaBarPrev: number;
}

/** The alphas one step uses: prev = t - floor(1000/steps) (not the next list entry), 1 below 0. */
export function ddimStepCoefficients(alphasCumprod: Float64Array, timestep: number, steps: number): DdimStepCoefficients {
  const prev = timestep - Math.floor(TRAIN_TIMESTEPS / steps);
  return { alphaBar: alphasCumprod[timestep], alphaBarPrev: prev >= 0 ? alphasCumprod[prev] : 1 };
}

/**
 * One deterministic DDIM step for a v-prediction model, in place on `sample`:
 * x0 = sqrt(a) x - sqrt(1-a) v; eps = sqrt(a) v + sqrt(1-a) x; x' = sqrt(a') x0 + sqrt(1-a') eps.
 */
export function ddimStepInPlace(sample: Float32Array, velocity: Float32Array, { alphaBar, alphaBarPrev }: DdimStepCoefficients): void {
  if (sample.length !== velocity.length) throw new Error('DDIM step: sample and model output differ in size');
  const sa = Math.sqrt(alphaBar);
  const sb = Math.sqrt(1 - alphaBar);
  const spa = Math.sqrt(alphaBarPrev);
  const spb = Math.sqrt(1 - alphaBarPrev);
  for (let i = 0; i < sample.length; i++) {
    const x = sample[i];
    const v = velocity[i];
    const x0 = sa * x - sb * v;
    const eps = sa * v + sb * x;
    sample[i] = spa * x0 + spb * eps;
  }
}
