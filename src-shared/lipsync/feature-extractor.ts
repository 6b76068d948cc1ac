import { createRealPowerSpectrum } from './fft.js';
import { createMelFilterbank } from './mel-filterbank.js';
import type { MfccConfig } from './mfcc-config.js';
import { SPEECH_BAND_MAX_HZ, SPEECH_BAND_MIN_HZ } from './mfcc-config.js';

/** Per analysis hop (every config.hopLength samples) spectral features of a whole clip. */
export interface ClipSpectra {
  readonly hopCount: number;
  /** Time between hops; hop h is centred on (h + 0.5) * hopSec. */
  readonly hopSec: number;
  readonly melFilterCount: number;
  /** hopCount x melFilterCount mel band energies (pre-emphasised power, linear). */
  readonly melEnergy: Float32Array;
  /** Mean-square level of the 300-3400 Hz band in dB re full scale (digital silence: about -200). */
  readonly bandLevelDb: Float32Array;
  /** Spectral flatness of the same band, 0..1: about 0.55 for white noise, below 0.15 for voiced sounds. */
  readonly bandFlatness: Float32Array;
}

export interface FeatureExtractor {
  readonly config: MfccConfig;
  /** Windowed FFT of every hop: mel energies, speech-band level and flatness. */
  spectra(samples: Float32Array): ClipSpectra;
  /**
   * hopCount x coefficientCount MFCCs c1..cN. `background` (melFilterCount energies), when given,
   * is subtracted from every hop first (spectral subtraction of steady music or noise).
   */
  cepstra(spectra: ClipSpectra, background?: Float32Array): Float32Array;
}

/** Below this fraction of the frame's total mel energy a band counts as empty (scale-invariant floor). */
const RELATIVE_MEL_FLOOR = 1e-5;
/** Spectral subtraction keeps at least this fraction of the background: no holes, no musical noise. */
const SUBTRACTION_FLOOR = 0.05;
const TINY = 1e-20;

/** Tables are built once per configuration; extraction allocates only its output arrays. */
export function createFeatureExtractor(config: MfccConfig): FeatureExtractor {
  if (config.fftSize < config.frameLength) throw new RangeError('fftSize must be >= frameLength');
  const powerSpectrum = createRealPowerSpectrum(config.fftSize);
  const { frameLength, fftSize, hopLength, preEmphasis, melFilterCount, coefficientCount } = config;
  const binCount = fftSize / 2 + 1;

  const window = new Float64Array(frameLength);
  let windowPower = 0;
  for (let n = 0; n < frameLength; n++) {
    window[n] = 0.54 - 0.46 * Math.cos((2 * Math.PI * n) / (frameLength - 1));
    windowPower += window[n] * window[n];
  }

  // Band level and flatness are measured on the spectrum with pre-emphasis undone, so that
  // /u/ and /i/ (F1 near 300 Hz) count as loud as /a/; the MFCCs keep the emphasis.
  const binHz = config.sampleRateHz / fftSize;
  const bandFirst = Math.ceil(SPEECH_BAND_MIN_HZ / binHz);
  const bandLast = Math.floor(SPEECH_BAND_MAX_HZ / binHz);
  const deEmphasis = new Float64Array(binCount);
  for (let k = 0; k < binCount; k++) {
    const w = (2 * Math.PI * k) / fftSize;
    deEmphasis[k] = 1 / (1 + preEmphasis * preEmphasis - 2 * preEmphasis * Math.cos(w));
  }
  // Parseval: sum |X_k|^2 over both half spectra = fftSize * sum (x w)^2; -> mean square of x.
  const levelScale = 2 / (fftSize * windowPower);

  const { firstBin, weights } = createMelFilterbank(config);
  // Orthonormal DCT-II rows 1..N (row 0, the level, is not kept).
  const dct = new Float32Array(coefficientCount * melFilterCount);
  for (let c = 0; c < coefficientCount; c++) {
    for (let m = 0; m < melFilterCount; m++) {
      dct[c * melFilterCount + m] = Math.sqrt(2 / melFilterCount) * Math.cos((Math.PI * (c + 1) * (m + 0.5)) / melFilterCount);
    }
  }

  const frame = new Float64Array(fftSize);
  const power = new Float64Array(binCount);
  const logMel = new Float64Array(melFilterCount);

  function spectra(samples: Float32Array): ClipSpectra {
    const hopCount = Math.ceil(samples.length / hopLength);
    const melEnergy = new Float32Array(hopCount * melFilterCount);
    const bandLevelDb = new Float32Array(hopCount);
    const bandFlatness = new Float32Array(hopCount);
    const n = samples.length;
    for (let h = 0; h < hopCount; h++) {
      // Window centred on the hop's centre; samples outside the clip read as silence.
      const start = h * hopLength + (hopLength >> 1) - (frameLength >> 1);
      if (start >= 1 && start + frameLength <= n) {
        for (let i = 0, t = start; i < frameLength; i++, t++) frame[i] = (samples[t] - preEmphasis * samples[t - 1]) * window[i];
      } else {
        for (let i = 0; i < frameLength; i++) {
          const t = start + i;
          const x = t >= 0 && t < n ? samples[t] : 0;
          const prev = t >= 1 && t - 1 < n ? samples[t - 1] : 0;
          frame[i] = (x - preEmphasis * prev) * window[i];
        }
      }
      frame.fill(0, frameLength);
      powerSpectrum.compute(frame, power);

      let bandSum = 0;
      let bandLogSum = 0;
      for (let k = bandFirst; k <= bandLast; k++) {
        const p = power[k] * deEmphasis[k] + TINY;
        bandSum += p;
        bandLogSum += Math.log(p);
      }
      const bins = bandLast - bandFirst + 1;
      bandLevelDb[h] = 10 * Math.log10(bandSum * levelScale + TINY);
      bandFlatness[h] = Math.exp(bandLogSum / bins) / (bandSum / bins);

      const row = h * melFilterCount;
      for (let m = 0; m < melFilterCount; m++) {
        const w = weights[m];
        const first = firstBin[m];
        let e = 0;
        for (let j = 0; j < w.length; j++) e += power[first + j] * w[j];
        melEnergy[row + m] = e;
      }
    }
    return { hopCount, hopSec: hopLength / config.sampleRateHz, melFilterCount, melEnergy, bandLevelDb, bandFlatness };
  }

  function cepstra(clip: ClipSpectra, background?: Float32Array): Float32Array {
    const { hopCount, melEnergy } = clip;
    const mfcc = new Float32Array(hopCount * coefficientCount);
    for (let h = 0; h < hopCount; h++) {
      const row = h * melFilterCount;
      let total = 0;
      for (let m = 0; m < melFilterCount; m++) {
        const e = melEnergy[row + m];
        logMel[m] = background ? Math.max(e - background[m], SUBTRACTION_FLOOR * background[m]) : e;
        total += logMel[m];
      }
      const floor = total * RELATIVE_MEL_FLOOR + TINY;
      for (let m = 0; m < melFilterCount; m++) logMel[m] = Math.log(logMel[m] + floor);
      const out = h * coefficientCount;
      for (let c = 0; c < coefficientCount; c++) {
        let acc = 0;
        const dctRow = c * melFilterCount;
        for (let m = 0; m < melFilterCount; m++) acc += dct[dctRow + m] * logMel[m];
        mfcc[out + c] = acc;
      }
    }
    return mfcc;
  }

  return { config, spectra, cepstra };
}
