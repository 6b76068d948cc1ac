import { describe, expect, it } from 'vitest';
import { faceCrop } from '../../src-shared/render/face-crop.js';

/** Landmarks that only mark a face box (x0, y0)-(x1, y1): its four corners. */
function box(x0: number, y0: number, x1: number, y1: number): Float32Array {
  return Float32Array.from([x0, y0, x1, y0, x0, y1, x1, y1]);
}

/** The crop's window in photo pixels. */
function windowOf(crop: ReturnType<typeof faceCrop>) {
  const widthPx = crop.outputWidthPx / crop.scale;
  const heightPx = crop.outputHeightPx / crop.scale;
  return { x0: crop.originXPx, y0: crop.originYPx, x1: crop.originXPx + widthPx, y1: crop.originYPx + heightPx, widthPx, heightPx };
}

describe('face crop', () => {
  it('frames a large face at the left of a landscape photo, not the middle of the photo', () => {
    // 1600x900 photo, face 100..700 x 150..750 (25 % of the photo).
    const crop = faceCrop(box(100, 150, 700, 750), 4, 1600, 900, 512, 512);
    const w = windowOf(crop);
    // The whole face is in the frame, and the frame stays on the photo (no padding).
    expect(w.x0).toBeLessThanOrEqual(100);
    expect(w.x1).toBeGreaterThanOrEqual(700);
    expect(w.y0).toBeLessThanOrEqual(150);
    expect(w.y1).toBeGreaterThanOrEqual(750);
    expect(w.x0).toBeGreaterThanOrEqual(0);
    expect(w.y1).toBeLessThanOrEqual(900);
  });

  it('centres on the face as far as the photo allows', () => {
    // A face right of centre: the 900 px square crop sits over it, stopping at the right edge.
    const right = windowOf(faceCrop(box(1000, 150, 1500, 750), 4, 1600, 900, 512, 512));
    expect(right.x1).toBeCloseTo(1600, 6);
    // A face in the middle third: centred exactly on it.
    const middle = windowOf(faceCrop(box(500, 150, 1100, 750), 4, 1600, 900, 512, 512));
    expect((middle.x0 + middle.x1) / 2).toBeCloseTo(800, 6);
    const offCentre = windowOf(faceCrop(box(600, 150, 1200, 750), 4, 1600, 900, 512, 512));
    expect((offCentre.x0 + offCentre.x1) / 2).toBeCloseTo(900, 6);
  });

  it('always contains the face, even when it is larger than the photo-sized crop', () => {
    // A wide face in a portrait photo with a landscape output: the crop grows past the photo to hold it.
    const w = windowOf(faceCrop(box(10, 100, 890, 900), 4, 900, 1600, 768, 256));
    expect(w.x0).toBeLessThanOrEqual(10);
    expect(w.x1).toBeGreaterThanOrEqual(890);
    expect(w.y0).toBeLessThanOrEqual(100);
    expect(w.y1).toBeGreaterThanOrEqual(900);
  });
});
