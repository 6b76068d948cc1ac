import type { FaceParamTrack } from '../../src-shared/face/face-param-track';
import type { SculptShape } from '../../src-shared/sculpt/shape-schema';
import { SHAPE_VALUE_COUNT } from '../../src-shared/sculpt/shape-schema';

/**
 * What the viewport shows while a shape is sculpted: the composed track with that shape at weight
 * 1 in every frame (as Blender shows the shape key being edited), the other shapes as keyed. View
 * only: preview and export render the composed track itself.
 */
export function withShapeAtFull(track: FaceParamTrack, shape: SculptShape): FaceParamTrack {
  const frames = track.frameCount;
  const keyed = track.shapes;
  const slot = keyed?.ids.indexOf(shape.id) ?? -1;
  if (keyed !== undefined && slot >= 0) {
    const weights = Float32Array.from(keyed.weights);
    const offsetsCm = Float32Array.from(keyed.offsetsCm);
    offsetsCm.set(shape.offsetsCm, slot * SHAPE_VALUE_COUNT);
    for (let f = 0; f < frames; f++) weights[f * keyed.count + slot] = 1;
    return { ...track, shapes: { ...keyed, offsetsCm, weights } };
  }
  const before = keyed?.count ?? 0;
  const count = before + 1;
  const offsetsCm = new Float32Array(count * SHAPE_VALUE_COUNT);
  const weights = new Float32Array(frames * count);
  if (keyed !== undefined) {
    offsetsCm.set(keyed.offsetsCm);
    for (let f = 0; f < frames; f++) for (let s = 0; s < before; s++) weights[f * count + s] = keyed.weights[f * before + s];
  }
  offsetsCm.set(shape.offsetsCm, before * SHAPE_VALUE_COUNT);
  for (let f = 0; f < frames; f++) weights[f * count + before] = 1;
  return { ...track, shapes: { ids: [...(keyed?.ids ?? []), shape.id], count, offsetsCm, weights } };
}
