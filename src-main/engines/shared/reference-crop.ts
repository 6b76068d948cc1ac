import type { FaceRig } from '../../../src-shared/face/face-rig.js';
import { MESH_VERTEX_COUNT } from '../../../src-shared/face/topology.js';
import type { FaceCrop } from '../../../src-shared/render/face-crop.js';
import { faceCrop } from '../../../src-shared/render/face-crop.js';
import type { RgbaImage } from '../../../src-shared/render/rgba-image.js';
import { createRgbaImage } from '../../../src-shared/render/rgba-image.js';
import type { PixelRegion } from '../../media/decode-image.js';
import { decodeImageRegion } from '../../media/decode-image.js';

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
  // Crop first, then resample: only the window (on the photo, plus a few pixels for the
  // resampling kernel) is decoded at the output's scale, never the whole photo.
  const region = windowRegion(rough, rig.imageWidthPx, rig.imageHeightPx);
  const scaled = await decodeImageRegion(photoPath, label, region, region.widthPx * rough.scale, region.heightPx * rough.scale);
  // Snap the crop to whole pixels of the scaled region, so cutting it out is an exact copy.
  const scale = scaled.widthPx / region.widthPx;
  const shiftX = Math.round((rough.originXPx - region.xPx) * scale);
  const shiftY = Math.round((rough.originYPx - region.yPx) * scale);
  const crop: FaceCrop = { originXPx: region.xPx + shiftX / scale, originYPx: region.yPx + shiftY / scale, scale, outputWidthPx, outputHeightPx };
  return { crop, image: cutOut(scaled.rgb, scaled.widthPx, scaled.heightPx, shiftX, shiftY, outputWidthPx, outputHeightPx) };
}

/** The photo pixels under the crop window, widened by the resampling kernel's reach, within the photo. */
function windowRegion(crop: FaceCrop, photoWidthPx: number, photoHeightPx: number): PixelRegion {
  const marginPx = Math.ceil(4 / Math.min(1, crop.scale));
  const span = (origin: number, lengthPx: number, extentPx: number): [number, number] => {
    const start = Math.min(extentPx - 1, Math.max(0, Math.floor(origin) - marginPx));
    const end = Math.max(start + 1, Math.min(extentPx, Math.ceil(origin + lengthPx) + marginPx));
    return [start, end - start];
  };
  const [xPx, widthPx] = span(crop.originXPx, crop.outputWidthPx / crop.scale, photoWidthPx);
  const [yPx, heightPx] = span(crop.originYPx, crop.outputHeightPx / crop.scale, photoHeightPx);
  return { xPx, yPx, widthPx, heightPx };
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
