import type { FaceRig } from '../../../src-shared/face/face-rig.js';
import { WarpRenderer } from '../../../src-shared/render/warp-renderer.js';
import { matteOnCrop } from '../../../src-shared/render/person-matte.js';
import { loadCanonicalFace } from '../../face/canonical-face.js';
import { photoMatte } from '../../face/person-matte.js';
import { referenceCrop } from '../shared/reference-crop.js';

/**
 * The photo prepared for rendering at the output size (the face-centred crop of AniPortrait's app),
 * its person matte (segmented once per photo) and the warp renderer over them.
 */
export async function createWarpRenderer(photoPath: string, label: string, rig: FaceRig, outputWidthPx: number, outputHeightPx: number): Promise<WarpRenderer> {
  const [{ crop, image }, matte] = await Promise.all([referenceCrop(photoPath, label, rig, outputWidthPx, outputHeightPx), photoMatte(photoPath, label, rig)]);
  return new WarpRenderer(image, rig, crop, loadCanonicalFace().triangles, matteOnCrop(matte, crop));
}
