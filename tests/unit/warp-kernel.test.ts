import { describe, expect, it } from 'vitest';
import { createRgbaImage } from '../../src-shared/render/rgba-image.js';
import type { RgbaImage } from '../../src-shared/render/rgba-image.js';
import { I420Converter, convertColumns } from '../../src-shared/render/rgba-to-i420.js';
import { WarpKernel } from '../../src-shared/render/warp-kernel.js';
import { referenceWarpTriangle } from '../helpers/warp-reference.js';

function random(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 16807) % 2147483647) / 2147483647;
}

function noiseImage(image: RgbaImage, next: () => number): void {
  for (let i = 0; i < image.data.length; i++) image.data[i] = Math.floor(next() * 256);
}

describe('photo warp kernel (WebAssembly SIMD)', () => {
  it('paints exactly what the scalar reference paints: big, small, sliver, off-image and out-of-source triangles', () => {
    const next = random(7);
    const kernel = new WarpKernel(97, 83, 120, 90);
    noiseImage(kernel.source, next);
    const reference = createRgbaImage(120, 90);
    kernel.target.pixels.fill(0x11223344);
    reference.pixels.fill(0x11223344);
    const source = { ...kernel.source, data: kernel.source.data.slice(), pixels: kernel.source.pixels.slice() };
    const triangles = 3000;
    for (let t = 0; t < triangles; t++) {
      const scale = t % 3 === 0 ? 140 : t % 3 === 1 ? 12 : 40;
      const x = next() * 150 - 15;
      const y = next() * 120 - 15;
      const d = Float64Array.from({ length: 6 }, (_, k) => (k % 2 === 0 ? x : y) + (next() - 0.5) * scale);
      // Sources partly outside the photo exercise clamping; slivers exercise the span rules.
      const s = Float64Array.from(d, (v, k) => v * (0.7 + next() * 0.6) + (k % 2 === 0 ? -10 : -8) + next() * 6);
      if (t % 50 === 0) d.set([d[0], d[1], d[0] + 30, d[1] + 0.01, d[0] + 60, d[1] + 0.02]);
      kernel.addTriangle(s, d);
      referenceWarpTriangle(source, reference, s, d);
    }
    kernel.flush();
    let differing = 0;
    for (let i = 0; i < reference.pixels.length; i++) if (kernel.target.pixels[i] !== reference.pixels[i]) differing++;
    expect(differing).toBe(0);
    // Not vacuous: most pixels were painted.
    expect(reference.pixels.filter((p) => p !== 0x11223344).length).toBeGreaterThan(120 * 90 * 0.9);
  });

  it('covers every pixel of a mesh exactly once: no gaps or double pixels along shared edges', () => {
    const size = 64;
    const kernel = new WarpKernel(size, size, size, size);
    // Source: a constant colour, so each painted pixel shows that colour; painting twice is caught by counting.
    kernel.source.pixels.fill(0xff0000ff);
    const next = random(3);
    const grid = 9;
    const points = Array.from({ length: (grid + 1) ** 2 }, (_, i) => {
      const gx = i % (grid + 1);
      const gy = Math.floor(i / (grid + 1));
      const inner = gx > 0 && gx < grid && gy > 0 && gy < grid;
      return [(gx * size) / grid + (inner ? (next() - 0.5) * 4 : 0), (gy * size) / grid + (inner ? (next() - 0.5) * 4 : 0)];
    });
    const counts = new Uint8Array(size * size);
    for (let gy = 0; gy < grid; gy++) {
      for (let gx = 0; gx < grid; gx++) {
        const a = gy * (grid + 1) + gx;
        for (const tri of [
          [a, a + 1, a + grid + 2],
          [a, a + grid + 2, a + grid + 1],
        ]) {
          const d = tri.flatMap((p) => points[p]);
          kernel.target.pixels.fill(0);
          kernel.addTriangle(d, d);
          kernel.flush();
          kernel.target.pixels.forEach((p, i) => (counts[i] += p === 0xff0000ff ? 1 : 0));
        }
      }
    }
    expect(counts.every((c) => c === 1)).toBe(true);
  });
});

describe('RGBA to I420 kernel (WebAssembly SIMD)', () => {
  for (const [w, h] of [
    [64, 48],
    [70, 30],
    [6, 4],
  ] as const) {
    it(`matches the scalar formulas bit for bit at ${w}x${h}`, () => {
      const converter = new I420Converter(w, h);
      noiseImage(converter.rgba, random(w * h));
      const expected = new Uint8Array((w * h * 3) / 2);
      convertColumns(converter.rgba.data, w, h, expected, 0);
      expect(Buffer.from(converter.convert()).equals(Buffer.from(expected))).toBe(true);
    });
  }

  it('gives BT.601 limited-range values (within 1 level of the exact formula) for primaries, black and white', () => {
    const converter = new I420Converter(8, 2);
    const exact = (r: number, g: number, b: number) => {
      const y = 0.299 * r + 0.587 * g + 0.114 * b;
      return [16 + (219 * y) / 255, 128 + (224 * (b - y)) / (1.772 * 255), 128 + (224 * (r - y)) / (1.402 * 255)];
    };
    for (const [r, g, b] of [[0, 0, 0], [255, 255, 255], [255, 0, 0], [0, 255, 0], [0, 0, 255], [90, 160, 40]]) {
      for (let i = 0; i < 16; i++) converter.rgba.data.set([r, g, b, 255], i * 4);
      const i420 = converter.convert();
      const [y, u, v] = exact(r, g, b);
      for (const [got, want] of [[i420[0], y], [i420[15], y], [i420[16], u], [i420[20], v]]) expect(Math.abs(got - want)).toBeLessThanOrEqual(1);
    }
  });

  it('converts in place a frame another kernel drew into the same memory, as the standalone converter does', () => {
    const kernel = new WarpKernel(40, 30, 40, 30, (40 * 30 * 3) / 2);
    noiseImage(kernel.target, random(11));
    const shared = new I420Converter(40, 30, { memory: kernel.memory, rgbaOffset: kernel.targetOffset, i420Offset: kernel.spareOffset });
    const standalone = new I420Converter(40, 30);
    standalone.rgba.data.set(kernel.target.data);
    expect(Buffer.from(shared.convert()).equals(Buffer.from(standalone.convert()))).toBe(true);
    // The source image (below the target in memory) is untouched by the conversion.
    expect(kernel.source.data.every((v) => v === 0)).toBe(true);
  });

  it('refuses odd sizes (yuv420p needs even ones)', () => {
    expect(() => new I420Converter(63, 64)).toThrow(/even/);
  });
});
