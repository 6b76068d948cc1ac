// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { FACE_PARAM_NAMES, paramTrack } from '../../src-shared/face/face-param-track.js';
import { channelCurves, layerCurve } from '../../src-shared/keyframes/channel-curves.js';
import { composeLayers } from '../../src-shared/keyframes/compose-layers.js';
import type { Keyframe, KeyframeLayer } from '../../src-shared/keyframes/keyframe-schema.js';

const key = (timeSec: number, value: number): Keyframe =>
  ({ id: `k${timeSec}`, timeSec, value, interp: 'bezier', handleMode: 'auto-clamped', leftHandle: { dtSec: 0, dValue: 0 }, rightHandle: { dtSec: 0, dValue: 0 } }) as Keyframe;
const track = paramTrack(
  10,
  20,
  Object.fromEntries(FACE_PARAM_NAMES.map((n) => [n, Float32Array.from({ length: 20 }, (_, f) => (n === 'jawOpen' ? f * 0.01 : 0))])) as never,
  new Float32Array(20 * 6),
);
const layer: KeyframeLayer = { id: 'l' as never, name: 'L', enabled: true, solo: false, weight: 0.5, channels: { jawOpen: [key(0.2, 0), key(1.2, 0.4)] } };

describe('channel curves for drawing', () => {
  it('samples the generated and the rendered value per frame, the same numbers composeLayers renders', () => {
    const curves = channelCurves(track, [layer], 'jawOpen', 20, 10);
    const composed = composeLayers(track, [layer]);
    for (let f = 0; f < 20; f++) {
      expect(curves.generated?.[f]).toBeCloseTo(track.params.jawOpen[f], 6);
      expect(curves.composed[f]).toBeCloseTo(composed.params.jawOpen[f], 6);
    }
    expect(curves.min).toBeCloseTo(0, 6);
    expect(curves.max).toBeCloseTo(0.19 + 0.2, 6);
  });

  it('without a track the rendered curve is the layers alone; a layer curve ignores mute and weight', () => {
    const curves = channelCurves(null, [layer], 'jawOpen', 20, 10);
    expect(curves.generated).toBeNull();
    expect(curves.composed[19]).toBeCloseTo(0.2, 9);
    expect(layerCurve({ ...layer, enabled: false }, 'jawOpen', [0, 1.2, 2])).toEqual([0, 0.4, 0.4]);
  });
});
