// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { createWarpRenderer } from '../../src-main/engines/builtin/warp-renderer-for-photo.js';
import { loadCanonicalFace } from '../../src-main/face/canonical-face.js';
import { analyzePhoto } from '../../src-main/face/analyze-photo.js';
import { ExpressionRig, NEUTRAL_FACE } from '../../src-shared/face/expression-rig.js';
import { MESH_VERTEX_COUNT } from '../../src-shared/face/topology.js';
import { createRgbaImage } from '../../src-shared/render/rgba-image.js';
import { FACE_OVAL } from '../../src-shared/render/warp-mesh.js';
import { fixture, present } from '../helpers/fixtures.js';

const SIZE_PX = 512;

/**
 * The largest difference in motion (px) between the two ends of a short edge along the face border
 * (at most 12 px long in the photo) at a pose: where the photo's few pixels between two landmarks are
 * pulled apart (a smear) or the field bends. On ref_jijin at yaw -30 the face oval beside her right
 * eye and the skin at the eye's outer corner, in one column of the photo, moved 34 px apart
 * (lashes, a shadow and a hair strand drawn out into a dark streak, the strand bent at the oval);
 * along the border the largest jump was 14.1 px there (edge 264-356) and 17.6 px on ref_cxk
 * (447-454), now 10.6 and 8.6 (side-flattening.ts flattens along the photo camera's rays).
 */
function largestMotionJumpPx(restPx: ArrayLike<number>, framePx: ArrayLike<number>, edges: Uint32Array): { jumpPx: number; edge: [number, number] } {
  let jumpPx = 0;
  let edge: [number, number] = [0, 0];
  for (let e = 0; e < edges.length; e += 2) {
    const [a, b] = [edges[e], edges[e + 1]];
    if (Math.hypot(restPx[a * 2] - restPx[b * 2], restPx[a * 2 + 1] - restPx[b * 2 + 1]) > 12) continue;
    const jump = Math.hypot(framePx[a * 2] - restPx[a * 2] - (framePx[b * 2] - restPx[b * 2]), framePx[a * 2 + 1] - restPx[a * 2 + 1] - (framePx[b * 2 + 1] - restPx[b * 2 + 1]));
    if (jump > jumpPx) {
      jumpPx = jump;
      edge = [a, b];
    }
  }
  return { jumpPx, edge };
}

/** The distinct edges (a < b, flat pairs) of the face mesh's triangles. */
function meshEdges(triangles: ArrayLike<number>): [number, number][] {
  const seen = new Set<number>();
  const out: [number, number][] = [];
  for (let t = 0; t + 2 < triangles.length; t += 3) {
    for (let k = 0; k < 3; k++) {
      const a = Math.min(triangles[t + k], triangles[t + ((k + 1) % 3)]);
      const b = Math.max(triangles[t + k], triangles[t + ((k + 1) % 3)]);
      if (seen.has(a * MESH_VERTEX_COUNT + b)) continue;
      seen.add(a * MESH_VERTEX_COUNT + b);
      out.push([a, b]);
    }
  }
  return out;
}

/** The edges along the face border: both ends on the face oval or one edge in from it. */
function borderEdges(triangles: ArrayLike<number>): Uint32Array {
  const edges = meshEdges(triangles);
  const border = new Set<number>(FACE_OVAL);
  for (const [a, b] of edges) {
    if (FACE_OVAL.includes(a as never)) border.add(b);
    if (FACE_OVAL.includes(b as never)) border.add(a);
  }
  return Uint32Array.from(edges.filter(([a, b]) => border.has(a) && border.has(b)).flat());
}

describe.each(['ref_cxk.png', 'ref_jijin.png'])('the built-in engine on %s: turns without smears at the face border', (name) => {
  const path = fixture(name);
  it.skipIf(!path)('no short edge along the face border is pulled apart by more than 12 px at +-30 degrees of yaw', async () => {
    const photo = present(path);
    const { rig } = await analyzePhoto(photo, name);
    const renderer = await createWarpRenderer(photo, name, rig, SIZE_PX, SIZE_PX);
    const offsets = new ExpressionRig(rig.lmks3dCm).offsets(NEUTRAL_FACE);
    const edges = borderEdges(loadCanonicalFace().triangles);
    const frame = createRgbaImage(SIZE_PX, SIZE_PX);
    for (const yawDeg of [-30, 30]) {
      renderer.render(offsets, [0, yawDeg, 0, 0, 0, 0], frame);
      const { jumpPx, edge } = largestMotionJumpPx(renderer.mesh.rest, renderer.frameLandmarksPx, edges);
      console.log(`${name} yaw ${yawDeg}: largest motion jump ${jumpPx.toFixed(1)} px across the edge ${edge.join('-')}`);
      expect(jumpPx, `yaw ${yawDeg}, edge ${edge.join('-')}`).toBeLessThan(12);
    }
  }, 120_000);
});
