import type { FaceParamTrack } from '../face/face-param-track.js';
import { packedParamTrack } from '../face/face-param-track.js';
import { POSE_LENGTH } from '../face/topology.js';
import { composingLayers, enabledLayerKeys } from '../project/derived.js';
import { EXPRESSION_CHANNELS, POSE_CHANNEL_INDEX, POSE_CHANNELS } from './channels.js';
import { evaluateChannel } from './interpolate.js';
import type { KeyframeLayer } from './keyframe-schema.js';
import type { MouthSettings } from '../mouth/mouth-schema.js';
import { composeMouth } from '../mouth/compose-mouth.js';

/**
 * The enabled keyframe layers composed over the generated parameter track: the final track
 * (docs/architecture.md §6). The generated track is never changed: the composing layers (derived.ts
 * composingLayers: enabled, or the soloed ones) add their channel values times their weight (degrees
 * and cm for pose channels, the 0..1 expression scale for the others) frame by frame, in layer order. Regenerating from new audio and composing again keeps
 * every keyframe. With `mouth` (the project's lip sync), its controls and edits apply to the generated
 * mouth before the layers.
 */
export function composeLayers(generatedTrack: FaceParamTrack, layers: readonly KeyframeLayer[], mouth?: MouthSettings): FaceParamTrack {
  // The lip sync's controls and the mouth lane's edits first (src-shared/mouth/compose-mouth.ts), then the keyframe layers add to that mouth.
  const generated = mouth === undefined ? generatedTrack : composeMouth(generatedTrack, mouth);
  const keyed = composingLayers(layers).some((layer) => Object.values(layer.channels).some((keys) => keys && keys.length > 0));
  if (!keyed) return generated;
  const { frameCount, fps } = generated;
  const composed = packedParamTrack(fps, frameCount, Float32Array.from(generated.paramValues), Float32Array.from(generated.poses), generated.meshOffsetsCm);
  const { params, poses } = composed;
  // Per channel, layer by layer: the same sums, in the same order, as channelValueAt (derived.ts).
  for (const channel of POSE_CHANNELS) {
    const k = POSE_CHANNEL_INDEX[channel];
    for (const { keys, weight } of enabledLayerKeys(layers, channel)) for (let f = 0; f < frameCount; f++) poses[f * POSE_LENGTH + k] += weight * evaluateChannel(keys, f / fps);
  }
  for (const channel of EXPRESSION_CHANNELS) {
    const target = params[channel];
    for (const { keys, weight } of enabledLayerKeys(layers, channel)) for (let f = 0; f < frameCount; f++) target[f] += weight * evaluateChannel(keys, f / fps);
  }
  return composed;
}
