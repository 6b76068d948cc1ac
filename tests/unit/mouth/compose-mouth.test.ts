// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { composeLayers } from '../../../src-shared/keyframes/compose-layers';
import { newKey } from '../../../src-shared/edits/keyframe-edits';
import { composeMouth, editAtFrame, editFrames, movingAverage } from '../../../src-shared/mouth/compose-mouth';
import type { MouthEdit, MouthSettings } from '../../../src-shared/mouth/mouth-schema';
import { DEFAULT_MOUTH_SETTINGS } from '../../../src-shared/mouth/mouth-schema';
import { packedParamTrack } from '../../../src-shared/face/face-param-track';
import { LANDMARK_COUNT } from '../../../src-shared/face/topology';
import { mouthMode } from '../../../src-shared/mouth/mouth-poses';
import type { KeyframeId, LayerId } from '../../../src-shared/util/ids';
import { run, shapeTrack } from './mouth-track';

const edit = (startSec: number, endSec: number, shape: MouthEdit['shape'], strength = 1, id = 'e1'): MouthEdit => ({ id, startSec, endSec, shape, strength });
const settings = (patch: Partial<MouthSettings>): MouthSettings => ({ ...DEFAULT_MOUTH_SETTINGS, ...patch });

describe('composeMouth: the lip sync over the generated mouth', () => {
  const generated = shapeTrack([...run('A', 10), ...run('rest', 5), ...run('U', 15)], 0.8);

  it('returns the generated track itself for neutral settings', () => {
    expect(composeMouth(generated, DEFAULT_MOUTH_SETTINGS)).toBe(generated);
  });

  it('an edit replaces the shape in the frames whose centres it covers, and nowhere else', () => {
    // [0.1, 0.2) at 30 fps: frame centres 3.5/30 .. 5.5/30, frames 3, 4, 5.
    const composed = composeMouth(generated, settings({ edits: [edit(0.1, 0.2, 'O', 1)] }));
    expect(editFrames(edit(0.1, 0.2, 'O'), 30, 30)).toEqual([3, 6]);
    for (let f = 0; f < 30; f++) {
      const inside = f >= 3 && f < 6;
      expect(composed.params.jawOpen[f]).toBeCloseTo(inside ? 0.65 : generated.params.jawOpen[f], 6);
      expect(composed.params.lipFunnel[f]).toBeCloseTo(inside ? 0.6 : generated.params.lipFunnel[f], 6);
      expect(composed.params.mouthWidth[f]).toBeCloseTo(inside ? -0.35 : generated.params.mouthWidth[f], 6);
      expect(composed.params.lipPress[f]).toBeCloseTo(inside ? 0 : generated.params.lipPress[f], 6);
    }
    expect(editAtFrame([edit(0.1, 0.2, 'O')], 5, 30)?.shape).toBe('O');
    expect(editAtFrame([edit(0.1, 0.2, 'O')], 6, 30)).toBeNull();
    // The generated track is not changed.
    expect(generated.params.jawOpen[4]).toBeCloseTo(0.72, 6);
  });

  it('strength moves from rest towards the shape; a shape-less edit scales the generated mouth', () => {
    const half = composeMouth(generated, settings({ edits: [edit(0, 0.1, 'M', 0.5)] }));
    expect(half.params.lipPress[1]).toBeCloseTo(0.5 + 0.5 * (1 - 0.5), 6);
    expect(half.params.jawOpen[1]).toBeCloseTo(0, 6);
    const scaled = composeMouth(generated, settings({ edits: [edit(0, 0.1, null, 0.5)] }));
    expect(scaled.params.jawOpen[1]).toBeCloseTo(0.5 * 0.72, 6);
    expect(scaled.params.lipPress[1]).toBeCloseTo(0.5 + 0.5 * (0.1 - 0.5), 6);
  });

  it('amount scales the distance from rest, within each parameter range', () => {
    const composed = composeMouth(generated, settings({ amount: 1.2 }));
    expect(composed.params.jawOpen[0]).toBeCloseTo(1.2 * 0.72, 5);
    expect(composed.params.lipPress[0]).toBeCloseTo(0.5 + 1.2 * (0.1 - 0.5), 5);
    expect(composed.params.lipFunnel[20]).toBeCloseTo(1.2 * 0.76, 5);
    // At 2: U's funnel 0.76 x 2 is kept at 1, A's jaw 0.72 x 2 at 1.
    const double = composeMouth(generated, settings({ amount: 2 }));
    expect(double.params.lipFunnel[20]).toBe(1);
    expect(double.params.jawOpen[0]).toBe(1);
    expect(composeMouth(generated, settings({ amount: 0 })).params.jawOpen[0]).toBe(0);
  });

  it('articulation scales the distance from the 0.3 s moving average', () => {
    const composed = composeMouth(generated, settings({ articulation: 2 }));
    const mean = movingAverage(generated.params.jawOpen, 9);
    for (const f of [0, 8, 11, 16, 29]) expect(composed.params.jawOpen[f]).toBeCloseTo(Math.min(1, Math.max(0, mean[f] + 2 * (generated.params.jawOpen[f] - mean[f]))), 5);
    // Inside a long steady run the average is the value: nothing changes.
    expect(composed.params.lipFunnel[24]).toBeCloseTo(generated.params.lipFunnel[24], 6);
  });

  it('smoothing is a centred moving average with repeated ends, applied after the edits', () => {
    expect(Array.from(movingAverage(Float32Array.of(0, 0, 3, 0, 0), 3))).toEqual([0, 1, 1, 1, 0]);
    expect(Array.from(movingAverage(Float32Array.of(3, 0, 0), 3))).toEqual([2, 1, 0]);
    const composed = composeMouth(generated, settings({ smoothingSec: 0.1, edits: [edit(0.1, 0.2, 'O')] }));
    const raw = composeMouth(generated, settings({ edits: [edit(0.1, 0.2, 'O')] }));
    expect(Array.from(composed.params.jawOpen)).toEqual(Array.from(movingAverage(raw.params.jawOpen, 3)));
  });

  it('edits past the end of the track cover no frame', () => {
    expect(editFrames(edit(2, 3, 'A'), 30, 30)).toEqual([30, 30]);
    const composed = composeMouth(generated, settings({ edits: [edit(2, 3, 'A')] }));
    expect(Array.from(composed.paramValues)).toEqual(Array.from(generated.paramValues));
  });

  it('on a mesh track an edit is a correction added to the params, and the controls scale the mesh\'s mouth region only', () => {
    const mesh = new Float32Array(30 * LANDMARK_COUNT * 3).fill(0.01);
    const zero = shapeTrack(run('rest', 30), 0);
    const meshTrack = packedParamTrack(30, 30, new Float32Array(zero.paramValues.length), zero.poses, mesh);
    const composed = composeMouth(meshTrack, settings({ amount: 2, edits: [edit(0.1, 0.2, 'A', 0.5)] }));
    expect(composed.params.jawOpen[4]).toBeCloseTo(0.45, 6);
    expect(composed.params.lipPress[4]).toBeCloseTo(0.5 * (0 - 0.5), 6);
    expect(composed.params.jawOpen[10]).toBe(0);
    // Amount 2: the lower lip's middle (14) and the chin (152) move twice as far; an upper eyelid (159) and a brow (105) as before.
    const offset = (track: typeof composed, landmark: number, frame: number) => track.meshOffsetsCm![(frame * LANDMARK_COUNT + landmark) * 3 + 1];
    expect(offset(composed, 14, 7)).toBeCloseTo(0.02, 6);
    expect(offset(composed, 152, 7)).toBeCloseTo(0.02, 6);
    expect(offset(composed, 159, 7)).toBeCloseTo(0.01, 6);
    expect(offset(composed, 105, 7)).toBeCloseTo(0.01, 6);
    expect(mesh[7 * LANDMARK_COUNT * 3 + 14 * 3 + 1]).toBeCloseTo(0.01, 6);
    // Edits alone leave the mesh as it is (the same array).
    expect(composeMouth(meshTrack, settings({ edits: [edit(0.1, 0.2, 'A', 0.5)] })).meshOffsetsCm).toBe(mesh);
    // Mesh offsets with the lip sync's mouth in the params (a performance video whose mouth is not kept): visemes.
    expect(mouthMode(meshTrack)).toBe('mesh');
    expect(mouthMode(packedParamTrack(30, 30, Float32Array.from(generated.paramValues), generated.poses, mesh))).toBe('visemes');
    expect(mouthMode(generated)).toBe('visemes');
  });

  it('composeLayers applies the lip sync first, then the layers add to it', () => {
    const layer = { id: 'layer_1' as LayerId, name: 'L', enabled: true, solo: false, weight: 1, channels: { jawOpen: [newKey('k1' as KeyframeId, 0, 0.1)] } };
    const composed = composeLayers(generated, [layer], { mouth: settings({ edits: [edit(0.1, 0.2, 'O')] }) });
    expect(composed.params.jawOpen[4]).toBeCloseTo(0.65 + 0.1, 6);
    expect(composed.params.jawOpen[0]).toBeCloseTo(0.72 + 0.1, 6);
    expect(composeLayers(generated, [], { mouth: DEFAULT_MOUTH_SETTINGS })).toBe(generated);
  });
});
