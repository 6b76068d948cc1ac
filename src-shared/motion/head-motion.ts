import { POSE_LENGTH } from '../face/topology.js';
import { gaussian, seededRandom } from '../util/seeded-random.js';
import { smoothSequence } from './pose-sequence.js';

/**
 * Per-channel swing of the generated head pose, in the units of the pose vector (degrees, cm):
 * about the spread of AniPortrait's pose_temp.npy (rx 7 deg, ry 4.5 deg, rz 2.5 deg, t ~1 cm
 * peak to peak), so the two pose sources feel alike.
 */
const DRIFT_AMPLITUDE = [1.6, 1.5, 0.7, 0.22, 0.14, 0.2] as const;
/** Nod depth (degrees of pitch) on a stressed syllable of full loudness. */
const NOD_DEG = 2.2;

export interface HeadMotionInput {
  readonly fps: number;
  readonly frameCount: number;
  /** Per-frame speech loudness 0..1 (0 in silence). */
  readonly loudness: Float32Array;
  readonly seed: number;
}

export interface Emphasis {
  /** Frames of stressed syllables (loudness onsets). */
  readonly frames: readonly number[];
  /** Their strength 0..1. */
  readonly strength: readonly number[];
}

/** Stressed syllables: strong rises of loudness, at least 0.3 s apart. */
export function findEmphasis(loudness: Float32Array, fps: number): Emphasis {
  const frames: number[] = [];
  const strength: number[] = [];
  const gap = Math.round(0.3 * fps);
  const lag = Math.max(1, Math.round(0.1 * fps));
  let last = -gap;
  for (let f = lag; f < loudness.length - 1; f++) {
    const rise = loudness[f] - loudness[f - lag];
    const peak = loudness[f] >= loudness[f - 1] && loudness[f] >= loudness[f + 1];
    if (peak && rise > 0.25 && loudness[f] > 0.45 && f - last >= gap) {
      frames.push(f);
      strength.push(Math.min(1, rise * 1.5));
      last = f;
    }
  }
  return { frames, strength };
}

/**
 * Head pose driven by prosody: slow seeded drift on every channel, nods on stressed syllables
 * (a damped pitch impulse with a little yaw and roll), a livelier head while speaking, and
 * AniPortrait's 7-frame smoothing. Returns frameCount x POSE_LENGTH.
 */
export function generateHeadMotion(input: HeadMotionInput, emphasis: Emphasis = findEmphasis(input.loudness, input.fps)): Float32Array {
  const { fps, frameCount, loudness } = input;
  const random = seededRandom(input.seed ^ 0x5eed);
  const poses = new Float32Array(frameCount * POSE_LENGTH);
  // Drift: three incommensurate slow sinusoids per channel.
  for (let k = 0; k < POSE_LENGTH; k++) {
    const waves = Array.from({ length: 3 }, () => ({
      hz: 0.04 + random() * 0.25,
      phase: random() * 2 * Math.PI,
      gain: 0.5 + random() * 0.5,
    }));
    const norm = waves.reduce((s, w) => s + w.gain, 0);
    for (let f = 0; f < frameCount; f++) {
      const t = f / fps;
      let v = 0;
      for (const w of waves) v += w.gain * Math.sin(2 * Math.PI * w.hz * t + w.phase);
      poses[f * POSE_LENGTH + k] = (DRIFT_AMPLITUDE[k] * v) / norm;
    }
  }
  // Speaking makes the head livelier: an envelope of recent loudness scales a seeded jitter.
  const envelope = followEnvelope(loudness, fps, 0.6);
  for (let k = 0; k < 3; k++) {
    let jitter = 0;
    for (let f = 0; f < frameCount; f++) {
      jitter = 0.92 * jitter + 0.08 * gaussian(random);
      poses[f * POSE_LENGTH + k] += jitter * envelope[f] * DRIFT_AMPLITUDE[k] * 1.4;
    }
  }
  // Nods: pitch dips with a damped return; a hint of yaw/roll in a random direction.
  const decayFrames = 0.35 * fps;
  emphasis.frames.forEach((at, n) => {
    const depth = NOD_DEG * emphasis.strength[n];
    const yaw = (random() - 0.5) * depth * 0.5;
    const roll = (random() - 0.5) * depth * 0.3;
    for (let f = Math.max(0, at - 2); f < Math.min(frameCount, at + Math.round(4 * decayFrames)); f++) {
      const t = (f - at + 2) / decayFrames;
      const shape = t * Math.exp(1 - t);
      poses[f * POSE_LENGTH] += depth * shape;
      poses[f * POSE_LENGTH + 1] += yaw * shape;
      poses[f * POSE_LENGTH + 2] += roll * shape;
    }
  });
  return smoothSequence(poses, POSE_LENGTH, 7);
}

/** One-pole follower of `signal` with the given time constant (seconds). */
function followEnvelope(signal: Float32Array, fps: number, timeSec: number): Float32Array {
  const alpha = 1 - Math.exp(-1 / (timeSec * fps));
  const out = new Float32Array(signal.length);
  let v = 0;
  for (let f = 0; f < signal.length; f++) {
    v += alpha * (signal[f] - v);
    out[f] = v;
  }
  return out;
}
