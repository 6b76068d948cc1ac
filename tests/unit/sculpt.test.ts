// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { loadCanonicalFace } from '../../src-main/face/canonical-face.js';
import { ExpressionRig } from '../../src-shared/face/expression-rig.js';
import { frameOffsetsInto, paramTrack } from '../../src-shared/face/face-param-track.js';
import { FACE_PARAM_NAMES } from '../../src-shared/face/face-param-track.js';
import { LANDMARK_MIRROR } from '../../src-shared/face/face-symmetry.js';
import { LANDMARK_COUNT, POSE_LENGTH } from '../../src-shared/face/topology.js';
import { composeLayers } from '../../src-shared/keyframes/compose-layers.js';
import type { KeyframeLayer } from '../../src-shared/keyframes/keyframe-schema.js';
import type { ShapeId } from '../../src-shared/keyframes/shape-channels.js';
import { shapeChannel } from '../../src-shared/keyframes/shape-channels.js';
import { newKey } from '../../src-shared/edits/keyframe-edits.js';
import { channelValueAt } from '../../src-shared/project/derived.js';
import { smoothFalloff } from '../../src-shared/sculpt/falloff.js';
import { applySculptStroke, strokeWeights } from '../../src-shared/sculpt/sculpt-stroke.js';
import type { SculptShape } from '../../src-shared/sculpt/shape-schema.js';
import { SHAPE_VALUE_COUNT } from '../../src-shared/sculpt/shape-schema.js';
import type { KeyframeId, LayerId } from '../../src-shared/util/ids.js';

const rest = new Float32Array(LANDMARK_COUNT * 3);
rest.set(loadCanonicalFace().positionsCm);
for (let i = 468; i < LANDMARK_COUNT; i++) rest.set(rest.subarray(33 * 3, 33 * 3 + 3), i * 3);
const dist = (a: number, b: number) => Math.hypot(rest[a * 3] - rest[b * 3], rest[a * 3 + 1] - rest[b * 3 + 1], rest[a * 3 + 2] - rest[b * 3 + 2]);
const zeros = () => new Array<number>(SHAPE_VALUE_COUNT).fill(0);

describe('smooth falloff (Blender proportional editing, Smooth)', () => {
  it('is 1 at the point, 0.5 half way, 0 at and beyond the radius, 3t^2 - 2t^3 between', () => {
    expect(smoothFalloff(0, 2)).toBe(1);
    expect(smoothFalloff(1, 2)).toBeCloseTo(0.5, 12);
    expect(smoothFalloff(0.5, 2)).toBeCloseTo(3 * 0.75 ** 2 - 2 * 0.75 ** 3, 12);
    expect(smoothFalloff(2, 2)).toBe(0);
    expect(smoothFalloff(5, 2)).toBe(0);
    expect(smoothFalloff(0.1, 0)).toBe(0);
  });
});

describe('sculpt stroke', () => {
  const corner = 61;

  it('moves the picked landmark by the delta, neighbours by the falloff of their distance, nothing beyond the radius', () => {
    const radiusCm = 1.5;
    const out = applySculptStroke(zeros(), rest, { picked: [corner], deltaCm: [0, 1, 0], radiusCm, mirror: false });
    expect(out[corner * 3 + 1]).toBe(1);
    const weights = strokeWeights(rest, [corner], radiusCm);
    let near = 0;
    for (let i = 0; i < LANDMARK_COUNT; i++) {
      const d = dist(i, corner);
      expect(out[i * 3 + 1]).toBeCloseTo(smoothFalloff(d, radiusCm), 4);
      expect(weights[i]).toBeCloseTo(smoothFalloff(d, radiusCm), 6);
      if (d >= radiusCm) expect(out[i * 3 + 1]).toBe(0);
      if (d > 0 && d < radiusCm) near++;
      expect(out[i * 3]).toBe(0);
    }
    expect(near).toBeGreaterThan(3);
  });

  it('adds to the shape it sculpts (strokes accumulate)', () => {
    const once = applySculptStroke(zeros(), rest, { picked: [corner], deltaCm: [0.2, 0, 0], radiusCm: 0, mirror: false });
    const twice = applySculptStroke(once, rest, { picked: [corner], deltaCm: [0.3, 0, -0.1], radiusCm: 0, mirror: false });
    expect([twice[corner * 3], twice[corner * 3 + 1], twice[corner * 3 + 2]]).toEqual([0.5, 0, -0.1]);
    expect(twice.filter((v) => v !== 0).length).toBe(2);
  });

  it('with mirror, moves the other mouth corner by the delta with x flipped; a mid-line point moves once, not across', () => {
    const other = LANDMARK_MIRROR[corner];
    expect(other).toBe(291);
    const out = applySculptStroke(zeros(), rest, { picked: [corner], deltaCm: [-0.4, 0.3, 0.1], radiusCm: 0, mirror: true });
    expect([out[corner * 3], out[corner * 3 + 1], out[corner * 3 + 2]]).toEqual([-0.4, 0.3, 0.1]);
    expect([out[other * 3], out[other * 3 + 1], out[other * 3 + 2]]).toEqual([0.4, 0.3, 0.1]);
    const lip = applySculptStroke(zeros(), rest, { picked: [13], deltaCm: [0.5, 0.2, 0], radiusCm: 0, mirror: true });
    expect([lip[13 * 3], lip[13 * 3 + 1]]).toEqual([0, 0.2]);
  });
});

