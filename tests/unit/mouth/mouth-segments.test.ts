// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { packedParamTrack } from '../../../src-shared/face/face-param-track';
import { LANDMARK_COUNT } from '../../../src-shared/face/topology';
import { VISEME_CLASSES } from '../../../src-shared/lipsync/viseme-profiles';
import { classifyMouthFrame, laneSegments, meshMouthOpeningCm, mouthSegments } from '../../../src-shared/mouth/mouth-segments';
import { shapePose } from '../../../src-shared/mouth/mouth-poses';
import { run, shapeTrack } from './mouth-track';

describe('mouth segments from the lip sync parameters', () => {
  it('classifies every viseme pose back to itself at full and at 0.6 strength, and quiet frames as rest', () => {
    for (const shape of VISEME_CLASSES) {
      const p = shapePose(shape);
      expect(classifyMouthFrame(p.jawOpen, p.lipFunnel, p.mouthWidth, p.lipPress)).toEqual({ shape, strength: 1 });
      const r = shapePose('rest');
      const at = (k: 'jawOpen' | 'lipFunnel' | 'mouthWidth' | 'lipPress', s: number) => r[k] + s * (p[k] - r[k]);
      const quiet = classifyMouthFrame(at('jawOpen', 0.6) * 0.5, at('lipFunnel', 0.6), at('mouthWidth', 0.6), at('lipPress', 0.6));
      expect(quiet.shape).toBe(shape);
      expect(quiet.strength).toBeCloseTo(0.6, 6);
    }
    expect(classifyMouthFrame(0, 0, 0, 0.5)).toEqual({ shape: 'rest', strength: 0 });
    expect(classifyMouthFrame(0.05, 0, 0.05, 0.45).shape).toBe('rest');
  });

  it('joins runs and merges one-frame flickers into the longer neighbour', () => {
    const track = shapeTrack([...run('rest', 4), ...run('A', 6), 'E', ...run('A', 3), ...run('O', 5), 'M', ...run('rest', 2)]);
    expect(mouthSegments(track)).toEqual([
      { startFrame: 0, endFrame: 4, shape: 'rest', strength: 0 },
      { startFrame: 4, endFrame: 14, shape: 'A', strength: 1 },
      { startFrame: 14, endFrame: 20, shape: 'O', strength: 1 },
      { startFrame: 20, endFrame: 22, shape: 'rest', strength: 0 },
    ]);
  });

  it('lays edits over the generated segments: the edit takes its span, runs are cut around it', () => {
    const generated = mouthSegments(shapeTrack([...run('rest', 6), ...run('A', 12), ...run('O', 12)]));
    const edits = [
      { id: 'e1', startSec: 0.3, endSec: 0.4, shape: 'M' as const, strength: 1 },
      { id: 'e2', startSec: 0.6, endSec: 0.8, shape: null, strength: 0.5 },
      { id: 'past', startSec: 2, endSec: 3, shape: 'A' as const, strength: 1 },
    ];
    const lane = laneSegments(generated, edits, 30, 30);
    expect(lane.map((s) => [Math.round(s.startSec * 30), Math.round(s.endSec * 30), s.shape, s.editId])).toEqual([
      [0, 6, 'rest', null],
      [6, 9, 'A', null],
      [9, 12, 'M', 'e1'],
      [12, 18, 'A', null],
      [18, 24, 'O', 'e2'],
      [24, 30, 'O', null],
    ]);
    expect(lane[4].keepsGenerated).toBe(true);
  });

  it("reads a mesh track's mouth opening from the inner lips' middles", () => {
    const stride = LANDMARK_COUNT * 3;
    const mesh = new Float32Array(2 * stride);
    mesh[stride + 13 * 3 + 1] = 0.1;
    mesh[stride + 14 * 3 + 1] = -0.3;
    const track = packedParamTrack(30, 2, new Float32Array(16), new Float32Array(12), mesh);
    const opening = meshMouthOpeningCm(track);
    expect(opening?.[0]).toBe(0);
    expect(opening?.[1]).toBeCloseTo(0.4, 6);
    expect(meshMouthOpeningCm(shapeTrack(['A']))).toBeNull();
  });

  it("splits a mesh track into open and rest runs by its mouth opening (open above 25 % of the way from the most closed to the widest)", () => {
    const stride = LANDMARK_COUNT * 3;
    // Never closed as in the photo: 0.1 cm is this clip's most closed, 0.5 cm its widest (open above 0.2 cm).
    const openings = [0.1, 0.1, 0.1, 0.3, 0.5, 0.5, 0.15, 0.15, 0.13, 0.4, 0.1, 0.1];
    const mesh = new Float32Array(openings.length * stride);
    openings.forEach((o, f) => (mesh[f * stride + 14 * 3 + 1] = -o));
    const track = packedParamTrack(30, openings.length, new Float32Array(8 * openings.length), new Float32Array(6 * openings.length), mesh);
    expect(mouthSegments(track).map((s) => [s.startFrame, s.endFrame, s.shape, +s.strength.toFixed(3)])).toEqual([
      [0, 3, 'rest', 0],
      [3, 6, 'open', 0.833],
      // The one open frame (9) is merged into the longer rest run before it.
      [6, 12, 'rest', 0],
    ]);
  });
});
