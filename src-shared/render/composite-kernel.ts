import type { RgbaImage } from './rgba-image.js';
import { compositeOverPlate } from './person-layers.js';
import type { WasmMemory } from './wasm/load-wasm.js';
import { instantiateKernel } from './wasm/load-wasm.js';
import { WASM_BASE64 } from './wasm/composite-over-plate-wasm.js';

type Composite = (frame: number, plate: number, pairs: number) => void;

/**
 * The two-layer composite (person-layers.ts) in WebAssembly SIMD over a memory shared with the
 * warp kernel: the frame it drew and the plate lie in that memory, so nothing is copied.
 */
export class CompositeKernel {
  private readonly run: Composite;

  constructor(
    memory: WasmMemory,
    private readonly frame: RgbaImage,
    private readonly frameOffset: number,
    /** The plate, already in `memory` at `plateOffset`. */
    private readonly plate: RgbaImage,
    private readonly plateOffset: number,
  ) {
    if (frame.widthPx !== plate.widthPx || frame.heightPx !== plate.heightPx) throw new Error('the plate and the frame must be the same size');
    this.run = instantiateKernel('plate composite', WASM_BASE64, memory).exports.compositeOverPlate as Composite;
  }

  /** frame = person over plate, in place. */
  composite(): void {
    const pixels = this.frame.widthPx * this.frame.heightPx;
    const pairs = pixels >> 1;
    this.run(this.frameOffset, this.plateOffset, pairs);
    if (pixels % 2 === 1) compositeOverPlate(this.frame, this.plate, pixels - 1);
  }
}
