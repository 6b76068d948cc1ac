// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { loadCanonicalFace } from '../../src-main/face/canonical-face.js';
import { LEFT_BROW, LEFT_EYE_UPPER, LOWER_LIP_OUTER, RIGHT_BROW, RIGHT_EYE_LOWER, UPPER_LIP_INNER } from '../../src-shared/face/landmark-regions.js';
import { MOUTH_REGION_FULL_LANDMARK, MOUTH_REGION_TOP_LANDMARKS, MOUTH_REGION_WEIGHTS } from '../../src-shared/mouth/mouth-region.js';

describe('mouth region weights', () => {
  const positions = loadCanonicalFace().positionsCm;
  const y = (i: number) => positions[i * 3 + 1];

  it('are smoothstep of the canonical height from the lower eyelids down to the upper lip, to 0.01', () => {
    const top = Math.min(...MOUTH_REGION_TOP_LANDMARKS.map(y));
    const full = y(MOUTH_REGION_FULL_LANDMARK);
    for (let i = 0; i < 468; i++) {
      const t = Math.min(1, Math.max(0, (top - y(i)) / (top - full)));
      expect(MOUTH_REGION_WEIGHTS[i], `landmark ${i}`).toBeCloseTo(t * t * (3 - 2 * t), 2);
    }
    for (let i = 468; i < 478; i++) expect(MOUTH_REGION_WEIGHTS[i]).toBe(0);
  });

  it('hold the lips and chin wholly and leave the eyes and brows alone', () => {
    for (const i of [...UPPER_LIP_INNER, ...LOWER_LIP_OUTER, 152]) expect(MOUTH_REGION_WEIGHTS[i], `landmark ${i}`).toBe(1);
    for (const i of [...LEFT_EYE_UPPER, ...RIGHT_EYE_LOWER, ...LEFT_BROW, ...RIGHT_BROW]) expect(MOUTH_REGION_WEIGHTS[i], `landmark ${i}`).toBe(0);
  });
});
