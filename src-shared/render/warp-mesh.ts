import { MESH_VERTEX_COUNT } from '../face/topology.js';
import { delaunay } from './delaunay.js';
import type { OvalAttachments } from './oval-attachment.js';
import { ovalAttachments, placeAttachments } from './oval-attachment.js';

/** MediaPipe's face oval, in order around the face. */
export const FACE_OVAL = [10, 338, 297, 332, 284, 251, 389, 356, 454, 323, 361, 288, 397, 365, 379, 378, 400, 377, 152, 148, 176, 149, 150, 136, 172, 58, 132, 93, 234, 127, 162, 21, 54, 103, 67, 109] as const;

/**
 * How far the rings of helper points around the face follow the head: the first ring (hair, ears)
 * moves with it as one rigid piece, the second (outer hair, neck) about half and not with the expression (no wobble of the shoulders while talking); the image border
 * stays put (the background is a still plate under the person, person-layers.ts).
 */
const RINGS = [
  { scale: 1.3, follow: 1, followExpression: 0.6 },
  { scale: 1.75, follow: 0.45, followExpression: 0 },
] as const;
const BORDER_STEP_PX = 64;

/**
 * Control points of the photo warp: the 468 face landmarks, two rings of helper points around the
 * face oval, and the image border. Inside the oval the face mesh's own triangles are used (they
 * follow the face's features, so no triangle spans skin and background); outside it a Delaunay
 * triangulation of the oval, the rings and the border, built once on the rest face.
 */
export class WarpMesh {
  /** Control points in the rest (source) image: [x, y] pairs, face landmarks first. */
  readonly rest: Float32Array;
  readonly triangles: Uint32Array;
  /** Per helper-ring point: the oval landmark it was placed from, and how far out (RINGS' scale). */
  readonly ringAnchors: Int32Array;
  readonly ringScales: Float32Array;
  private readonly ringFollow: Float32Array;
  private readonly ringFollowExpression: Float32Array;
  /**
   * Where the helper-ring triangles meet the face: per face-oval landmark, a point at the oval
   * landmark's rest position that moves with the face surface the photo shows there (oval-attachment.ts).
   */
  private readonly attachments: OvalAttachments;
  private readonly ringStart: number;
  private readonly borderStart: number;
  /** Each point's neighbours in the mesh (the untangling relaxes a point towards them). */
  private readonly neighbours: readonly Int32Array[];
  /**
   * The untangling's tables, reused every frame: the points it may move (the helper rings; the face
   * is never bent), the ones flagged this pass, and each triangle's area in the photo.
   */
  private readonly untangling: { movable: Uint8Array; flaggedMark: Uint8Array; flagged: Int32Array; restArea: Float64Array };
  /** Per triangle: the sign of its area in the photo (its winding; 0 when it has no area). */
  readonly restSign: Int8Array;

