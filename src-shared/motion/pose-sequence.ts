import { POSE_LENGTH } from '../face/topology.js';

/**
 * AniPortrait's pose-template looping (docs/aniportrait-engine.md §1.4): the template forwards, then
 * backwards without its end frames (p[0..n-1], p[n-2..1]), tiled and cut to `frameCount` frames.
 * `template` is n x POSE_LENGTH.
 */
export function loopPoseMirrored(template: ArrayLike<number>, frameCount: number): Float32Array {
  const n = template.length / POSE_LENGTH;
  if (!Number.isInteger(n) || n < 1) throw new Error(`pose template must be n x ${POSE_LENGTH}`);
  const order: number[] = [];
  for (let i = 0; i < n; i++) order.push(i);
  for (let i = n - 2; i >= 1; i--) order.push(i);
  const out = new Float32Array(frameCount * POSE_LENGTH);
  for (let f = 0; f < frameCount; f++) {
    const src = order[f % order.length];
    for (let k = 0; k < POSE_LENGTH; k++) out[f * POSE_LENGTH + k] = template[src * POSE_LENGTH + k];
  }
  return out;
}

/**
 * AniPortrait's smooth_pose_seq: centred moving average over `window` frames, truncated (not
 * padded) at the ends. `poses` is frameCount x `channels`.
 */
export function smoothSequence(poses: ArrayLike<number>, channels: number, window = 7): Float32Array {
  const frames = poses.length / channels;
  const half = Math.floor(window / 2);
  const out = new Float32Array(poses.length);
  for (let f = 0; f < frames; f++) {
    const start = Math.max(0, f - half);
    const end = Math.min(frames, f + half + 1);
    for (let k = 0; k < channels; k++) {
      let sum = 0;
      for (let g = start; g < end; g++) sum += poses[g * channels + k];
      out[f * channels + k] = sum / (end - start);
    }
  }
  return out;
}
