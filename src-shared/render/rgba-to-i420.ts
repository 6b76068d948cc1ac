import type { RgbaImage } from './rgba-image.js';
import { rgbaImageView } from './rgba-image.js';
import type { WasmMemory } from './wasm/load-wasm.js';
import { align16, instantiateKernel } from './wasm/load-wasm.js';
import { WASM_BASE64 } from './wasm/rgba-to-i420-wasm.js';

/** Where a converter works inside a memory shared with another kernel (which draws the RGBA frame there). */
export interface I420Placement {
  readonly memory: WasmMemory;
  readonly rgbaOffset: number;
  /** Room for widthPx x heightPx x 1.5 bytes. */
  readonly i420Offset: number;
}

type RgbaToI420 = (rgba: number, width: number, height: number, yPlane: number, uPlane: number, vPlane: number, blockWidth: number) => void;

/**
 * Converts RGBA frames to I420 (the planes of H.264's yuv420p: Y, then U and V at half size),
 * BT.601 limited range, chroma from the mean of each 2x2 block. The SIMD kernel
 * (wasm/rgba-to-i420.wat) does 8-pixel blocks; columns past the last block use the same integer
 * formulas here. Draw the frame into `rgba`, then `convert`; sizes must be even. With a placement
 * the converter reads a frame another kernel drew into the same memory, with no copy.
 */
export class I420Converter {
  /** The frame to convert; it lives in the kernel's memory. */
  readonly rgba: RgbaImage;
  /** Y, U, V planes after `convert` (a view: copy it to keep it). */
  readonly i420: Uint8Array<ArrayBuffer>;
  private readonly run: RgbaToI420;
  private readonly rgbaOffset: number;
  private readonly i420Offset: number;

  constructor(
    readonly widthPx: number,
    readonly heightPx: number,
    placement?: I420Placement,
  ) {
    if (widthPx % 2 !== 0 || heightPx % 2 !== 0) throw new Error(`I420 needs even sizes, got ${widthPx}x${heightPx}.`);
    const rgbaBytes = widthPx * heightPx * 4;
    const i420Bytes = (widthPx * heightPx * 3) / 2;
    this.rgbaOffset = placement?.rgbaOffset ?? 0;
    this.i420Offset = placement?.i420Offset ?? align16(rgbaBytes);
    const { exports, memory } = instantiateKernel('RGBA to I420', WASM_BASE64, placement?.memory ?? this.i420Offset + i420Bytes);
    this.run = exports.rgbaToI420 as RgbaToI420;
    const buffer = memory.buffer;
    this.rgba = rgbaImageView(buffer, this.rgbaOffset, widthPx, heightPx);
    this.i420 = new Uint8Array(buffer, this.i420Offset, i420Bytes);
  }

  convert(): Uint8Array<ArrayBuffer> {
    const { widthPx: W, heightPx: H } = this;
    const blockWidth = W - (W % 8);
    const yPlane = this.i420Offset;
    const uPlane = yPlane + W * H;
    const vPlane = uPlane + (W * H) / 4;
    this.run(this.rgbaOffset, W, H, yPlane, uPlane, vPlane, blockWidth);
    if (blockWidth < W) convertColumns(this.rgba.data, W, H, this.i420, blockWidth);
    return this.i420;
  }
}

/** The kernel's arithmetic for columns [fromX, width) (fromX even): the tail, and the test reference. */
export function convertColumns(rgba: Uint8Array, W: number, H: number, i420: Uint8Array, fromX: number): void {
  const uStart = W * H;
  const vStart = uStart + (W * H) / 4;
  for (let y = 0; y < H; y += 2) {
    for (let x = fromX; x < W; x += 2) {
      let r = 2;
      let g = 2;
      let b = 2;
      for (const [dx, dy] of BLOCK) {
        const i = ((y + dy) * W + x + dx) * 4;
        r += rgba[i];
        g += rgba[i + 1];
        b += rgba[i + 2];
        i420[(y + dy) * W + x + dx] = ((66 * rgba[i] + 129 * rgba[i + 1] + 25 * rgba[i + 2] + 128) >> 8) + 16;
      }
      r >>= 2;
      g >>= 2;
      b >>= 2;
      const c = (y / 2) * (W / 2) + x / 2;
      i420[uStart + c] = ((-38 * r - 74 * g + 112 * b + 128) >> 8) + 128;
      i420[vStart + c] = ((112 * r - 94 * g - 18 * b + 128) >> 8) + 128;
    }
  }
}

const BLOCK = [
  [0, 0],
  [1, 0],
  [0, 1],
  [1, 1],
] as const;
