import type { FaceParamTrack } from '../face/face-param-track.js';
import { channelValueAt, generatedValueAt, layersValueAt } from '../project/derived.js';
import type { KeyChannelId } from './shape-channels.js';
import { isShapeChannel } from './shape-channels.js';
import type { KeyframeLayer } from './keyframe-schema.js';

/** A channel over the video, one value per frame, for drawing it (lanes, graph editor). */
export interface ChannelCurves {
  /** The generated track's values (null before a track exists). */
  readonly generated: Float64Array | null;
  /** What is rendered: generated plus every composing layer (derived.ts channelValueAt). */
  readonly composed: Float64Array;
  /** The smallest and largest value of both. */
  readonly min: number;
  readonly max: number;
}

export function channelCurves(generated: FaceParamTrack | null, layers: readonly KeyframeLayer[], channel: KeyChannelId, frameCount: number, fps: number): ChannelCurves {
  const gen = generated === null || isShapeChannel(channel) ? null : Float64Array.from({ length: frameCount }, (_, f) => generatedValueAt(generated, channel, f));
  const composed = Float64Array.from({ length: frameCount }, (_, f) => channelValueAt(generated, layers, channel, f, fps));
  let min = Infinity;
  let max = -Infinity;
  for (const values of gen === null ? [composed] : [gen, composed]) {
    for (const v of values) {
      if (v < min) min = v;
      if (v > max) max = v;
    }
  }
  if (!Number.isFinite(min)) min = max = 0;
  return { generated: gen, composed, min, max };
}

/** One layer's own curve (what its keys define) sampled at `timesSec`; the graph editor's editable curve. */
export function layerCurve(layer: KeyframeLayer, channel: KeyChannelId, timesSec: readonly number[]): number[] {
  const single = [{ ...layer, enabled: true, solo: false, weight: 1 }];
  return timesSec.map((t) => layersValueAt(single, channel, t));
}
