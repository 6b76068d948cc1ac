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

  it('reaches every pixel near the segment, whatever its direction, and none farther', () => {
    for (const segment of [[3, 9.5, 17, 9.5], [4.2, 3.1, 15.7, 16.4], [15.5, 2.5, 5.25, 17], [9.5, 3, 9.6, 17], [6, 6, 6.3, 6.2]]) {
      const image = createRgbaImage(20, 20);
      // A checkerboard: every pixel differs from the mean of its 3x3 neighbourhood.
      for (let i = 0; i < 400; i++) image.data.set(((i % 20) + Math.floor(i / 20)) % 2 === 0 ? [0, 0, 0, 255] : [255, 255, 255, 255], i * 4);
      const before = image.data.slice();
      smoothEdges(image, segment, Uint32Array.from([0, 1]), 1);
      for (let y = 1; y < 19; y++) {
        for (let x = 1; x < 19; x++) {
          const distance = distanceToSegment(x + 0.5, y + 0.5, segment);
          const changed = image.data[(y * 20 + x) * 4] !== before[(y * 20 + x) * 4];
          if (distance < 1.2) expect(changed, `${segment.join(",")} at ${x},${y}`).toBe(true);
          if (distance >= 1.25) expect(changed, `${segment.join(",")} at ${x},${y}`).toBe(false);
        }
      }
    }
  });
});

function distanceToSegment(px: number, py: number, [ax, ay, bx, by]: number[]): number {
  const dx = bx - ax;
  const dy = by - ay;
  const along = Math.min(1, Math.max(0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - ax - along * dx, py - ay - along * dy);
}
