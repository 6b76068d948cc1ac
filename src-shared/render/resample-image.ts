/**
 * Image resampling for the AniPortrait engine's preprocessing, in the manner of Pillow's resize
 * (separable filter whose support widens with the downscale factor, pixel centres at +0.5): BICUBIC
 * (a = -0.5) for CLIP's 224x224 input, LANCZOS (a = 3) for the VAE. Float arithmetic, so values can
 * differ from Pillow's 8-bit fixed point by one level (documented deviation).
 */
export type ResampleFilter = 'bicubic' | 'lanczos';

const FILTERS: Record<ResampleFilter, { support: number; weight: (x: number) => number }> = {
  bicubic: { support: 2, weight: bicubic },
  lanczos: { support: 3, weight: lanczos },
};

function bicubic(x: number): number {
  const a = -0.5;
  const t = Math.abs(x);
  if (t < 1) return ((a + 2) * t - (a + 3)) * t * t + 1;
  if (t < 2) return (((t - 5) * t + 8) * t - 4) * a;
  return 0;
}

function sinc(x: number): number {
  if (x === 0) return 1;
  const px = Math.PI * x;
  return Math.sin(px) / px;
}

function lanczos(x: number): number {
  return Math.abs(x) < 3 ? sinc(x) * sinc(x / 3) : 0;
}

/** Per output index: first source index and normalised weights. */
function coefficients(sourceSize: number, targetSize: number, filter: ResampleFilter): { first: Int32Array; weights: Float64Array[] } {
  const { support: baseSupport, weight } = FILTERS[filter];
  const scale = sourceSize / targetSize;
  const filterScale = Math.max(scale, 1);
  const support = baseSupport * filterScale;
  const first = new Int32Array(targetSize);
  const weights: Float64Array[] = [];
  for (let i = 0; i < targetSize; i++) {
    const centre = (i + 0.5) * scale;
    const lo = Math.max(0, Math.floor(centre - support + 0.5));
    const hi = Math.min(sourceSize, Math.floor(centre + support + 0.5));
    const w = new Float64Array(hi - lo);
    let total = 0;
    for (let j = lo; j < hi; j++) {
      const value = weight((j - centre + 0.5) / filterScale);
      w[j - lo] = value;
      total += value;
    }
    if (total !== 0) for (let k = 0; k < w.length; k++) w[k] /= total;
    first[i] = lo;
    weights.push(w);
  }
  return { first, weights };
}

/**
 * Resizes interleaved 8-bit pixels (`channels` per pixel) to targetWidth x targetHeight; returns
 * float values in 0..255 (not rounded), interleaved.
 */
export function resampleImage(
  pixels: Uint8Array,
  widthPx: number,
  heightPx: number,
  channels: number,
  targetWidthPx: number,
  targetHeightPx: number,
  filter: ResampleFilter,
): Float32Array {
  const horizontal = coefficients(widthPx, targetWidthPx, filter);
  const vertical = coefficients(heightPx, targetHeightPx, filter);
  const rows = new Float32Array(heightPx * targetWidthPx * channels);
  for (let y = 0; y < heightPx; y++) {
    for (let x = 0; x < targetWidthPx; x++) {
      const w = horizontal.weights[x];
      const base = horizontal.first[x];
      for (let c = 0; c < channels; c++) {
        let sum = 0;
        for (let k = 0; k < w.length; k++) sum += w[k] * pixels[(y * widthPx + base + k) * channels + c];
        rows[(y * targetWidthPx + x) * channels + c] = sum;
      }
    }
  }
  const out = new Float32Array(targetHeightPx * targetWidthPx * channels);
  for (let y = 0; y < targetHeightPx; y++) {
    const w = vertical.weights[y];
    const base = vertical.first[y];
    for (let x = 0; x < targetWidthPx; x++) {
      for (let c = 0; c < channels; c++) {
        let sum = 0;
        for (let k = 0; k < w.length; k++) sum += w[k] * rows[((base + k) * targetWidthPx + x) * channels + c];
        out[(y * targetWidthPx + x) * channels + c] = Math.min(255, Math.max(0, sum));
      }
    }
  }
  return out;
}

