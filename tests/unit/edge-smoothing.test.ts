import { describe, expect, it } from 'vitest';
import { smoothEdges } from '../../src-shared/render/edge-smoothing.js';
import { createRgbaImage } from '../../src-shared/render/rgba-image.js';

describe('edge smoothing', () => {
  it('softens a hard edge along the segment and leaves pixels beyond its reach alone', () => {
    const image = createRgbaImage(20, 20);
    // Black left half, white right half: a hard vertical edge at x = 10.
    for (let y = 0; y < 20; y++) for (let x = 0; x < 20; x++) image.data.set(x < 10 ? [0, 0, 0, 255] : [255, 255, 255, 255], (y * 20 + x) * 4);
    const before = image.data.slice();
    smoothEdges(image, [10, 4, 10, 16], Uint32Array.from([0, 1]), 1);
    const red = (x: number, y: number) => image.data[(y * 20 + x) * 4];
    // On the edge: between black and white, darker on the black side.
    expect(red(9, 10)).toBeGreaterThan(20);
    expect(red(10, 10)).toBeLessThan(235);
    expect(red(9, 10)).toBeLessThan(red(10, 10));
    // Far from the edge, and beyond the segment's ends: untouched. Alpha is never changed.
    for (const [x, y] of [[6, 10], [14, 10], [9, 1], [10, 19]]) expect(red(x, y)).toBe(before[(y * 20 + x) * 4]);
    for (let i = 3; i < image.data.length; i += 4) expect(image.data[i]).toBe(255);
  });
});