  /** `faceTriangles`: the canonical face mesh's triangles over the 468 landmarks (its boundary is FACE_OVAL). */
  /**
   * `restDepthCm`, when given: each face landmark's camera depth at rest, which tells the visible
   * surface where the face overlaps itself in the photo (ovalAttachments).
   */
  constructor(restLandmarksPx: ArrayLike<number>, widthPx: number, heightPx: number, faceTriangles: Iterable<number>, restDepthCm?: ArrayLike<number>) {
    const faceTris = Uint32Array.from(faceTriangles);
    const points: number[] = [];
    for (let i = 0; i < MESH_VERTEX_COUNT; i++) points.push(restLandmarksPx[i * 2], restLandmarksPx[i * 2 + 1]);
    this.attachments = ovalAttachments(restLandmarksPx, faceTris, FACE_OVAL, restDepthCm);
    for (const i of FACE_OVAL) points.push(restLandmarksPx[i * 2], restLandmarksPx[i * 2 + 1]);
    let cx = 0;
    let cy = 0;
    for (const i of FACE_OVAL) {
      cx += restLandmarksPx[i * 2] / FACE_OVAL.length;
      cy += restLandmarksPx[i * 2 + 1] / FACE_OVAL.length;
    }
    this.ringStart = points.length / 2;
    const anchors: number[] = [];
    const scales: number[] = [];
    const follow: number[] = [];
    const followExpression: number[] = [];
    for (const ring of RINGS) {
      for (const i of FACE_OVAL) {
        const x = cx + (restLandmarksPx[i * 2] - cx) * ring.scale;
        const y = cy + (restLandmarksPx[i * 2 + 1] - cy) * ring.scale;
        if (x <= 1 || y <= 1 || x >= widthPx - 1 || y >= heightPx - 1) continue;
        points.push(x, y);
        anchors.push(i);
        scales.push(ring.scale);
        // A point that only drifts after the head (the outer ring) drifts less near the image border,
        // whose points stay put: a few pixels from a border point it would crush the triangles
        // between them (ref_cxk's hair tips at the far temple squashed flat at yaw +30).
        const borderDistancePx = Math.min(x, y, widthPx - x, heightPx - y);
        follow.push(ring.follow < 1 ? ring.follow * Math.min(1, borderDistancePx / BORDER_STEP_PX) : ring.follow);
        followExpression.push(ring.followExpression);
      }
    }
    this.borderStart = points.length / 2;
    for (let x = 0; x <= widthPx; x += BORDER_STEP_PX) points.push(Math.min(x, widthPx), 0, Math.min(x, widthPx), heightPx);
    for (let y = BORDER_STEP_PX; y < heightPx; y += BORDER_STEP_PX) points.push(0, y, widthPx, y);
    points.push(widthPx, 0, widthPx, heightPx);
    this.rest = Float32Array.from(points);
    this.ringAnchors = Int32Array.from(anchors);
    this.ringScales = Float32Array.from(scales);
    this.ringFollow = Float32Array.from(follow);
    this.ringFollowExpression = Float32Array.from(followExpression);
    // The ring triangles take the attachment points in place of the oval's landmarks.
    const attachmentOf = new Map<number, number>(FACE_OVAL.map((i, k) => [i, MESH_VERTEX_COUNT + k]));
    const outside = outsideTriangles(this.rest, this.ringStart).map((v) => attachmentOf.get(v) ?? v);
    this.triangles = Uint32Array.from([...faceTris, ...outside]);
    const neighbours = Array.from({ length: this.rest.length / 2 }, () => new Set<number>());
    const tris = this.triangles;
    this.restSign = new Int8Array(tris.length / 3);
    const restArea = new Float64Array(tris.length / 3);
    for (let t = 0; t < tris.length / 3; t++) {
      const [a, b, c] = [tris[t * 3], tris[t * 3 + 1], tris[t * 3 + 2]];
      neighbours[a].add(b).add(c);
      neighbours[b].add(a).add(c);
      neighbours[c].add(a).add(b);
      const area = signedArea(this.rest, a, b, c);
      this.restSign[t] = Math.sign(area);
      restArea[t] = Math.abs(area);
    }
    this.neighbours = neighbours.map((set) => Int32Array.from(set));
    const movable = new Uint8Array(this.rest.length / 2);
    movable.fill(1, this.ringStart, this.borderStart);
    this.untangling = { movable, flaggedMark: new Uint8Array(movable.length), flagged: new Int32Array(movable.length), restArea };
  }

  get pointCount(): number {
    return this.rest.length / 2;
  }

  /**
   * Destination control points of one frame. `landmarksPx` are the frame's projected landmarks
   * (expression and pose); `rigidPx` the rest face projected with the frame's pose only. The rings
   * follow the head's rigid motion closely and the expression (an opening jaw) only partly, so the
   * jaw line moves smoothly into the neck without dragging the shoulders. `ringShiftPx`, when
   * given, is each ring point's own rigid motion ([dx, dy] per ring point: the point on a shell
   * around the head in 3D, posed), used for the inner ring; otherwise a ring point moves as its
   * anchor landmark. `attachmentShare`: how far the ring triangles' corners at the oval follow the
   * face surface in front of the oval (oval-attachment.ts) rather than the oval itself.
   */
  destination(landmarksPx: ArrayLike<number>, rigidPx: ArrayLike<number>, out: Float32Array = new Float32Array(this.rest.length), ringShiftPx?: ArrayLike<number>, attachmentShare = 0): Float32Array {
    out.set(this.rest);
    for (let i = 0; i < MESH_VERTEX_COUNT * 2; i++) out[i] = landmarksPx[i];
    placeAttachments(this.attachments, FACE_OVAL, landmarksPx, out, MESH_VERTEX_COUNT, attachmentShare);
    for (let k = 0; k < this.ringAnchors.length; k++) {
      const a = this.ringAnchors[k];
      const p = this.ringStart + k;
      const rigid = this.ringFollow[k];
      const expression = this.ringFollowExpression[k];
      // The inner ring (hair, ears) is part of the head's rigid shell; the outer one (neck,
      // shoulders) only drifts after the face.
      const onShell = ringShiftPx !== undefined && this.ringScales[k] === RINGS[0].scale;
      const shiftX = onShell ? ringShiftPx[k * 2] : rigidPx[a * 2] - this.rest[a * 2];
      const shiftY = onShell ? ringShiftPx[k * 2 + 1] : rigidPx[a * 2 + 1] - this.rest[a * 2 + 1];
      out[p * 2] += shiftX * rigid + (landmarksPx[a * 2] - rigidPx[a * 2]) * expression;
      out[p * 2 + 1] += shiftY * rigid + (landmarksPx[a * 2 + 1] - rigidPx[a * 2 + 1]) * expression;
    }
    this.untangle(out);
    return out;
  }

