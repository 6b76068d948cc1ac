/**
 * Radix-2 FFTs for the lip-sync analysis, which runs one per 10 ms hop. Tables (bit reversal,
 * twiddles) are built once per size, so that transforms allocate nothing.
 */
export interface Fft {
  /** Transform length, a power of two. */
  readonly size: number;
  /** Forward transform of (re, im), both of length `size`, in place (no scaling). */
  transform(re: Float64Array, im: Float64Array): void;
}

function assertPowerOfTwo(size: number, min: number): void {
  if (!Number.isInteger(size) || size < min || (size & (size - 1)) !== 0) {
    throw new RangeError(`FFT size must be a power of two >= ${min}, got ${size}`);
  }
}

/** In-place iterative radix-2 complex FFT (decimation in time). */
export function createFft(size: number): Fft {
  assertPowerOfTwo(size, 2);
  const bits = Math.log2(size);
  const reversed = new Uint32Array(size);
  for (let i = 0; i < size; i++) {
    let r = 0;
    for (let b = 0; b < bits; b++) r |= ((i >> b) & 1) << (bits - 1 - b);
    reversed[i] = r;
  }
  // Twiddles e^{-2 pi i k / span} of every stage laid out one after the other (stage of span s
  // starts at s / 2 - 1), so the butterfly loop reads them contiguously.
  const cos = new Float64Array(size);
  const sin = new Float64Array(size);
  for (let span = 2; span <= size; span <<= 1) {
    for (let k = 0; k < span >> 1; k++) {
      cos[(span >> 1) - 1 + k] = Math.cos((2 * Math.PI * k) / span);
      sin[(span >> 1) - 1 + k] = -Math.sin((2 * Math.PI * k) / span);
    }
  }

  function transform(re: Float64Array, im: Float64Array): void {
    if (re.length !== size || im.length !== size) throw new RangeError(`FFT buffers must have length ${size}`);
    for (let i = 0; i < size; i++) {
      const j = reversed[i];
      if (j > i) {
        const tr = re[i];
        re[i] = re[j];
        re[j] = tr;
        const ti = im[i];
        im[i] = im[j];
        im[j] = ti;
      }
    }
    for (let span = 2; span <= size; span <<= 1) {
      const half = span >> 1;
      const table = half - 1;
      for (let start = 0; start < size; start += span) {
        for (let k = 0; k < half; k++) {
          const wr = cos[table + k];
          const wi = sin[table + k];
          const a = start + k;
          const b = a + half;
          const xr = re[b] * wr - im[b] * wi;
          const xi = re[b] * wi + im[b] * wr;
          re[b] = re[a] - xr;
          im[b] = im[a] - xi;
          re[a] += xr;
          im[a] += xi;
        }
      }
    }
  }

  return { size, transform };
}

/** Power spectrum of a real frame through a complex FFT of half the length (twice as fast). */
export interface RealPowerSpectrum {
  readonly size: number;
  /** out[k] = |X_k|^2 for k = 0..size/2 of the real `input` (length size); out has size/2 + 1. */
  compute(input: Float64Array, out: Float64Array): void;
}

export function createRealPowerSpectrum(size: number): RealPowerSpectrum {
  assertPowerOfTwo(size, 4);
  const half = size >> 1;
  const fft = createFft(half);
  const re = new Float64Array(half);
  const im = new Float64Array(half);
  const cos = new Float64Array(half);
  const sin = new Float64Array(half);
  for (let k = 0; k < half; k++) {
    cos[k] = Math.cos((2 * Math.PI * k) / size);
    sin[k] = -Math.sin((2 * Math.PI * k) / size);
  }

  function compute(input: Float64Array, out: Float64Array): void {
    if (input.length !== size || out.length !== half + 1) throw new RangeError(`power spectrum of ${size} needs ${size} in, ${half + 1} out`);
    // Even samples as the real part, odd as the imaginary part: Z = E + i O.
    for (let n = 0; n < half; n++) {
      re[n] = input[2 * n];
      im[n] = input[2 * n + 1];
    }
    fft.transform(re, im);
    // X_k = E_k + W^k O_k with E_k = (Z_k + conj Z_{half-k}) / 2, O_k = (Z_k - conj Z_{half-k}) / 2i.
    for (let k = 0; k <= half; k++) {
      const a = k % half;
      const b = (half - k) % half;
      const er = 0.5 * (re[a] + re[b]);
      const ei = 0.5 * (im[a] - im[b]);
      const or = 0.5 * (im[a] + im[b]);
      const oi = -0.5 * (re[a] - re[b]);
      const wr = k < half ? cos[k] : -1;
      const wi = k < half ? sin[k] : 0;
      const xr = er + wr * or - wi * oi;
      const xi = ei + wr * oi + wi * or;
      out[k] = xr * xr + xi * xi;
    }
  }

  return { size, compute };
}
