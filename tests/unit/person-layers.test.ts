// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { cleanMatte, compositeOverPlate, dilate, personLayers } from '../../src-shared/render/person-layers.js';
import { CompositeKernel } from '../../src-shared/render/composite-kernel.js';
import { createRgbaImage, rgbaImageView } from '../../src-shared/render/rgba-image.js';
import { WASM_BASE64 } from '../../src-shared/render/wasm/composite-over-plate-wasm.js';
import { align16, instantiateKernel } from '../../src-shared/render/wasm/load-wasm.js';

const W = 64;
const H = 48;

/** A striped background (blue-grey, darker every 8 columns) with an orange disc, its matte soft at the rim. */
function scene() {
  const photo = createRgbaImage(W, H);
  const matte = new Uint8Array(W * H);
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      const d = Math.hypot(x + 0.5 - 32, y + 0.5 - 24);
      const a = Math.max(0, Math.min(1, 12.5 - d));
      const background = x % 8 === 0 ? [70, 80, 100] : [110, 120, 140];
      const person = [230, 140, 60];
      const o = (y * W + x) * 4;
      for (let c = 0; c < 3; c++) photo.data[o + c] = Math.round(background[c] * (1 - a) + person[c] * a);
      photo.data[o + 3] = 255;
      matte[y * W + x] = Math.round(a * 255);
    }
  }
  return { photo, matte };
}

describe('person layers (still plate + warped person)', () => {
  it('give the photo back when composited unmoved, and keep the photo outside the hole', () => {
    const { photo, matte } = scene();
    const layers = personLayers(photo, cleanMatte(matte));
    const frame = createRgbaImage(W, H);
    frame.data.set(layers.person.data);
    compositeOverPlate(frame, layers.plate);
    let worst = 0;
    for (let i = 0; i < W * H * 4; i++) if (i % 4 !== 3) worst = Math.max(worst, Math.abs(frame.data[i] - photo.data[i]));
    expect(worst).toBeLessThanOrEqual(1);
    for (let p = 0; p < W * H; p++) {
      expect(frame.data[p * 4 + 3]).toBe(255);
      if (!layers.hole[p]) for (let c = 0; c < 3; c++) expect(layers.plate.data[p * 4 + c]).toBe(photo.data[p * 4 + c]);
    }
  });

  it('fill the hole with the background around it, not the person', () => {
    const { photo, matte } = scene();
    const { plate, hole } = personLayers(photo, cleanMatte(matte));
    const centre = (24 * W + 32) * 4;
    expect(hole[24 * W + 32]).toBe(1);
    // Between the stripes' two tones, far from the disc's orange.
    expect(plate.data[centre]).toBeGreaterThan(70);
    expect(plate.data[centre]).toBeLessThan(125);
    expect(plate.data[centre + 2]).toBeGreaterThan(plate.data[centre]);
  });

  it('dilate reaches exactly radius pixels (chessboard distance)', () => {
    const dot = new Uint8Array(9 * 9);
    dot[4 * 9 + 4] = 1;
    const grown = dilate(dot, 9, 9, 2);
    expect(grown.reduce((s, v) => s + v, 0)).toBe(25);
    expect(grown[2 * 9 + 2]).toBe(1);
    expect(grown[1 * 9 + 4]).toBe(0);
  });
});

describe('the composite kernel (WebAssembly SIMD)', () => {
  it('gives the same pixels as its scalar twin, odd sizes included', () => {
    for (const [w, h] of [[33, 7], [16, 16]]) {
      const pixels = w * h;
      // One memory: the frame at 0, the plate after it (as the warp renderer lays them out).
      const { memory } = instantiateKernel('test memory', WASM_BASE64, pixels * 8 + 64);
      const frameOffset = 0;
      const plateOffset = align16(pixels * 4);
      const frame = rgbaImageView(memory.buffer, frameOffset, w, h);
      const plate = rgbaImageView(memory.buffer, plateOffset, w, h);
      let seed = 7;
      const random = () => (seed = (seed * 1103515245 + 12345) >>> 0) >>> 24;
      for (let i = 0; i < pixels * 4; i++) {
        frame.data[i] = random();
        plate.data[i] = random();
      }
      for (let p = 0; p < pixels; p += 5) frame.data[p * 4 + 3] = p % 2 ? 0 : 255;
      const expected = createRgbaImage(w, h);
      expected.data.set(frame.data);
      compositeOverPlate(expected, plate);
      new CompositeKernel(memory, frame, frameOffset, plate, plateOffset).composite();
      expect(Buffer.from(frame.data).equals(Buffer.from(expected.data))).toBe(true);
    }
  });

  it('rounds exactly: (person a + plate (255 - a)) / 255', () => {
    const frame = createRgbaImage(3, 1);
    const plate = createRgbaImage(3, 1);
    frame.data.set([200, 0, 255, 128, 10, 10, 10, 0, 255, 255, 255, 255]);
    plate.data.set([100, 255, 0, 255, 90, 90, 90, 255, 0, 0, 0, 255]);
    compositeOverPlate(frame, plate);
    expect(Array.from(frame.data)).toEqual([150, 127, 128, 255, 90, 90, 90, 255, 255, 255, 255, 255]);
  });
});
