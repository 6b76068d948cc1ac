import type { FaceRig } from '../../../src-shared/face/face-rig.js';
import { MESH_VERTEX_COUNT } from '../../../src-shared/face/topology.js';
import type { FaceCrop } from '../../../src-shared/render/face-crop.js';
import { faceCrop } from '../../../src-shared/render/face-crop.js';
import type { RgbaImage } from '../../../src-shared/render/rgba-image.js';
import { createRgbaImage } from '../../../src-shared/render/rgba-image.js';
import { WarpRenderer } from '../../../src-shared/render/warp-renderer.js';
import { loadCanonicalFace } from '../../face/canonical-face.js';
import { decodeImageScaled } from '../../media/decode-image.js';

/**
 * The photo prepared for rendering at the output size: the face-centred crop of AniPortrait's app,
 * resampled by ffmpeg once, and the warp renderer over it.
 */
export async function createWarpRenderer(photoPath: string, label: string, rig: FaceRig, outputWidthPx: number, outputHeightPx: number): Promise<WarpRenderer> {
  const rough = faceCrop(rig.landmarks2dPx, MESH_VERTEX_COUNT, rig.imageWidthPx, rig.imageHeightPx, outputWidthPx, outputHeightPx);
  const scaled = await decodeImageScaled(photoPath, label, rig.imageWidthPx * rough.scale, rig.imageHeightPx * rough.scale);
  // Snap the crop to whole pixels of the scaled photo, so cutting it out is an exact copy.
  const scale = scaled.widthPx / rig.imageWidthPx;
  const shiftX = Math.round(rough.originXPx * scale);
  const shiftY = Math.round(rough.originYPx * scale);
  const crop: FaceCrop = { originXPx: shiftX / scale, originYPx: shiftY / scale, scale, outputWidthPx, outputHeightPx };
  const source = cutOut(scaled.rgb, scaled.widthPx, scaled.heightPx, shiftX, shiftY, outputWidthPx, outputHeightPx);
  return new WarpRenderer(source, rig, crop, loadCanonicalFace().triangles);
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
