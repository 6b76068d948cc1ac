import type { FaceParamTrack, ShapeWeights } from '../face/face-param-track.js';
import { packedParamTrack } from '../face/face-param-track.js';
import { POSE_LENGTH } from '../face/topology.js';
import { composingLayers, enabledLayerKeys } from '../project/derived.js';
import { EXPRESSION_CHANNELS, POSE_CHANNEL_INDEX, POSE_CHANNELS } from './channels.js';
import { evaluateChannel } from './interpolate.js';
import type { KeyframeLayer } from './keyframe-schema.js';
import type { MouthSettings } from '../mouth/mouth-schema.js';
import { composeMouth } from '../mouth/compose-mouth.js';
import type { SculptShape } from '../sculpt/shape-schema.js';
import { SHAPE_VALUE_COUNT } from '../sculpt/shape-schema.js';
import { shapeChannel } from './shape-channels.js';

/** What a project adds to the generated track besides its keyframe layers. */
export interface TrackAdditions {
  /** The project's lip sync: its controls and the mouth lane's edits, applied to the generated mouth before the layers. */
  readonly mouth?: MouthSettings | undefined;
  /** The sculpted shapes the layers' `shape:<id>` channels weight. */
  readonly shapes?: readonly SculptShape[];
}

/**
 * The enabled keyframe layers composed over the generated parameter track: the final track
 * (docs/architecture.md §6). The generated track is never changed: the composing layers (derived.ts
 * composingLayers: enabled, or the soloed ones) add their channel values times their weight (degrees
 * and cm for pose channels, the 0..1 expression scale for the others) frame by frame, in layer order. Regenerating from new audio and composing again keeps
 * every keyframe. With `mouth` (the project's lip sync), its controls and edits apply to the generated
 * mouth before the layers; `shapes` are the sculpted shapes the layers weight.
 */
export function composeLayers(generatedTrack: FaceParamTrack, layers: readonly KeyframeLayer[], additions: TrackAdditions = {}): FaceParamTrack {
  const { mouth, shapes = [] } = additions;
  // The lip sync's controls and the mouth lane's edits first (src-shared/mouth/compose-mouth.ts), then the keyframe layers add to that mouth.
  const generated = mouth === undefined ? generatedTrack : composeMouth(generatedTrack, mouth);
  const keyed = composingLayers(layers).some((layer) => Object.values(layer.channels).some((keys) => keys && keys.length > 0));
  if (!keyed) return generated;
  const { frameCount, fps } = generated;
  const sculpted = composeShapeWeights(layers, shapes, frameCount, fps);
  const composed = {
    ...packedParamTrack(fps, frameCount, Float32Array.from(generated.paramValues), Float32Array.from(generated.poses), generated.meshOffsetsCm),
    ...(sculpted ? { shapes: sculpted } : {}),
  };
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

/**
 * The keyed shapes' weights per frame through the composing layers (the same sum as
 * channelValueAt of `shape:<id>`), with their offsets; null when no shape is keyed. Keys of a
 * channel whose shape is not in `shapes` add nothing.
 */
function composeShapeWeights(layers: readonly KeyframeLayer[], shapes: readonly SculptShape[], frameCount: number, fps: number): ShapeWeights | null {
  const keyed = shapes.map((shape) => ({ shape, layerKeys: enabledLayerKeys(layers, shapeChannel(shape.id)) })).filter((s) => s.layerKeys.length > 0);
  if (keyed.length === 0) return null;
  const count = keyed.length;
  const offsetsCm = new Float32Array(count * SHAPE_VALUE_COUNT);
  const weights = new Float32Array(frameCount * count);
  keyed.forEach(({ shape, layerKeys }, s) => {
    offsetsCm.set(shape.offsetsCm, s * SHAPE_VALUE_COUNT);
    for (const { keys, weight } of layerKeys) for (let f = 0; f < frameCount; f++) weights[f * count + s] += weight * evaluateChannel(keys, f / fps);
  });
  return { ids: keyed.map((k) => k.shape.id), count, offsetsCm, weights };
}
