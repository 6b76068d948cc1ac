/**
 * An 8-bit RGBA image, rows top to bottom. `pixels` views the same bytes as 32-bit words
 * (little-endian: 0xAABBGGRR), which the warp reads and writes two channels at a time.
 */
export interface RgbaImage {
  readonly widthPx: number;
  readonly heightPx: number;
  readonly data: Uint8Array<ArrayBuffer>;
  readonly pixels: Uint32Array<ArrayBuffer>;
}

export function createRgbaImage(widthPx: number, heightPx: number): RgbaImage {
  return rgbaImageView(new ArrayBuffer(widthPx * heightPx * 4), 0, widthPx, heightPx);
}

/** An image over bytes at `byteOffset` of `buffer` (a WebAssembly kernel's memory), not a copy. */
export function rgbaImageView(buffer: ArrayBuffer, byteOffset: number, widthPx: number, heightPx: number): RgbaImage {
  return { widthPx, heightPx, data: new Uint8Array(buffer, byteOffset, widthPx * heightPx * 4), pixels: new Uint32Array(buffer, byteOffset, widthPx * heightPx) };
}

/** RGBA from packed RGB bytes (alpha opaque). */
export function rgbaFromRgb(rgb: Uint8Array, widthPx: number, heightPx: number): RgbaImage {
  const image = createRgbaImage(widthPx, heightPx);
  for (let i = 0, o = 0; i < widthPx * heightPx * 3; i += 3, o += 4) {
    image.data[o] = rgb[i];
    image.data[o + 1] = rgb[i + 1];
    image.data[o + 2] = rgb[i + 2];
    image.data[o + 3] = 255;
  }
  return image;
}
