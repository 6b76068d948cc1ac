import type { RgbaImage } from './rgba-image.js';
import { rgbaImageView } from './rgba-image.js';
import type { WarpBounds } from './triangle-setup.js';
import { TRIANGLE_RECORD_F64, maxFixedCoordinate, writeTriangleRecord } from './triangle-setup.js';
import type { WasmMemory } from './wasm/load-wasm.js';
import { align16, instantiateKernel } from './wasm/load-wasm.js';
import { WASM_BASE64 } from './wasm/warp-triangles-wasm.js';

/** Triangles buffered before the kernel runs (a warp mesh has about 1,100). */
const TRIANGLE_CAPACITY = 2048;

type WarpTriangles = (source: number, sourceWidth: number, maxU: number, maxV: number, target: number, targetWidth: number, records: number, count: number) => void;

/**
 * The photo warp's pixel work in WebAssembly SIMD (wasm/warp-triangles.wat): triangles prepared
 * here (triangle-setup.ts) are rasterized and sampled bilinearly from `source` into `target`.
 * Source, target and the triangle records live in the module's memory. Triangles run in the order
 * added (when the buffer fills, or on `flush`), so later ones paint over earlier ones.
 */
export class WarpKernel {
  /** Sampled image; write the photo here once. */
  readonly source: RgbaImage;
  /** Painted image; complete after `flush`. */
  readonly target: RgbaImage;
  private readonly bounds: WarpBounds;
  private readonly records: Float64Array;
  private count = 0;
  private readonly run: WarpTriangles;
  readonly memory: WasmMemory;
  /** Byte offset of `target` in `memory`. */
  readonly targetOffset: number;
  private readonly recordsOffset: number;
  /** Byte offset of the `spareBytes` reserved for the owner (another kernel's output over the same memory). */
  readonly spareOffset: number;

  constructor(sourceWidthPx: number, sourceHeightPx: number, targetWidthPx: number, targetHeightPx: number, spareBytes = 0) {
    // A row of slack after the source: taps past its last row and column are read (with weight 0).
    this.targetOffset = align16((sourceWidthPx * (sourceHeightPx + 1) + 2) * 4);
    this.recordsOffset = align16(this.targetOffset + targetWidthPx * targetHeightPx * 4);
    this.spareOffset = align16(this.recordsOffset + TRIANGLE_CAPACITY * TRIANGLE_RECORD_F64 * 8);
    const { exports, memory } = instantiateKernel('photo warp', WASM_BASE64, this.spareOffset + spareBytes);
    this.run = exports.warpTriangles as WarpTriangles;
    this.memory = memory;
    const buffer = memory.buffer;
    this.source = rgbaImageView(buffer, 0, sourceWidthPx, sourceHeightPx);
    this.target = rgbaImageView(buffer, this.targetOffset, targetWidthPx, targetHeightPx);
    this.records = new Float64Array(buffer, this.recordsOffset, TRIANGLE_CAPACITY * TRIANGLE_RECORD_F64);
    this.bounds = { sourceWidthPx, sourceHeightPx, targetWidthPx, targetHeightPx };
  }

  /** Queues destination triangle `d` textured from source triangle `s` ([x0, y0, x1, y1, x2, y2] px). */
  addTriangle(s: ArrayLike<number>, d: ArrayLike<number>): void {
    if (this.count === TRIANGLE_CAPACITY) this.flush();
    if (writeTriangleRecord(this.bounds, s, d, this.records, this.count * TRIANGLE_RECORD_F64)) this.count++;
  }

  /** Paints the queued triangles. */
  flush(): void {
    if (this.count === 0) return;
    const { sourceWidthPx, sourceHeightPx, targetWidthPx } = this.bounds;
    this.run(0, sourceWidthPx, maxFixedCoordinate(sourceWidthPx), maxFixedCoordinate(sourceHeightPx), this.targetOffset, targetWidthPx, this.recordsOffset, this.count);
    this.count = 0;
  }
}
