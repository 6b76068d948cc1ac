import type { FaceParamName, FaceParamTrack } from '../face/face-param-track.js';
import { FACE_PARAM_NAMES } from '../face/face-param-track.js';
import { POSE_LENGTH } from '../face/topology.js';
import type { ChannelId } from './channels.js';
import { EXPRESSION_CHANNELS, POSE_CHANNEL_INDEX, POSE_CHANNELS } from './channels.js';
import { evaluateChannel } from './interpolate.js';
import type { Keyframe, KeyframeLayer } from './keyframe-schema.js';

/**
 * Generated track + keyframe layers -> the final track (ARCHITECTURE.md). The generated track is
 * never changed: layers add their channel values (degrees and cm for pose channels, the 0..1
 * expression scale for the others) frame by frame, in layer order; disabled layers are skipped.
 * Regenerating from new audio and composing again keeps every keyframe.
 */
export function composeTrack(generated: FaceParamTrack, layers: readonly KeyframeLayer[]): FaceParamTrack {
  const active = layers.filter((layer) => layer.enabled && Object.values(layer.channels).some((keys) => keys && keys.length > 0));
  if (active.length === 0) return generated;
  const params = Object.fromEntries(FACE_PARAM_NAMES.map((name) => [name, Float32Array.from(generated.params[name])])) as Record<FaceParamName, Float32Array>;
  const poses = Float32Array.from(generated.poses);
  for (const layer of active) {
    for (const channel of POSE_CHANNELS) {
      const keys = sortedKeys(layer, channel);
      if (!keys) continue;
      const k = POSE_CHANNEL_INDEX[channel];
      for (let f = 0; f < generated.frameCount; f++) poses[f * POSE_LENGTH + k] += evaluateChannel(keys, f / generated.fps);
    }
    for (const channel of EXPRESSION_CHANNELS) {
      const keys = sortedKeys(layer, channel);
      if (!keys) continue;
      const target = params[channel];
      for (let f = 0; f < generated.frameCount; f++) target[f] += evaluateChannel(keys, f / generated.fps);
    }
  }
  return { fps: generated.fps, frameCount: generated.frameCount, params, poses, meshOffsetsCm: generated.meshOffsetsCm };
}

function sortedKeys(layer: KeyframeLayer, channel: ChannelId): Keyframe[] | undefined {
  const keys = layer.channels[channel];
  return keys?.length ? [...keys].sort((a, b) => a.timeSec - b.timeSec) : undefined;
}

/** The value a set of layers adds to one channel at one time (for lanes and inspector fields). */
export function layeredValue(layers: readonly KeyframeLayer[], channel: ChannelId, timeSec: number): number {
  let sum = 0;
  for (const layer of layers) {
    const keys = layer.enabled ? sortedKeys(layer, channel) : undefined;
    if (keys) sum += evaluateChannel(keys, timeSec);
  }
  return sum;
}
