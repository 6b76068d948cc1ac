import { ANALYSIS_RATE_HZ, frameCountForSamples } from '../project/derived.js';

/**
 * The audio side of AniPortrait's Audio2Lmk around the ONNX graphs (docs/aniportrait-engine.md §1.1, §1.2,
 * §1.5): wav2vec2 input normalisation, the 30 fps frame count, the align-corners linear resampling of
 * CNN features to video frames, and the 5 s chunk plan of audio2pose.
 */
export const WAV2VEC_RATE_HZ = ANALYSIS_RATE_HZ;
/** AniPortrait's landmark rate; its audio models know no other. */
export const ANIPORTRAIT_FPS = 30;
const CHUNK_SAMPLES = 80000;
const CHUNK_FRAMES = 150;

/** Wav2Vec2FeatureExtractor's do_normalize: zero mean, unit (population) variance over the clip. */
export function normalizeForWav2Vec(samples: Float32Array): Float32Array {
  let sum = 0;
  for (const s of samples) sum += s;
  const mean = sum / samples.length;
  let squares = 0;
  for (const s of samples) squares += (s - mean) * (s - mean);
  const scale = 1 / Math.sqrt(squares / samples.length + 1e-7);
  const out = new Float32Array(samples.length);
  for (let i = 0; i < samples.length; i++) out[i] = (samples[i] - mean) * scale;
  return out;
}

/** seq_len = ceil(n / 16000 * 30): the project's one frame count (derived.ts) at 30 fps. */
export function videoFrameCount(sampleCount: number): number {
  return frameCountForSamples(sampleCount, WAV2VEC_RATE_HZ, ANIPORTRAIT_FPS);
}

/**
 * F.interpolate(mode='linear', align_corners=True) along time: `features` is L x width, the result
 * T x width with src = t (L-1)/(T-1) (0 when T is 1).
 */
export function resampleFeatures(features: Float32Array, width: number, frameCount: number): Float32Array {
  const sourceFrames = features.length / width;
  if (!Number.isInteger(sourceFrames) || sourceFrames < 1) throw new Error(`features must be L x ${width}`);
  const out = new Float32Array(frameCount * width);
  // PyTorch computes the scale once in float32, then src = scale * t.
  const scale = frameCount === 1 ? 0 : Math.fround((sourceFrames - 1) / (frameCount - 1));
  for (let t = 0; t < frameCount; t++) {
    const src = Math.fround(scale * t);
    const i0 = Math.floor(src);
    const i1 = Math.min(i0 + 1, sourceFrames - 1);
    const lambda = src - i0;
    for (let c = 0; c < width; c++) {
      out[t * width + c] = (1 - lambda) * features[i0 * width + c] + lambda * features[i1 * width + c];
    }
  }
  return out;
}

/** One audio2pose chunk: samples [startSample, endSample) give `frameCount` poses. */
export interface PoseChunk {
  readonly startSample: number;
  readonly endSample: number;
  readonly frameCount: number;
}

/**
 * audio2pose's chunking as intended: 5 s (80 000 samples, 150 frames) chunks, the last two merged,
 * so the last covers 150..299 frames; one chunk when the clip is 5 s or shorter. Lengths always sum
 * to `videoFrameCount(sampleCount)` (fixes AniPortrait issues #137 and #200, docs/aniportrait-engine.md §1.5).
 */
export function poseChunks(sampleCount: number): PoseChunk[] {
  const total = videoFrameCount(sampleCount);
  if (sampleCount <= CHUNK_SAMPLES) return [{ startSample: 0, endSample: sampleCount, frameCount: total }];
  const audioChunks = Math.ceil(sampleCount / CHUNK_SAMPLES);
  const chunks: PoseChunk[] = [];
  for (let i = 0; i < audioChunks - 2; i++) {
    chunks.push({ startSample: i * CHUNK_SAMPLES, endSample: (i + 1) * CHUNK_SAMPLES, frameCount: CHUNK_FRAMES });
  }
  const lastStart = (audioChunks - 2) * CHUNK_SAMPLES;
  chunks.push({ startSample: lastStart, endSample: sampleCount, frameCount: total - CHUNK_FRAMES * (audioChunks - 2) });
  return chunks;
}
