import type { FaceRig } from '../../src-shared/face/face-rig.js';
import { calibrateDepthScale } from '../../src-shared/face/depth-calibration.js';
import { solveFaceGeometry } from '../../src-shared/face/geometry-pipeline.js';
import { LANDMARK_COUNT } from '../../src-shared/face/topology.js';
import { StudioError } from '../../src-shared/util/result.js';
import { decodeImageRgb } from '../media/decode-image.js';
import { loadCanonicalFace } from './canonical-face.js';
import { detectFaces, largestFace } from './human-face-mesh.js';

/** Below this face width (pixels of the photo) landmarks are too coarse to animate. */
export const MIN_FACE_WIDTH_PX = 64;

export interface PhotoAnalysis {
  readonly rig: FaceRig;
  /** Things the user should know, e.g. that several faces were found and the largest was used. */
  readonly warnings: readonly string[];
}

/** Face analysis of the reference photo: 478 landmarks -> MediaPipe geometry -> FaceRig. */
export async function analyzePhoto(path: string, label: string): Promise<PhotoAnalysis> {
  const image = await decodeImageRgb(path, label);
  const faces = await detectFaces(image.rgb, image.widthPx, image.heightPx);
  const face = largestFace(faces);
  if (!face) {
    throw new StudioError('unsupported-media', `${label} shows no face the studio can find. Use a photo with one face looking roughly at the camera, well lit, not cut off.`);
  }
  const warnings: string[] = [];
  const toSource = image.sourceWidthPx / image.widthPx;
  if (faces.length > 1) warnings.push(`${label} shows ${faces.length} faces; the largest one, ${describePlace(face.boxPx, image.widthPx, toSource)}, is animated and framed.`);
  if (face.boxPx[2] * toSource < MIN_FACE_WIDTH_PX) {
    throw new StudioError(
      'unsupported-media',
      `The face in ${label} is too small (${Math.round(face.boxPx[2] * toSource)} px wide; at least ${MIN_FACE_WIDTH_PX} px needed). Use a closer or larger photo.`,
    );
  }
  return { rig: buildRig(face.mesh, image.widthPx, image.heightPx, toSource), warnings };
}

/** FaceRig in the photo's own pixels from a mesh found in a (possibly downscaled) image. */
export function buildRig(mesh: Float32Array, widthPx: number, heightPx: number, toSourcePx = 1): FaceRig {
  const canonical = loadCanonicalFace();
  const depthScale = calibrateDepthScale(mesh, canonical);
  const normalized = new Float64Array(LANDMARK_COUNT * 3);
  const landmarks2dPx = new Float32Array(LANDMARK_COUNT * 2);
  for (let i = 0; i < LANDMARK_COUNT; i++) {
    normalized[i * 3] = mesh[i * 3] / widthPx;
    normalized[i * 3 + 1] = mesh[i * 3 + 1] / heightPx;
    normalized[i * 3 + 2] = (mesh[i * 3 + 2] * depthScale) / widthPx;
    landmarks2dPx[i * 2] = mesh[i * 3] * toSourcePx;
    landmarks2dPx[i * 2 + 1] = mesh[i * 3 + 1] * toSourcePx;
  }
  const sourceWidthPx = Math.round(widthPx * toSourcePx);
  const sourceHeightPx = Math.round(heightPx * toSourcePx);
  const { transMat, lmks3dCm } = solveFaceGeometry(normalized, LANDMARK_COUNT, widthPx, heightPx, canonical);
  return { imageWidthPx: sourceWidthPx, imageHeightPx: sourceHeightPx, lmks3dCm, transMat, landmarks2dPx };
}

/** Where a face box [x, y, w, h] sits, for the user: "at the left (x 40..410 px)". */
function describePlace(boxPx: ArrayLike<number>, imageWidthPx: number, toSourcePx: number): string {
  const centre = (boxPx[0] + boxPx[2] / 2) / imageWidthPx;
  const side = centre < 1 / 3 ? 'at the left' : centre > 2 / 3 ? 'at the right' : 'in the middle';
  return `${side} (x ${Math.round(boxPx[0] * toSourcePx)}..${Math.round((boxPx[0] + boxPx[2]) * toSourcePx)} px)`;
}
