/**
 * Image resampling for the AniPortrait engine's preprocessing, as Pillow's `Image.resize` computes it
 * for 8-bit images (libImaging/Resample.c): a separable filter whose support widens with the
 * downscale factor, pixel centres at +0.5, weights normalised in double and then turned into 22-bit
 * fixed point, the horizontal pass first (rounded to 8 bits), then the vertical one. BICUBIC
 * (a = -0.5) for CLIP's 224x224 input, LANCZOS (a = 3) for the VAE. Byte-identical to Pillow
 * (tests/integration/aniportrait-parity.test.ts checks it through the CLIP stage).
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
  return x >= -3 && x < 3 ? sinc(x) * sinc(x / 3) : 0;
}

/** Pillow's fixed point for 8-bit images: 32 - 8 - 2 fraction bits. */
const PRECISION_BITS = 22;
const ONE = 2 ** PRECISION_BITS;

/** Pillow's normalize_coeffs_8bpc: round half away from zero to fixed point. */
function fixedPoint(weights: Float64Array): Int32Array {
  return Int32Array.from(weights, (k) => Math.trunc(k < 0 ? -0.5 + k * ONE : 0.5 + k * ONE));
}

/** Pillow's clip8: the fixed-point sum back to 0..255 (arithmetic shift, then clamp). */
function clip8(sum: number): number {
  const v = Math.floor(sum / ONE);
  return v < 0 ? 0 : v > 255 ? 255 : v;
}

/** Per output index: first source index and normalised weights. */
function coefficients(sourceSize: number, targetSize: number, filter: ResampleFilter): { first: Int32Array; weights: Float64Array[] } {
  const { support: baseSupport, weight } = FILTERS[filter];
  const scale = sourceSize / targetSize;
  const filterScale = Math.max(scale, 1);
  const support = baseSupport * filterScale;
  const inverseScale = 1 / filterScale; // Pillow multiplies by 1/filterscale (same rounding)
  const first = new Int32Array(targetSize);
  const weights: Float64Array[] = [];
  for (let i = 0; i < targetSize; i++) {
    const centre = (i + 0.5) * scale;
    const lo = Math.max(0, Math.floor(centre - support + 0.5));
    const hi = Math.min(sourceSize, Math.floor(centre + support + 0.5));
    const w = new Float64Array(hi - lo);
    let total = 0;
    for (let j = lo; j < hi; j++) {
      const value = weight((j - centre + 0.5) * inverseScale);
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
 * Resizes interleaved 8-bit pixels (`channels` per pixel) to targetWidth x targetHeight as Pillow
 * does; returns 8-bit pixels, interleaved. A pass is skipped when its size does not change.
 */
export function resampleImage(
  pixels: Uint8Array,
  widthPx: number,
  heightPx: number,
  channels: number,
  targetWidthPx: number,
  targetHeightPx: number,
  filter: ResampleFilter,
): Uint8Array {
  let source = pixels;
  let width = widthPx;
  if (targetWidthPx !== widthPx) {
    const { first, weights } = coefficients(widthPx, targetWidthPx, filter);
    const fixed = weights.map(fixedPoint);
    const rows = new Uint8Array(heightPx * targetWidthPx * channels);
    for (let y = 0; y < heightPx; y++) {
      for (let x = 0; x < targetWidthPx; x++) {
        const k = fixed[x];
        const base = first[x];
        for (let c = 0; c < channels; c++) {
          let sum = ONE / 2;
          for (let i = 0; i < k.length; i++) sum += k[i] * source[(y * width + base + i) * channels + c];
          rows[(y * targetWidthPx + x) * channels + c] = clip8(sum);
        }
      }
    }
    source = rows;
    width = targetWidthPx;
  }
  if (targetHeightPx === heightPx) return source === pixels ? Uint8Array.from(pixels) : source;
  const { first, weights } = coefficients(heightPx, targetHeightPx, filter);
  const fixed = weights.map(fixedPoint);
  const out = new Uint8Array(targetHeightPx * width * channels);
  for (let y = 0; y < targetHeightPx; y++) {
    const k = fixed[y];
    const base = first[y];
    for (let x = 0; x < width; x++) {
      for (let c = 0; c < channels; c++) {
        let sum = ONE / 2;
        for (let i = 0; i < k.length; i++) sum += k[i] * source[((base + i) * width + x) * channels + c];
        out[(y * width + x) * channels + c] = clip8(sum);
      }
    }
  }
  return out;
}
