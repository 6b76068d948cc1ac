import { POSE_IMAGE_CONNECTIONS } from '../face/pose-image-connections.js';
import { drawCvLine } from './cv-thick-line.js';
import type { Image8UC3 } from './cv-thick-line.js';

/** AniPortrait always draws its pose image on a 512 x 512 canvas (`ini_size`), then resizes. */
export const POSE_IMAGE_SIZE_PX = 512;
/** MediaPipe DrawingSpec thickness of every connection. */
export const POSE_LINE_THICKNESS_PX = 2;

/**
 * AniPortrait's pose image (docs/aniportrait-engine.md §2.3; AP:src/utils/draw_util.py with mediapipe
 * 0.10.11 drawing_utils): a black 512 x 512 x 3 uint8 canvas with the 114 connections drawn in
 * order by cv2.line(thickness 2), byte-identical to the Python original.
 *
 * `landmarksPx` holds x, y pairs (468 or 478 landmarks) in pixels of a `frameWidthPx` x
 * `frameHeightPx` frame. Each landmark becomes MediaPipe's float32 NormalizedLandmark
 * x = float32(px / W), y = float32(py / H); it is kept iff 0 <= x <= 1 and 0 <= y <= 1 (NaN is
 * dropped), and lands on pixel min(floor(x * 512), 511). A connection is drawn only when both of
 * its ends are kept. Returns the canvas in array order (channel k = colour tuple element k, which
 * OpenCV calls BGR), written into `out` when given (its previous content is cleared).
 *
 * The reference divides float64 pixels; from float32 input px / W can differ from the reference's
 * float32 only when the float64 pixel was not already a float32 (last-bit rounding of the input).
 */
export function drawPoseImage(landmarksPx: Float32Array, frameWidthPx: number, frameHeightPx: number, out?: Uint8Array): Uint8Array {
  const size = POSE_IMAGE_SIZE_PX;
  const count = landmarksPx.length / 2;
  if (count !== 468 && count !== 478) throw new RangeError(`drawPoseImage: expected 468 or 478 landmarks (x, y pairs), got ${landmarksPx.length} numbers`);
  if (!(frameWidthPx > 0 && frameHeightPx > 0)) throw new RangeError(`drawPoseImage: frame size ${frameWidthPx} x ${frameHeightPx} must be positive`);
  const data = out ?? new Uint8Array(size * size * 3);
  if (data.length !== size * size * 3) throw new RangeError(`drawPoseImage: out has ${data.length} bytes, expected ${size * size * 3}`);
  data.fill(0);

  // Pixel coordinates of kept landmarks; -1 marks a dropped one.
  const px = new Int32Array(count * 2);
  for (let i = 0; i < count; i++) {
    const x = Math.fround(landmarksPx[i * 2] / frameWidthPx);
    const y = Math.fround(landmarksPx[i * 2 + 1] / frameHeightPx);
    const kept = x >= 0 && x <= 1 && y >= 0 && y <= 1;
    px[i * 2] = kept ? Math.min(Math.floor(x * size), size - 1) : -1;
    px[i * 2 + 1] = kept ? Math.min(Math.floor(y * size), size - 1) : -1;
  }

  const image: Image8UC3 = { data, widthPx: size, heightPx: size };
  for (const group of POSE_IMAGE_CONNECTIONS) {
    for (const [a, b] of group.edges) {
      if (px[a * 2] < 0 || px[b * 2] < 0) continue;
      drawCvLine(image, px[a * 2], px[a * 2 + 1], px[b * 2], px[b * 2 + 1], group.color, POSE_LINE_THICKNESS_PX);
    }
  }
  return data;
}

/**
 * cv2.resize(poseImage, (widthPx, heightPx)) with the default INTER_LINEAR, as AniPortrait does
 * after drawing on 512 x 512; byte-identical to OpenCV's 8-bit path (imgproc/src/resize.cpp):
 * same size is a copy, exactly half size is INTER_AREA's 2 x 2 rounded mean, anything else uses
 * float32 source coordinates, 11-bit weights, an exact horizontal pass and the vertical blend
 * ((r0 >> 4) * b0 >> 16) + ((r1 >> 4) * b1 >> 16) rounded by 2 bits.
 */
export function resizePoseImage(image: Uint8Array, widthPx: number, heightPx: number, out?: Uint8Array): Uint8Array {
  const size = POSE_IMAGE_SIZE_PX;
  if (image.length !== size * size * 3) throw new RangeError(`resizePoseImage: expected a ${size} x ${size} x 3 image, got ${image.length} bytes`);
  if (!(Number.isInteger(widthPx) && Number.isInteger(heightPx) && widthPx > 0 && heightPx > 0)) {
    throw new RangeError(`resizePoseImage: target size ${widthPx} x ${heightPx} must be positive integers`);
  }
  const dst = out ?? new Uint8Array(widthPx * heightPx * 3);
  if (dst.length !== widthPx * heightPx * 3) throw new RangeError(`resizePoseImage: out has ${dst.length} bytes, expected ${widthPx * heightPx * 3}`);
  resizeLinear8UC3(image, size, size, dst, widthPx, heightPx);
  return dst;
}

const COEF_BITS = 11;
const COEF_SCALE = 1 << COEF_BITS;

