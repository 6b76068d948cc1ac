import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FaceRig } from '../../src-shared/face/face-rig.js';
import { LANDMARK_COUNT, MESH_VERTEX_COUNT } from '../../src-shared/face/topology.js';

/**
 * The parity fixtures' rig (their rig.json: AniPortrait's 468-point lmks3d and trans_mat) as the
 * studio's FaceRig, for an image of W x H px. The 10 iris points repeat point 0: AniPortrait has
 * none, and they are neither drawn nor compared. Used by the parity test and the bench.
 */
export function parityRig(parityDir: string, W: number, H: number): FaceRig {
  const raw = JSON.parse(readFileSync(join(parityDir, 'rig.json'), 'utf8')) as { lmks3d: number[]; trans_mat: number[] };
  const lmks3dCm = new Float32Array(LANDMARK_COUNT * 3);
  lmks3dCm.set(raw.lmks3d);
  for (let i = MESH_VERTEX_COUNT; i < LANDMARK_COUNT; i++) lmks3dCm.set(lmks3dCm.subarray(0, 3), i * 3);
  return { imageWidthPx: W, imageHeightPx: H, lmks3dCm, transMat: Float64Array.from(raw.trans_mat), landmarks2dPx: new Float32Array(LANDMARK_COUNT * 2) };
}
