// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { loadCanonicalFace } from '../../src-main/face/canonical-face.js';
import { LANDMARK_MIRROR, nearestMirrorPairs, withMirrored } from '../../src-shared/face/face-symmetry.js';
import { LEFT_IRIS, MOUTH_CORNERS, RIGHT_IRIS } from '../../src-shared/face/landmark-regions.js';

describe('face symmetry (left/right landmark pairs)', () => {
  const positions = loadCanonicalFace().positionsCm;

  it('is the canonical mesh paired by nearest mirrored vertex, and each mirrored vertex lands on its pair', () => {
    expect(Array.from(LANDMARK_MIRROR.subarray(0, 468))).toEqual(nearestMirrorPairs(positions));
    for (let i = 0; i < 468; i++) {
      const j = LANDMARK_MIRROR[i];
      expect(Math.hypot(positions[i * 3] + positions[j * 3], positions[i * 3 + 1] - positions[j * 3 + 1], positions[i * 3 + 2] - positions[j * 3 + 2])).toBeLessThan(1e-4);
    }
  });

  it('is an involution with the mid-line points as their own mirrors', () => {
    for (let i = 0; i < LANDMARK_MIRROR.length; i++) expect(LANDMARK_MIRROR[LANDMARK_MIRROR[i]]).toBe(i);
    const mid = Array.from(LANDMARK_MIRROR).filter((j, i) => j === i);
    expect(mid.length).toBe(28);
    for (const i of mid) expect(Math.abs(positions[i * 3])).toBeLessThan(1e-4);
    // Nose tip (1), upper and lower lip centre (13, 14), chin (152) are on the mid-line.
    for (const i of [1, 13, 14, 152]) expect(LANDMARK_MIRROR[i]).toBe(i);
  });

  it('pairs the mouth corners, and the irises centre with centre', () => {
    expect(LANDMARK_MIRROR[MOUTH_CORNERS[0]]).toBe(MOUTH_CORNERS[1]);
    expect(LANDMARK_MIRROR[RIGHT_IRIS[0]]).toBe(LEFT_IRIS[0]);
    expect(withMirrored([61, 13])).toEqual([13, 61, 291]);
  });
});
