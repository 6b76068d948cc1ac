// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { CHIN_BOTTOM, LOWER_LIP_BODY, MOUTH_CORNERS, NOSE_TIP, UPPER_LIP_BODY } from '../../src-shared/face/landmark-regions.js';
import { LANDMARK_COUNT } from '../../src-shared/face/topology.js';
import { DEFAULT_MOUTH_PALETTE, mouthPalette } from '../../src-shared/render/mouth-palette.js';
import { gradePhoto } from '../../src-shared/render/photo-grade.js';
import type { RgbaImage } from '../../src-shared/render/rgba-image.js';
import { createRgbaImage } from '../../src-shared/render/rgba-image.js';

const SIZE_PX = 120;
const SKIN = [222, 176, 160] as const;
const LIPS = [196, 112, 112] as const;

/** Lips (their body landmarks) in a band at y 45..55 of a skin-coloured face, nose tip at y 20, chin at 100. */
function face(): { image: RgbaImage; landmarks: Float32Array } {
  const landmarks = new Float32Array(LANDMARK_COUNT * 2);
  [...UPPER_LIP_BODY, ...LOWER_LIP_BODY].forEach((i, k) => landmarks.set([35 + (k % 18) * 3, k < UPPER_LIP_BODY.length ? 47 : 53], i * 2));
  landmarks.set([28, 50], MOUTH_CORNERS[0] * 2);
  landmarks.set([92, 50], MOUTH_CORNERS[1] * 2);
  landmarks.set([60, 20], NOSE_TIP * 2);
  landmarks.set([60, 100], CHIN_BOTTOM * 2);
  const image = createRgbaImage(SIZE_PX, SIZE_PX);
  for (let y = 0; y < SIZE_PX; y++) {
    for (let x = 0; x < SIZE_PX; x++) {
      const colour = y >= 44 && y <= 56 && x >= 30 && x <= 90 ? LIPS : SKIN;
      image.data.set([...colour, 255], (y * SIZE_PX + x) * 4);
    }
  }
  // Hair along the top: the photo's darkest part (its black level).
  for (let y = 0; y < 8; y++) for (let x = 0; x < SIZE_PX; x++) image.data.set([20, 16, 14, 255], (y * SIZE_PX + x) * 4);
  return { image, landmarks };
}

const chroma = (rgb: readonly number[]) => Math.max(...rgb) - Math.min(...rgb);

describe('mouthPalette (the synthesized mouth in the photo\'s own colours)', () => {
  const { image, landmarks } = face();
  const own = mouthPalette(image, landmarks);

  it('keeps the drawn colours for a photo with the reference lips', () => {
    for (const key of ['cavityEdge', 'tongue'] as const) {
      own[key].forEach((v, c) => expect(v).toBeCloseTo(DEFAULT_MOUTH_PALETTE[key][c], -1));
    }
  });

  it('a desaturated photo gets a desaturated mouth, a cool one a cooler mouth, a warm one a warmer one', () => {
    const grey = mouthPalette(gradePhoto(image, 'desaturated'), landmarks);
    expect(chroma(grey.tongue)).toBeLessThan(chroma(own.tongue) * 0.4);
    expect(chroma(grey.cavityEdge)).toBeLessThan(chroma(own.cavityEdge) * 0.4);
    const cool = mouthPalette(gradePhoto(image, 'cool'), landmarks);
    expect(cool.tongue[2] - cool.tongue[0]).toBeGreaterThan(own.tongue[2] - own.tongue[0] + 15);
    expect(cool.teeth[2] - cool.teeth[0]).toBeGreaterThan(own.teeth[2] - own.teeth[0] + 10);
    const warm = mouthPalette(gradePhoto(image, 'warm'), landmarks);
    expect(warm.teeth[0] - warm.teeth[2]).toBeGreaterThan(own.teeth[0] - own.teeth[2] + 10);
  });

  it('a low-contrast photo lifts the cavity\'s darks with its black level', () => {
    const flat = mouthPalette(gradePhoto(image, 'low-contrast'), landmarks);
    expect(Math.min(...flat.cavityDeep)).toBeGreaterThan(Math.min(...own.cavityDeep) + 15);
  });
});