  /**
   * On a head turn the far side of the face oval slides behind the cheek, and triangles between
   * the oval and the helper rings fold over, which shows as torn, streaked texture. Relax the
   * oval and ring points of folded triangles towards their neighbours until nothing folds.
   */
  private untangle(points: Float32Array): void {
    const tris = this.triangles;
    const { movable, flaggedMark, flagged, restArea } = this.untangling;
    for (let iteration = 0; iteration < 12; iteration++) {
      let flaggedCount = 0;
      for (let t = 0; t < tris.length / 3; t++) {
        const a = tris[t * 3];
        const b = tris[t * 3 + 1];
        const c = tris[t * 3 + 2];
        if (signedArea(points, a, b, c) * this.restSign[t] > restArea[t] * 0.05) continue;
        for (let k = 0; k < 3; k++) {
          const v = tris[t * 3 + k];
          if (!movable[v] || flaggedMark[v]) continue;
          flaggedMark[v] = 1;
          flagged[flaggedCount++] = v;
        }
      }
      if (flaggedCount === 0) return;
      // In the order flagged (each moves towards its neighbours as they are at that moment).
      for (let i = 0; i < flaggedCount; i++) {
        const v = flagged[i];
        flaggedMark[v] = 0;
        const around = this.neighbours[v];
        let x = 0;
        let y = 0;
        for (const n of around) {
          x += points[n * 2];
          y += points[n * 2 + 1];
        }
        points[v * 2] = 0.5 * points[v * 2] + (0.5 * x) / around.length;
        points[v * 2 + 1] = 0.5 * points[v * 2 + 1] + (0.5 * y) / around.length;
      }
    }
  }

  /** Index of the first border point; border points never move. */
  get firstBorderPoint(): number {
    return this.borderStart;
  }
}

/** Twice the signed area of triangle (a, b, c) over [x, y] pairs; its sign is the winding. */
export function signedArea(points: ArrayLike<number>, a: number, b: number, c: number): number {
  return (points[b * 2] - points[a * 2]) * (points[c * 2 + 1] - points[a * 2 + 1]) - (points[c * 2] - points[a * 2]) * (points[b * 2 + 1] - points[a * 2 + 1]);
}

/**
 * Delaunay triangles of the oval, ring and border points that lie outside the face oval. Only the
 * oval's landmarks take part, renumbered back to their own indices.
 */
function outsideTriangles(points: Float32Array, ringStart: number): number[] {
  const ids = [...FACE_OVAL, ...Array.from({ length: points.length / 2 - ringStart }, (_, k) => ringStart + k)];
  const subset = new Float32Array(ids.length * 2);
  ids.forEach((id, k) => {
    subset[k * 2] = points[id * 2];
    subset[k * 2 + 1] = points[id * 2 + 1];
  });
  const oval = FACE_OVAL.map((i) => [points[i * 2], points[i * 2 + 1]] as const);
  const out: number[] = [];
  const tris = delaunay(subset);
  for (let t = 0; t < tris.length; t += 3) {
    const [a, b, c] = [ids[tris[t]], ids[tris[t + 1]], ids[tris[t + 2]]];
    const cx = (points[a * 2] + points[b * 2] + points[c * 2]) / 3;
    const cy = (points[a * 2 + 1] + points[b * 2 + 1] + points[c * 2 + 1]) / 3;
    if (!insidePolygon(oval, cx, cy)) out.push(a, b, c);
  }
  return out;
}

function insidePolygon(polygon: readonly (readonly [number, number])[], x: number, y: number): boolean {
  let inside = false;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const [ax, ay] = polygon[j];
    const [bx, by] = polygon[i];
    if (ay > y !== by > y && x < ((bx - ax) * (y - ay)) / (by - ay) + ax) inside = !inside;
  }
  return inside;
}
