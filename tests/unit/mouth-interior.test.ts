// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { CHIN_BOTTOM, LOWER_LIP_INNER, MOUTH_CORNERS, NOSE_TIP, UPPER_LIP_INNER } from '../../src-shared/face/landmark-regions.js';
import { LANDMARK_COUNT } from '../../src-shared/face/topology.js';
import { paintMouthInterior } from '../../src-shared/render/mouth-interior.js';
import { mouthLight } from '../../src-shared/render/mouth-light.js';
import type { RgbaImage } from '../../src-shared/render/rgba-image.js';
import { createRgbaImage } from '../../src-shared/render/rgba-image.js';

const SIZE_PX = 120;

/** A mouth 60 px wide at y 50: the upper inner lip straight, the lower one an arc `openingPx` below it at the middle. */
function mouthLandmarks(openingPx: number, lowerInsetPx = 3): Float32Array {
  const points = new Float32Array(LANDMARK_COUNT * 2);
  const put = (i: number, x: number, y: number) => points.set([x, y], i * 2);
  UPPER_LIP_INNER.forEach((i, k) => put(i, 30 + (60 * k) / (UPPER_LIP_INNER.length - 1), 50));
  LOWER_LIP_INNER.forEach((i, k) => {
    const x = 30 + lowerInsetPx + ((60 - 2 * lowerInsetPx) * k) / (LOWER_LIP_INNER.length - 1);
    put(i, x, 50 + openingPx * (1 - ((x - 60) / 30) ** 2));
  });
  put(MOUTH_CORNERS[0], 28, 50);
  put(MOUTH_CORNERS[1], 92, 50);
  put(NOSE_TIP, 60, 20);
  put(CHIN_BOTTOM, 60, 100);
  return points;
}

function greyImage(value: number): RgbaImage {
  const image = createRgbaImage(SIZE_PX, SIZE_PX);
  image.data.fill(value);
  return image;
}

const luma = (image: RgbaImage, x: number, y: number) => {
  const o = (y * SIZE_PX + x) * 4;
  return 0.299 * image.data[o] + 0.587 * image.data[o + 1] + 0.114 * image.data[o + 2];
};

describe('mouthLight', () => {
  it("follows the lower face's highlights: full in a bright photo, dimmer in a dim one, never below 0.3", () => {
    const rest = mouthLandmarks(0);
    expect(mouthLight(greyImage(245), rest)).toBe(1);
    expect(mouthLight(greyImage(120), rest)).toBeCloseTo(120 / 238, 2);
    expect(mouthLight(greyImage(10), rest)).toBe(0.3);
  });

  it('takes the brightest 5 % of the region, so a few specks do not count but a highlight does', () => {
    const rest = mouthLandmarks(0);
    // The region is x 12..108, y 20..100: 97 x 81 px. A 3 x 3 speck is 0.1 % of it, a 30 x 30 patch 12 %.
    const paintPatch = (image: RgbaImage, sidePx: number) => {
      for (let y = 40; y < 40 + sidePx; y++) image.data.fill(250, (y * SIZE_PX + 40) * 4, (y * SIZE_PX + 40 + sidePx) * 4);
      return image;
    };
    expect(mouthLight(paintPatch(greyImage(120), 3), rest)).toBeCloseTo(120 / 238, 2);
    expect(mouthLight(paintPatch(greyImage(120), 30), rest)).toBe(1);
    // Outside the region (above the nose tip) nothing counts.
    const above = greyImage(120);
    above.data.fill(250, 0, 15 * SIZE_PX * 4);
    expect(mouthLight(above, rest)).toBeCloseTo(120 / 238, 2);
  });
});

describe('paintMouthInterior', () => {
  it('leaves closed lips alone, and paints only between the inner lips when they part', () => {
    const closed = greyImage(200);
    paintMouthInterior(closed, mouthLandmarks(1));
    expect(closed.data.every((v) => v === 200)).toBe(true);

    const open = greyImage(200);
    paintMouthInterior(open, mouthLandmarks(20));
    for (let y = 0; y < SIZE_PX; y++) {
      for (let x = 0; x < SIZE_PX; x++) {
        const inside = x >= 30 && x < 90 && y >= 49 && y <= 71;
        if (!inside) expect(luma(open, x, y), `(${x}, ${y}) is outside the mouth`).toBe(200);
      }
    }
    // The upper teeth just under the lip are bright; the cavity behind them is dark (the tongue is lower).
    expect(luma(open, 60, 52)).toBeGreaterThan(180);
    expect(luma(open, 60, 57)).toBeLessThan(40);
  });

  it('narrows the opening into the corners, where the lips meet, and fades the teeth into the cavity', () => {
    const open = greyImage(200);
    paintMouthInterior(open, mouthLandmarks(20, 8));
    // The lower inner contour ends 8 px short of the corners: the opening closes towards them there
    // (2 px in, about 2 px deep) instead of keeping the contour's end depth (9 px) up to an upright end.
    const painted = (x: number) => Array.from({ length: 30 }, (_, k) => luma(open, x, 48 + k)).filter((v) => v !== 200).length;
    expect(painted(32)).toBeLessThanOrEqual(4);
    expect(painted(87)).toBeLessThanOrEqual(4);
    expect(painted(60)).toBeGreaterThan(15);
    // The teeth's free edge is soft: no step of more than 110 levels (a hard band steps by about 200) from one row to the next below them.
    let steepest = 0;
    for (let y = 51; y < 66; y++) steepest = Math.max(steepest, Math.abs(luma(open, 60, y + 1) - luma(open, 60, y)));
    expect(steepest).toBeLessThan(110);
  });

  it('dims the teeth and the cavity by the light it is given', () => {
    const full = greyImage(200);
    const half = greyImage(200);
    paintMouthInterior(full, mouthLandmarks(20), 0, 1);
    paintMouthInterior(half, mouthLandmarks(20), 0, 0.5);
    expect(luma(half, 60, 52) / luma(full, 60, 52)).toBeCloseTo(0.5, 1);
    expect(luma(half, 60, 57)).toBeLessThan(luma(full, 60, 57));
  });
});
