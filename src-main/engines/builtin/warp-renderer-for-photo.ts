import type { FaceRig } from '../../../src-shared/face/face-rig.js';
import { WarpRenderer } from '../../../src-shared/render/warp-renderer.js';
import { loadCanonicalFace } from '../../face/canonical-face.js';
import { referenceCrop } from '../shared/reference-crop.js';

/**
 * The photo prepared for rendering at the output size (the face-centred crop of AniPortrait's app)
 * and the warp renderer over it.
 */
export async function createWarpRenderer(photoPath: string, label: string, rig: FaceRig, outputWidthPx: number, outputHeightPx: number): Promise<WarpRenderer> {
  const { crop, image } = await referenceCrop(photoPath, label, rig, outputWidthPx, outputHeightPx);
  return new WarpRenderer(image, rig, crop, loadCanonicalFace().triangles);
}
