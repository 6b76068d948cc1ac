import { LANDMARK_COUNT } from '../../src-shared/face/topology.js';
import { detectFaces, largestFace } from '../face/human-face-mesh.js';

/**
 * The largest face in one live-preview frame (RGBA), for the capture panel's landmark overlay:
 * its 478 points in the frame's pixels, or null. The same face mesh that tracks the take later.
 */
export async function detectPreviewFace(rgba: Uint8Array, widthPx: number, heightPx: number): Promise<{ landmarksPx: Float32Array<ArrayBuffer> | null }> {
  const rgb = new Uint8Array(widthPx * heightPx * 3);
  for (let i = 0, o = 0; i < rgba.length; i += 4, o += 3) {
    rgb[o] = rgba[i];
    rgb[o + 1] = rgba[i + 1];
    rgb[o + 2] = rgba[i + 2];
  }
  const face = largestFace(await detectFaces(rgb, widthPx, heightPx));
  if (!face) return { landmarksPx: null };
  const points = new Float32Array(LANDMARK_COUNT * 2);
  for (let i = 0; i < LANDMARK_COUNT; i++) {
    points[i * 2] = face.mesh[i * 3];
    points[i * 2 + 1] = face.mesh[i * 3 + 1];
  }
  return { landmarksPx: points };
}
