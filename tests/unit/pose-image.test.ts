// @vitest-environment node
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { POSE_IMAGE_CONNECTIONS } from '../../src-shared/face/pose-image-connections.js';
import { drawCvLine } from '../../src-shared/render/cv-thick-line.js';
import type { Color3 } from '../../src-shared/render/cv-thick-line.js';
import { POSE_IMAGE_SIZE_PX, drawPoseImage, resizePoseImage } from '../../src-shared/render/pose-image.js';
import { seededRandom } from '../../src-shared/util/seeded-random.js';

/** Written by scripts/pose-image-golden.py with Python OpenCV (see that script). */
const FIXTURES = join(__dirname, '..', 'fixtures', 'pose-image');

interface Golden {
  readonly opencv: string;
  readonly lines: { readonly seed: number; readonly cases: number; readonly groupSize: number; readonly sha256: readonly string[] };
  readonly poseImages: readonly { readonly name: string; readonly frameWidthPx: number; readonly frameHeightPx: number; readonly sha256: string }[];
  readonly resizes: { readonly source: string; readonly sizes: readonly { readonly widthPx: number; readonly heightPx: number; readonly sha256: string }[] };
}

const golden = JSON.parse(readFileSync(join(FIXTURES, 'golden.json'), 'utf8')) as Golden;

