import type { FaceCrop } from './face-crop.js';
import { faceCrop } from './face-crop.js';

/**
 * The person (head, hair, neck, shoulders) against the background of a photo, from a
 * segmentation model: 0 background .. 255 person, over a window of the photo around the face.
 */
export interface PersonMatte {
  /** Where the matte sits in the photo: matte px = (photo px - origin) * scale; its size is the matte's. */
  readonly window: FaceCrop;
  /** window.outputWidthPx x window.outputHeightPx bytes, row-major. */
  readonly alpha: Uint8Array;
}

/** The segmented window is the square output's crop (faceCrop) grown this much about its centre. */
const WINDOW_GROWTH = 1.3;

/**
 * The photo rectangle to segment, in whole pixels within the photo: the crop a square output
 * takes (faceCrop), grown by WINDOW_GROWTH so that wider outputs and a turning head stay inside.
 */
export function matteRegion(landmarksPx: ArrayLike<number>, pointCount: number, photoWidthPx: number, photoHeightPx: number): { xPx: number; yPx: number; widthPx: number; heightPx: number } {
  const square = faceCrop(landmarksPx, pointCount, photoWidthPx, photoHeightPx, 1, 1);
  const half = (WINDOW_GROWTH / square.scale) / 2;
  const cx = square.originXPx + 0.5 / square.scale;
  const cy = square.originYPx + 0.5 / square.scale;
  const x0 = Math.max(0, Math.floor(cx - half));
  const y0 = Math.max(0, Math.floor(cy - half));
  const x1 = Math.min(photoWidthPx, Math.ceil(cx + half));
  const y1 = Math.min(photoHeightPx, Math.ceil(cy + half));
  return { xPx: x0, yPx: y0, widthPx: Math.max(1, x1 - x0), heightPx: Math.max(1, y1 - y0) };
}

/**
 * The matte on an output crop of the same photo (bilinear), 0 outside the matte's window:
 * crop.outputWidthPx x crop.outputHeightPx bytes.
 */
export function matteOnCrop(matte: PersonMatte, crop: FaceCrop): Uint8Array {
  const { window, alpha } = matte;
  const mw = window.outputWidthPx;
  const mh = window.outputHeightPx;
  const out = new Uint8Array(crop.outputWidthPx * crop.outputHeightPx);
  const k = window.scale / crop.scale;
  for (let y = 0; y < crop.outputHeightPx; y++) {
    const photoY = crop.originYPx + (y + 0.5) / crop.scale;
    const my = (photoY - window.originYPx) * window.scale - 0.5;
    if (my < -0.5 || my > mh - 0.5) continue;
    const y0 = Math.max(0, Math.min(mh - 1, Math.floor(my)));
    const y1 = Math.min(mh - 1, y0 + 1);
    const fy = Math.max(0, Math.min(1, my - y0));
    for (let x = 0; x < crop.outputWidthPx; x++) {
      const mx = (crop.originXPx - window.originXPx) * window.scale + (x + 0.5) * k - 0.5;
      if (mx < -0.5 || mx > mw - 0.5) continue;
      const x0 = Math.max(0, Math.min(mw - 1, Math.floor(mx)));
      const x1 = Math.min(mw - 1, x0 + 1);
      const fx = Math.max(0, Math.min(1, mx - x0));
      const top = alpha[y0 * mw + x0] * (1 - fx) + alpha[y0 * mw + x1] * fx;
      const bottom = alpha[y1 * mw + x0] * (1 - fx) + alpha[y1 * mw + x1] * fx;
      out[y * crop.outputWidthPx + x] = Math.round(top * (1 - fy) + bottom * fy);
    }
  }
  return out;
}