describe('composition: landmarks = generated + sum of weight(t) x shape through the layers', () => {
  const fps = 10;
  const frameCount = 11;
  const params = Object.fromEntries(FACE_PARAM_NAMES.map((n) => [n, new Float32Array(frameCount).fill(n === 'jawOpen' ? 0.3 : 0)])) as Record<(typeof FACE_PARAM_NAMES)[number], Float32Array>;
  const generated = paramTrack(fps, frameCount, params, new Float32Array(frameCount * POSE_LENGTH));
  const rig = new ExpressionRig(rest);
  const a = 'shape_a' as ShapeId;
  const b = 'shape_b' as ShapeId;
  const shapeA: SculptShape = { id: a, name: 'A', offsetsCm: zeros().map((_, i) => (i === 61 * 3 + 1 ? 1 : 0)) };
  const shapeB: SculptShape = { id: b, name: 'B', offsetsCm: zeros().map((_, i) => (i === 61 * 3 + 1 ? -0.5 : i === 291 * 3 ? 2 : 0)) };
  const k = (id: string, t: number, v: number) => ({ ...newKey(id as KeyframeId, t, v), interp: 'linear' as const });
  const layer = (id: string, weight: number, channels: KeyframeLayer['channels'], enabled = true): KeyframeLayer => ({ id: id as LayerId, name: id, enabled, solo: false, weight, channels });
  const layers = [
    layer('l1', 1, { [shapeChannel(a)]: [k('k1', 0, 0), k('k2', 1, 1)] }),
    layer('l2', 0.5, { [shapeChannel(a)]: [k('k3', 0, 0.4)], [shapeChannel(b)]: [k('k4', 0, 1)] }),
    layer('muted', 1, { [shapeChannel(b)]: [k('k5', 0, 1)] }, false),
  ];
  const offsets = (track: typeof generated, f: number) => frameOffsetsInto(track, rig, f, new Float32Array(LANDMARK_COUNT * 3));

  it('adds each shape times its weight summed over the enabled layers, at every frame', () => {
    const composed = composeLayers(generated, layers, { shapes: [shapeA, shapeB] });
    for (const f of [0, 5, 10]) {
      const wA = f / 10 + 0.5 * 0.4;
      const wB = 0.5;
      const base = offsets(generated, f);
      const out = offsets(composed, f);
      expect(out[61 * 3 + 1] - base[61 * 3 + 1]).toBeCloseTo(wA * 1 + wB * -0.5, 5);
      expect(out[291 * 3] - base[291 * 3]).toBeCloseTo(wB * 2, 5);
      expect(out[152 * 3 + 1]).toBe(base[152 * 3 + 1]);
      expect(channelValueAt(generated, layers, shapeChannel(a), f, fps)).toBeCloseTo(wA, 6);
    }
  });

  it('adds nothing for a shape without keys, a muted layer, or keys of a shape the document lacks', () => {
    expect(composeLayers(generated, [layers[2]], { shapes: [shapeA, shapeB] })).toBe(generated);
    const onlyA = composeLayers(generated, layers, { shapes: [shapeA] });
    expect(offsets(onlyA, 10)[291 * 3]).toBe(offsets(generated, 10)[291 * 3]);
    expect(onlyA.shapes?.count).toBe(1);
  });
});
