// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { loadCanonicalFace } from '../../src-main/face/canonical-face.js';
import { expressionMeasures } from '../../src-shared/face/expression-measures.js';
import { ExpressionRig, NEUTRAL_FACE } from '../../src-shared/face/expression-rig.js';
import { LEFT_BROW, LEFT_EYE_LOWER, LEFT_EYE_UPPER, MOUTH_CORNERS, RIGHT_EYE_LOWER, RIGHT_EYE_UPPER } from '../../src-shared/face/landmark-regions.js';

/** The canonical face, with iris points at the eye centres, as a 478-point rest face. */
function restFace(): Float32Array {
  const rest = new Float32Array(478 * 3);
  rest.set(loadCanonicalFace().positionsCm);
  const centre = (ids: readonly number[]) => [0, 1, 2].map((a) => ids.reduce((s, i) => s + rest[i * 3 + a], 0) / ids.length);
  const right = centre([...RIGHT_EYE_UPPER, ...RIGHT_EYE_LOWER]);
  const left = centre([...LEFT_EYE_UPPER, ...LEFT_EYE_LOWER]);
  for (let i = 468; i < 478; i++) rest.set(i < 473 ? right : left, i * 3);
  return rest;
}

const rest = restFace();
const rig = new ExpressionRig(rest);
const moved = (params: Partial<typeof NEUTRAL_FACE>) => {
  const offsets = rig.offsets({ ...NEUTRAL_FACE, ...params });
  return (i: number, axis: number) => rest[i * 3 + axis] + offsets[i * 3 + axis];
};
const mouthGap = (p: ReturnType<typeof moved>) => p(13, 1) - p(14, 1);
const mouthWidth = (p: ReturnType<typeof moved>) => p(MOUTH_CORNERS[1], 0) - p(MOUTH_CORNERS[0], 0);

describe('expression rig (region-weighted deformation fields)', () => {
  it('leaves the rest face alone at neutral', () => {
    expect(rig.offsets(NEUTRAL_FACE).every((v) => v === 0)).toBe(true);
  });

  it('opens the jaw: lower lip and chin drop, upper lip and nose stay', () => {
    const open = moved({ jawOpen: 1 });
    const still = moved({});
    expect(mouthGap(open) - mouthGap(still)).toBeGreaterThan(1.2);
    expect(still(152, 1) - open(152, 1)).toBeGreaterThan(1.2);
    expect(Math.abs(open(13, 1) - still(13, 1))).toBeLessThan(0.05);
    expect(Math.abs(open(1, 1) - still(1, 1))).toBeLessThan(1e-6);
    // The lower lip drops most at its middle and less towards the corners, where it meets the upper lip.
    const drop = (i: number) => still(i, 1) - open(i, 1);
    expect(drop(95)).toBeLessThan(drop(14) * 0.75);
    expect(drop(324)).toBeLessThan(drop(14) * 0.75);
    expect(drop(78)).toBeLessThan(drop(14) * 0.5);
    // Half open sits in between.
    const half = moved({ jawOpen: 0.5 });
    expect(mouthGap(half)).toBeGreaterThan(mouthGap(still));
    expect(mouthGap(half)).toBeLessThan(mouthGap(open));
  });

  it('rounds the lips for /u/ (narrower, forward) and spreads them for /i/', () => {
    const still = moved({});
    expect(mouthWidth(moved({ lipFunnel: 1 }))).toBeLessThan(mouthWidth(still) * 0.85);
    expect(moved({ lipFunnel: 1 })(0, 2)).toBeGreaterThan(still(0, 2) + 0.3);
    expect(mouthWidth(moved({ mouthWidth: 1 }))).toBeGreaterThan(mouthWidth(still) * 1.1);
  });

  it('presses the lips shut, closes the eyes on blink and lifts the brows', () => {
    expect(Math.abs(mouthGap(moved({ lipPress: 1 })))).toBeLessThan(Math.abs(mouthGap(moved({}))) * 0.2 + 0.01);
    const lid = (p: ReturnType<typeof moved>) => p(LEFT_EYE_UPPER[3], 1) - p(LEFT_EYE_LOWER[3], 1);
    expect(lid(moved({ blinkLeft: 1 }))).toBeLessThan(lid(moved({})) * 0.1);
    const rightLid = (p: ReturnType<typeof moved>) => p(RIGHT_EYE_UPPER[3], 1) - p(RIGHT_EYE_LOWER[3], 1);
    expect(rightLid(moved({ blinkLeft: 1 }))).toBeCloseTo(rightLid(moved({})), 6);
    expect(moved({ browRaise: 1 })(LEFT_BROW[2], 1) - moved({})(LEFT_BROW[2], 1)).toBeGreaterThan(0.4);
  });
});

describe('expression rig at +1 reaches real faces (npm run measure:expressions on the reference video)', () => {
  const measuresOf = (params: Partial<typeof NEUTRAL_FACE>) => {
    const offsets = rig.offsets({ ...NEUTRAL_FACE, ...params });
    return expressionMeasures(rest.map((v, i) => v + offsets[i]));
  };
  const base = expressionMeasures(rest);

  it('a smile spreads the mouth and lifts its corners as far as the footage does, and the cheeks rise with it', () => {
    const smile = measuresOf({ smile: 1 });
    // Footage: mouth spread 98th percentile 0.096 above the median, corner lift 0.03 (eye-corner distances).
    expect(smile.mouthSpread - base.mouthSpread).toBeGreaterThan(0.085);
    expect(smile.cornerLift - base.cornerLift).toBeGreaterThan(0.03);
    // Cheek landmarks (205, 425: over the cheekbones, beside the nose wings) move up, not only the lips.
    const offsets = rig.offsets({ ...NEUTRAL_FACE, smile: 1 });
    for (const cheek of [205, 425, 50, 280]) expect(offsets[cheek * 3 + 1], `landmark ${cheek}`).toBeGreaterThan(0.12);
  });

  it('a lip funnel pushes the lips forward past the corners and narrows the mouth', () => {
    const funnel = measuresOf({ lipFunnel: 1 });
    // Footage: lip protrusion moves 0.02 about its median; the funnel at +1 goes past that.
    expect(funnel.lipProtrusion - base.lipProtrusion).toBeGreaterThan(0.025);
    expect(funnel.mouthSpread - base.mouthSpread).toBeLessThan(-0.05);
  });

  it('a blink closes the eye and a brow raise lifts the brows beyond the footage\'s range (0.021)', () => {
    expect(measuresOf({ blinkLeft: 1, blinkRight: 1 }).eyeOpening).toBeLessThan(base.eyeOpening * 0.2);
    expect(measuresOf({ browRaise: 1 }).browLift - base.browLift).toBeGreaterThan(0.04);
  });
});
