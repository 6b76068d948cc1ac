import type { KeyChannelId } from '../keyframes/shape-channels.js';
import { evaluateChannel } from '../keyframes/interpolate.js';
import type { Keyframe, KeyframeLayer } from '../keyframes/keyframe-schema.js';
import type { ProjectDocument } from '../project/project-schema.js';
import type { KeyRef } from './selection.js';

/** The layer the lanes show and new keys go to: the document's active layer, else the first one. */
export function activeLayer(doc: ProjectDocument): KeyframeLayer | null {
  return doc.layers.find((layer) => layer.id === doc.activeLayerId) ?? doc.layers[0] ?? null;
}

export function channelKeys(doc: ProjectDocument, channel: KeyChannelId): readonly Keyframe[] {
  return activeLayer(doc)?.channels[channel] ?? [];
}

/** What the active layer adds to `channel` at `timeSec` (0 where it has no keys). */
export function activeLayerValue(doc: ProjectDocument, channel: KeyChannelId, timeSec: number): number {
  return evaluateChannel(channelKeys(doc, channel), timeSec);
}

/** Whether `timeSec` lies within half a frame of `keyTimeSec`: the two are the same frame. */
export function sameFrame(keyTimeSec: number, timeSec: number, fps: number): boolean {
  return Math.abs(keyTimeSec - timeSec) < 0.5 / fps;
}

/** The key of `channel` within half a frame of `timeSec`, if any. */
export function keyAt(doc: ProjectDocument, channel: KeyChannelId, timeSec: number, fps: number): Keyframe | null {
  return channelKeys(doc, channel).find((k) => sameFrame(k.timeSec, timeSec, fps)) ?? null;
}

export function findKey(doc: ProjectDocument, ref: KeyRef): Keyframe | null {
  return channelKeys(doc, ref.channel).find((k) => k.id === ref.keyId) ?? null;
}
