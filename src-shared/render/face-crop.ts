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
 * the face already covers at least 15 % of the photo (then as much of the photo as the output's
 * aspect allows, shifted towards the face). Here the crop takes the output's aspect ratio, always
 * contains the face, is centred on it (as far as the photo allows for a large face), and may
 * extend past the photo (the outside is padded by the renderer's edge clamp).
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
    // Use the photo: the largest crop of the output's aspect that fits in it, grown if needed
    // to hold the whole face, centred on the face as far as the photo allows (a face at the
    // left of a landscape photo is framed, not the middle of the photo).
    cropW = Math.min(photoWidthPx, photoHeightPx * aspect);
    cropH = cropW / aspect;
    if (cropW < maxX - minX) [cropW, cropH] = [maxX - minX, (maxX - minX) / aspect];
    if (cropH < maxY - minY) [cropW, cropH] = [(maxY - minY) * aspect, maxY - minY];
    cx = centreWithin((minX + maxX) / 2, cropW, photoWidthPx);
    cy = centreWithin((minY + maxY) / 2, cropH, photoHeightPx);
  } else {
    const side = Math.max(maxX - minX, maxY - minY) * 1.5;
    cropH = aspect >= 1 ? side : side / aspect;
    cropW = cropH * aspect;
    cx = (minX + maxX) / 2;
    cy = (minY + maxY) / 2;
  }
  return { originXPx: cx - cropW / 2, originYPx: cy - cropH / 2, scale: outputWidthPx / cropW, outputWidthPx, outputHeightPx };
}

/** The centre nearest `wantedPx` of a window `sizePx` wide that stays within 0..extentPx (the photo's centre if it cannot). */
function centreWithin(wantedPx: number, sizePx: number, extentPx: number): number {
  if (sizePx >= extentPx) return extentPx / 2;
  return Math.min(extentPx - sizePx / 2, Math.max(sizePx / 2, wantedPx));
}

/** Photo pixels -> output pixels, in place or into `out`. */
export function applyCrop(crop: FaceCrop, pointsPx: ArrayLike<number>, out: Float32Array = new Float32Array(pointsPx.length)): Float32Array {
  for (let i = 0; i < pointsPx.length; i += 2) {
    out[i] = (pointsPx[i] - crop.originXPx) * crop.scale;
    out[i + 1] = (pointsPx[i + 1] - crop.originYPx) * crop.scale;
  }
  return out;
}
