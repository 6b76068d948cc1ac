import type { KeyframeLayer } from '../../src-shared/keyframes/keyframe-schema';
import type { KeyChannelId } from '../../src-shared/keyframes/shape-channels';
import { composingLayers, frameContaining } from '../../src-shared/project/derived';

/** One onion-skin ghost: the frame it shows, before (-1) or after (+1) the playhead, and its place (1 nearest). */
export interface OnionGhost {
  readonly frame: number;
  readonly direction: -1 | 1;
  readonly k: number;
}

/** The frames the keys of `channels` (all channels when null) fall on in the composing layers: sorted, each once. */
export function keyFrames(layers: readonly KeyframeLayer[], channels: readonly KeyChannelId[] | null, fps: number): number[] {
  const frames = new Set<number>();
  for (const layer of composingLayers(layers)) {
    for (const [channel, keys] of Object.entries(layer.channels) as [KeyChannelId, KeyframeLayer['channels'][KeyChannelId]][]) {
      if (channels !== null && !channels.includes(channel)) continue;
      for (const key of keys ?? []) frames.add(frameContaining(key.timeSec, fps));
    }
  }
  return [...frames].sort((a, b) => a - b);
}

/**
 * The ghosts around `frameIndex`: by frames, `count` each side `step` frames apart; by keys, the
 * `count` key frames before and the `count` after (`keyFramesSorted`, from keyFrames), nearest
 * first. Frames outside 0..frameCount-1 are left out.
 */
export function onionGhosts(frameIndex: number, frameCount: number, count: number, by: { readonly kind: 'frames'; readonly step: number } | { readonly kind: 'keys'; readonly keyFramesSorted: readonly number[] }): OnionGhost[] {
  const out: OnionGhost[] = [];
  if (by.kind === 'frames') {
    for (let k = 1; k <= count; k++) {
      for (const direction of [-1, 1] as const) {
        const frame = frameIndex + direction * k * by.step;
        if (frame >= 0 && frame < frameCount) out.push({ frame, direction, k });
      }
    }
    return out;
  }
  const before = by.keyFramesSorted.filter((f) => f < frameIndex && f >= 0).reverse().slice(0, count);
  const after = by.keyFramesSorted.filter((f) => f > frameIndex && f < frameCount).slice(0, count);
  before.forEach((frame, i) => out.push({ frame, direction: -1, k: i + 1 }));
  after.forEach((frame, i) => out.push({ frame, direction: 1, k: i + 1 }));
  return out;
}