/** cvRound on a double: nearest, ties to even. */
function roundHalfEven(v: number): number {
  const r = Math.round(v);
  return r - v === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/**
 * OpenCV's source index and 11-bit weights per destination coordinate. Columns are clamped to the
 * image (weight 0 outside); rows keep their unclamped weights and only the row index is clamped.
 */
function linearTaps(srcSize: number, dstSize: number, clamp: boolean): { index: Int32Array; w0: Int32Array; w1: Int32Array } {
  const scale = 1 / (dstSize / srcSize);
  const index = new Int32Array(dstSize);
  const w0 = new Int32Array(dstSize);
  const w1 = new Int32Array(dstSize);
  for (let d = 0; d < dstSize; d++) {
    let f = Math.fround((d + 0.5) * scale - 0.5);
    let s = Math.floor(f);
    f = Math.fround(f - s);
    if (clamp && s < 0) {
      f = 0;
      s = 0;
    }
    if (clamp && s >= srcSize - 1) {
      f = 0;
      s = srcSize - 1;
    }
    index[d] = s;
    w0[d] = roundHalfEven(Math.fround(1 - f) * COEF_SCALE);
    w1[d] = roundHalfEven(f * COEF_SCALE);
  }
  return { index, w0, w1 };
}

function resizeLinear8UC3(src: Uint8Array, sw: number, sh: number, dst: Uint8Array, dw: number, dh: number): void {
  const cn = 3;
  if (sw === dw && sh === dh) {
    dst.set(src);
    return;
  }
  const scaleX = 1 / (dw / sw);
  const scaleY = 1 / (dh / sh);
  if (Math.abs(scaleX - 2) < Number.EPSILON && Math.abs(scaleY - 2) < Number.EPSILON) {
    // INTER_LINEAR at exactly 1/2 is INTER_AREA's fast path: rounded mean of each 2 x 2 block.
    const rowBytes = sw * cn;
    for (let y = 0; y < dh; y++) {
      const s0 = y * 2 * rowBytes;
      const s1 = s0 + rowBytes;
      for (let x = 0; x < dw * cn; x += cn) {
        for (let c = 0; c < cn; c++) {
          const i = x * 2 + c;
          dst[y * dw * cn + x + c] = (src[s0 + i] + src[s0 + i + cn] + src[s1 + i] + src[s1 + i + cn] + 2) >> 2;
        }
      }
    }
    return;
  }
  const xs = linearTaps(sw, dw, true);
  const ys = linearTaps(sh, dh, false);
  const width = dw * cn;
  // Per output byte: first source byte of the row and the two horizontal weights.
  const srcByte = new Int32Array(width);
  const a0 = new Int32Array(width);
  const a1 = new Int32Array(width);
  for (let x = 0; x < dw; x++) {
    for (let c = 0; c < cn; c++) {
      srcByte[x * cn + c] = xs.index[x] * cn + c;
      a0[x * cn + c] = xs.w0[x];
      a1[x * cn + c] = xs.w1[x];
    }
  }
  // Two horizontally resized source rows (11-bit fixed point, exact integers), reused while the
  // output walks down; slot k holds source row rowIndex[k].
  const rows = [new Int32Array(width), new Int32Array(width)];
  const rowIndex = [-1, -1];
  for (let y = 0; y < dh; y++) {
    const sy0 = Math.min(Math.max(ys.index[y], 0), sh - 1);
    const sy1 = Math.min(Math.max(ys.index[y] + 1, 0), sh - 1);
    const slot0 = rowIndex[1] === sy0 ? 1 : 0;
    const slot1 = 1 - slot0;
    if (rowIndex[slot0] !== sy0) horizontalPass(src, sy0 * sw * cn, srcByte, a0, a1, cn, rows[slot0]);
    if (rowIndex[slot1] !== sy1) horizontalPass(src, sy1 * sw * cn, srcByte, a0, a1, cn, rows[slot1]);
    rowIndex[slot0] = sy0;
    rowIndex[slot1] = sy1;
    verticalPass(rows[slot0], rows[slot1], ys.w0[y], ys.w1[y], dst, y * width, width);
  }
}

/** One source row into 11-bit fixed point; a zero second weight marks the clamped right border. */
function horizontalPass(src: Uint8Array, base: number, srcByte: Int32Array, a0: Int32Array, a1: Int32Array, cn: number, row: Int32Array): void {
  for (let x = 0; x < row.length; x++) {
    const s = base + srcByte[x];
    row[x] = a1[x] === 0 ? src[s] * a0[x] : src[s] * a0[x] + src[s + cn] * a1[x];
  }
}

/**
 * Rows scaled down by 16, high half of the 16-bit products, rounding shift by 2: OpenCV's vector
 * kernel for 8-bit rows and its matching scalar specialisation of VResizeLinear (never above 255).
 */
function verticalPass(row0: Int32Array, row1: Int32Array, b0: number, b1: number, dst: Uint8Array, offset: number, width: number): void {
  for (let x = 0; x < width; x++) {
    dst[offset + x] = (((((row0[x] >> 4) * b0) >> 16) + (((row1[x] >> 4) * b1) >> 16) + 2) >> 2);
  }
}