function landmarks(name: string): Float32Array {
  const bytes = readFileSync(join(FIXTURES, `${name}.f32`));
  return new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

interface LineCase {
  readonly w: number;
  readonly h: number;
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
  readonly thickness: number;
  readonly color: Color3;
}

const THICKNESSES = [1, 1, 2, 2, 2, 2, 3, 4, 5, 8];

/** The line cases of scripts/pose-image-golden.py `line_cases`, draw for draw (mulberry32). */
function* lineCases(seed: number, count: number): Generator<LineCase> {
  const rnd = seededRandom(seed);
  const pick = (lo: number, hi: number): number => lo + Math.floor(rnd() * (hi - lo + 1));
  for (let k = 0; k < count; k++) {
    const w = pick(1, 40);
    const h = pick(1, 40);
    const mode = pick(0, 6);
    let x0: number, y0: number, x1: number, y1: number;
    if (mode === 0) {
      [x0, y0, x1, y1] = [pick(-6, w + 5), pick(-6, h + 5), pick(-6, w + 5), pick(-6, h + 5)];
    } else if (mode === 1) {
      const xs = [-2, -1, 0, 1, w - 2, w - 1, w, w + 1];
      const ys = [-2, -1, 0, 1, h - 2, h - 1, h, h + 1];
      [x0, y0, x1, y1] = [xs[pick(0, 7)], ys[pick(0, 7)], xs[pick(0, 7)], ys[pick(0, 7)]];
    } else if (mode === 2) {
      [x0, x1, y0] = [pick(-6, w + 5), pick(-6, w + 5), pick(-3, h + 2)];
      y1 = y0 + pick(-1, 1);
    } else if (mode === 3) {
      [y0, y1, x0] = [pick(-6, h + 5), pick(-6, h + 5), pick(-3, w + 2)];
      x1 = x0 + pick(-1, 1);
    } else if (mode === 4) {
      const [ax, ay, d] = [pick(-6, w + 5), pick(-6, h + 5), pick(-40, 40)];
      [x0, y0, x1] = [ax, ay, ax + d];
      y1 = ay + (pick(0, 1) === 0 ? d : -d);
    } else if (mode === 5) {
      [x0, y0] = [pick(-3, w + 2), pick(-3, h + 2)];
      [x1, y1] = [x0, y0];
    } else {
      [x0, y0, x1, y1] = [pick(-3000, 3000), pick(-3000, 3000), pick(-3000, 3000), pick(-3000, 3000)];
    }
    const thickness = THICKNESSES[pick(0, 9)];
    yield { w, h, x0, y0, x1, y1, thickness, color: [1 + (k % 251), 1 + ((k * 7) % 253), 1 + ((k * 13) % 241)] };
  }
}

/** Array-order colour at pixel (x, y) of a 512 x 512 pose image. */
function colorAt(image: Uint8Array, x: number, y: number): string {
  const o = (y * POSE_IMAGE_SIZE_PX + x) * 3;
  return `${image[o]},${image[o + 1]},${image[o + 2]}`;
}

function pixelsOf(image: Uint8Array, color: readonly number[]): [number, number][] {
  const key = color.join(',');
  const found: [number, number][] = [];
  for (let y = 0; y < POSE_IMAGE_SIZE_PX; y++) for (let x = 0; x < POSE_IMAGE_SIZE_PX; x++) if (colorAt(image, x, y) === key) found.push([x, y]);
  return found;
}

describe('cv::line port (thickness 1..8, clipping) against Python OpenCV', () => {
  it(`draws ${golden.lines.cases} lines byte for byte as cv2.line ${golden.opencv}`, () => {
    const { seed, cases, groupSize } = golden.lines;
    const hashes: string[] = [];
    let hash = createHash('sha256');
    let k = 0;
    for (const c of lineCases(seed, cases)) {
      const data = new Uint8Array(c.w * c.h * 3);
      drawCvLine({ data, widthPx: c.w, heightPx: c.h }, c.x0, c.y0, c.x1, c.y1, c.color, c.thickness);
      hash.update(data);
      if (++k % groupSize === 0 || k === cases) {
        hashes.push(hash.digest('hex'));
        hash = createHash('sha256');
      }
    }
    expect(hashes).toEqual(golden.lines.sha256);
  });

  it('rejects points it cannot place exactly', () => {
    const image = { data: new Uint8Array(3), widthPx: 1, heightPx: 1 };
    expect(() => drawCvLine(image, 0.5, 0, 1, 1, [1, 2, 3], 2)).toThrow(RangeError);
    expect(() => drawCvLine(image, 0, 0, 1e6, 1, [1, 2, 3], 2)).toThrow(RangeError);
    expect(() => drawCvLine(image, 0, 0, 1, 1, [1, 2, 3], 0)).toThrow(RangeError);
  });
});

describe('AniPortrait pose image', () => {
  it.each(golden.poseImages.map((p) => [p.name, p] as const))('%s is byte-identical to the Python reference', (name, p) => {
    const image = drawPoseImage(landmarks(name), p.frameWidthPx, p.frameHeightPx);
    expect(image.length).toBe(512 * 512 * 3);
    expect(sha256(image)).toBe(p.sha256);
  });

  it('resizes to the output size as cv2.resize (INTER_LINEAR) does', () => {
    const source = golden.poseImages.find((p) => p.name === golden.resizes.source);
    if (!source) throw new Error(`golden.json lacks pose image ${golden.resizes.source}`);
    const image = drawPoseImage(landmarks(source.name), source.frameWidthPx, source.frameHeightPx);
    for (const { widthPx, heightPx, sha256: expected } of golden.resizes.sizes) {
      expect([widthPx, heightPx, sha256(resizePoseImage(image, widthPx, heightPx))]).toEqual([widthPx, heightPx, expected]);
    }
    expect(sha256(resizePoseImage(image, 512, 512))).toBe(sha256(image));
  });

  it('draws the eight lip colours around the mouth and nowhere else', () => {
    const lm = landmarks('cxk-photo');
    const [W, H] = [515, 516];
    const image = drawPoseImage(lm, W, H);
    // Mouth box in canvas pixels from the lip corners (61, 291) and the outer lip middles (0, 17).
    const px = (i: number): [number, number] => [Math.floor((lm[i * 2] / W) * 512), Math.floor((lm[i * 2 + 1] / H) * 512)];
    const mouth = [61, 291, 0, 17].map(px);
    const [left, right] = [Math.min(...mouth.map((p) => p[0])) - 2, Math.max(...mouth.map((p) => p[0])) + 2];
    const [top, bottom] = [Math.min(...mouth.map((p) => p[1])) - 2, Math.max(...mouth.map((p) => p[1])) + 2];
    const lips = POSE_IMAGE_CONNECTIONS.filter((g) => g.name.startsWith('LIPS_'));
    expect(lips).toHaveLength(8);
    for (const group of lips) {
      const pixels = pixelsOf(image, group.color);
      expect(pixels.length, group.name).toBeGreaterThan(10);
      for (const [x, y] of pixels) {
        expect(x >= left && x <= right && y >= top && y <= bottom, `${group.name} pixel (${x}, ${y}) outside the mouth`).toBe(true);
      }
    }
    // Upper lip above lower lip: outer top left is drawn higher up than outer bottom left.
    const meanY = (color: readonly number[]): number => {
      const p = pixelsOf(image, color);
      return p.reduce((s, [, y]) => s + y, 0) / p.length;
    };
    const color = (name: string): readonly number[] => POSE_IMAGE_CONNECTIONS.find((g) => g.name === name)?.color ?? [];
    expect(meanY(color('LIPS_OUTER_TOP_LEFT'))).toBeLessThan(meanY(color('LIPS_OUTER_BOTTOM_LEFT')));
    // Bytes are the tuple in array order (AniPortrait's "BGR" canvas, fed to the network as is).
    expect(pixelsOf(image, [20, 10, 180]).length).toBeGreaterThan(0);
  });

  it('draws nothing for landmarks outside the frame', () => {
    const [W, H] = [515, 516];
    const inFrame = landmarks('cxk-photo');
    const outside = inFrame.map((v, i) => (i % 2 === 0 ? v + W : v));
    expect(drawPoseImage(outside, W, H).every((b) => b === 0)).toBe(true);

    // Only the left eye moved out: its colour disappears, everything else stays.
    const leftEye = new Set(POSE_IMAGE_CONNECTIONS.find((g) => g.name === 'LEFT_EYE')?.edges.flat());
    const moved = inFrame.map((v, i) => (i % 2 === 1 && leftEye.has((i - 1) / 2) ? -3 : v));
    const image = drawPoseImage(moved, W, H);
    expect(pixelsOf(image, [180, 200, 10])).toEqual([]);
    expect(pixelsOf(image, [10, 200, 180]).length).toBeGreaterThan(10);
  });

  it('ignores the iris landmarks (468 and 478 landmarks draw the same) and reuses `out`', () => {
    const lm = landmarks('cxk-yaw');
    const out = new Uint8Array(512 * 512 * 3).fill(7);
    const image = drawPoseImage(lm.subarray(0, 468 * 2), 512, 512, out);
    expect(image).toBe(out);
    expect(sha256(image)).toBe(sha256(drawPoseImage(lm, 512, 512)));
  });
});
