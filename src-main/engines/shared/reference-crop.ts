import type { FaceRig } from '../../../src-shared/face/face-rig.js';
import { MESH_VERTEX_COUNT } from '../../../src-shared/face/topology.js';
import type { FaceCrop } from '../../../src-shared/render/face-crop.js';
import { faceCrop } from '../../../src-shared/render/face-crop.js';
import type { RgbaImage } from '../../../src-shared/render/rgba-image.js';
import { createRgbaImage } from '../../../src-shared/render/rgba-image.js';
import { decodeImageScaled } from '../../media/decode-image.js';

/** The reference photo at the output size, and the crop that maps photo pixels onto it. */
export interface ReferenceCrop {
  readonly crop: FaceCrop;
  readonly image: RgbaImage;
}

/**
 * The face-centred crop of AniPortrait's app (the landmark box x1.5, or the whole photo when the
 * face already covers 15 % of it), resampled by ffmpeg once. Shared by both Lmk2Video engines.
 */
export async function referenceCrop(photoPath: string, label: string, rig: FaceRig, outputWidthPx: number, outputHeightPx: number): Promise<ReferenceCrop> {
  const rough = faceCrop(rig.landmarks2dPx, MESH_VERTEX_COUNT, rig.imageWidthPx, rig.imageHeightPx, outputWidthPx, outputHeightPx);
  const scaled = await decodeImageScaled(photoPath, label, rig.imageWidthPx * rough.scale, rig.imageHeightPx * rough.scale);
  // Snap the crop to whole pixels of the scaled photo, so cutting it out is an exact copy.
  const scale = scaled.widthPx / rig.imageWidthPx;
  const shiftX = Math.round(rough.originXPx * scale);
  const shiftY = Math.round(rough.originYPx * scale);
  const crop: FaceCrop = { originXPx: shiftX / scale, originYPx: shiftY / scale, scale, outputWidthPx, outputHeightPx };
  return { crop, image: cutOut(scaled.rgb, scaled.widthPx, scaled.heightPx, shiftX, shiftY, outputWidthPx, outputHeightPx) };
}

/** The RGBA window at (x, y) of an RGB image; outside the photo its edge pixels repeat. */
function cutOut(rgb: Uint8Array, imageWidthPx: number, imageHeightPx: number, x: number, y: number, widthPx: number, heightPx: number): RgbaImage {
  const image = createRgbaImage(widthPx, heightPx);
  const { data } = image;
  for (let row = 0; row < heightPx; row++) {
    const sy = Math.min(imageHeightPx - 1, Math.max(0, y + row));
    for (let col = 0; col < widthPx; col++) {
      const sx = Math.min(imageWidthPx - 1, Math.max(0, x + col));
      const s = (sy * imageWidthPx + sx) * 3;
      const o = (row * widthPx + col) * 4;
      data[o] = rgb[s];
      data[o + 1] = rgb[s + 1];
      data[o + 2] = rgb[s + 2];
      data[o + 3] = 255;
    }
  }
  return image;
}
