import { bounds2d } from '../math/bounds.js';

/** Where the output frame sits in the photo: output px = (photo px - origin) * scale. */
export interface FaceCrop {
  readonly originXPx: number;
  readonly originYPx: number;
  /** Output pixels per photo pixel. */
  readonly scale: number;
  readonly outputWidthPx: number;
  readonly outputHeightPx: number;
}

/**
 * AniPortrait's app crops the reference around the face: the landmark box enlarged 1.5x, unless
 * the face already covers at least 15 % of the photo (then the whole photo is used). Here the crop
 * takes the output's aspect ratio, is centred on the face, and may extend past the photo (the
 * outside is padded by the renderer's edge clamp).
 */
export function faceCrop(landmarksPx: ArrayLike<number>, pointCount: number, photoWidthPx: number, photoHeightPx: number, outputWidthPx: number, outputHeightPx: number): FaceCrop {
  const { minX, minY, maxX, maxY } = bounds2d(landmarksPx, pointCount);
  const aspect = outputWidthPx / outputHeightPx;
  const faceShare = ((maxX - minX) * (maxY - minY)) / (photoWidthPx * photoHeightPx);
  let cropW: number;
  let cropH: number;
  let cx: number;
  let cy: number;
  if (faceShare >= 0.15) {
    // Use the photo: the largest crop of the output's aspect, centred on the photo.
    cropW = Math.min(photoWidthPx, photoHeightPx * aspect);
    cropH = cropW / aspect;
    cx = photoWidthPx / 2;
    cy = photoHeightPx / 2;
  } else {
    const side = Math.max(maxX - minX, maxY - minY) * 1.5;
    cropH = aspect >= 1 ? side : side / aspect;
    cropW = cropH * aspect;
    cx = (minX + maxX) / 2;
    cy = (minY + maxY) / 2;
  }
  return { originXPx: cx - cropW / 2, originYPx: cy - cropH / 2, scale: outputWidthPx / cropW, outputWidthPx, outputHeightPx };
}

/** Photo pixels -> output pixels, in place or into `out`. */
export function applyCrop(crop: FaceCrop, pointsPx: ArrayLike<number>, out: Float32Array = new Float32Array(pointsPx.length)): Float32Array {
  for (let i = 0; i < pointsPx.length; i += 2) {
    out[i] = (pointsPx[i] - crop.originXPx) * crop.scale;
    out[i + 1] = (pointsPx[i + 1] - crop.originYPx) * crop.scale;
  }
  return out;
}
