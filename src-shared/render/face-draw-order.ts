import { signedArea } from './warp-mesh.js';

/**
 * The order a posed frame draws the face mesh's triangles in. On a head turn the far side of the
 * face turns away: its triangles flip over in the image (drawn on top, their mirrored texture
 * shows as torn fragments at the face border) and the nose passes in front of the far cheek. So
 * triangles flipped relative to the photo go first, as a mere filler of gaps, and the others
 * follow back to front by camera depth and cover them.
 */
export class FaceDrawOrder {
  /** Triangle ids in drawing order after `update`: the flipped ones, then the others far to near. */
  readonly order: Uint32Array;
  /** How many of `order` are flipped. */
  flippedCount = 0;
  /** Per face triangle and edge (a-b, b-c, c-a): the face triangle across it, or -1. */
  private readonly across: Int32Array;
  private readonly flipped: Uint8Array;
  private readonly depth: Float32Array;
  private readonly sorted: Uint32Array;

  /**
   * `triangles`: vertex triples of the whole warp mesh; `faceIds`: the face-mesh triangles among them;
   * `restSign`: each triangle's winding in the photo (WarpMesh.restSign).
   */
  constructor(
    private readonly triangles: Uint32Array,
    faceIds: ArrayLike<number>,
    private readonly restSign: Int8Array,
  ) {
    this.sorted = Uint32Array.from(faceIds);
    this.order = new Uint32Array(faceIds.length);
    this.depth = new Float32Array(triangles.length / 3);
    this.flipped = new Uint8Array(triangles.length / 3);
    this.across = new Int32Array(triangles.length).fill(-1);
    const byEdge = new Map<number, number>();
    const key = (a: number, b: number) => Math.min(a, b) * 65536 + Math.max(a, b);
    for (const t of this.sorted) {
      for (let e = 0; e < 3; e++) {
        const k = key(triangles[t * 3 + e], triangles[t * 3 + ((e + 1) % 3)]);
        const other = byEdge.get(k);
        if (other === undefined) {
          byEdge.set(k, t * 3 + e);
        } else {
          this.across[t * 3 + e] = Math.floor(other / 3);
          this.across[other] = t;
        }
      }
    }
  }

  /**
   * The outline of the turned-away part after `update`: edges where a flipped triangle meets a
   * facing one or the face's border (the hair and background beyond). The picture changes
   * abruptly there and needs smoothing. Writes vertex pairs into `out`; returns how many edges.
   */
  silhouetteEdges(out: Uint32Array): number {
    const tris = this.triangles;
    let count = 0;
    for (let i = 0; i < this.flippedCount; i++) {
      const t = this.order[i];
      for (let e = 0; e < 3; e++) {
        const other = this.across[t * 3 + e];
        if ((other >= 0 && this.flipped[other]) || count * 2 + 1 >= out.length) continue;
        out[count * 2] = tris[t * 3 + e];
        out[count * 2 + 1] = tris[t * 3 + ((e + 1) % 3)];
        count++;
      }
    }
    return count;
  }

  /** `pointsPx`: the frame's mesh points ([x, y]); `vertexDepthCm`: camera depth of each face landmark. */
  update(pointsPx: ArrayLike<number>, vertexDepthCm: ArrayLike<number>): void {
    const tris = this.triangles;
    const depth = this.depth;
    const sorted = this.sorted;
    for (const t of sorted) depth[t] = vertexDepthCm[tris[t * 3]] + vertexDepthCm[tris[t * 3 + 1]] + vertexDepthCm[tris[t * 3 + 2]];
    // Insertion sort: the order changes little from one frame to the next, so this is about linear.
    for (let i = 1; i < sorted.length; i++) {
      const t = sorted[i];
      const key = depth[t];
      let j = i - 1;
      while (j >= 0 && depth[sorted[j]] > key) {
        sorted[j + 1] = sorted[j];
        j--;
      }
      sorted[j + 1] = t;
    }
    let flipped = 0;
    let facing = sorted.length - 1;
    // Nearest first: facing triangles fill the order from its end (so they end up far to near),
    // flipped ones from its start (near to far, reversed below).
    for (let i = sorted.length - 1; i >= 0; i--) {
      const t = sorted[i];
      // A triangle with no area in the photo (closed lips) has no side to flip to.
      const isFlipped = this.restSign[t] !== 0 && !(signedArea(pointsPx, tris[t * 3], tris[t * 3 + 1], tris[t * 3 + 2]) * this.restSign[t] > 0);
      this.flipped[t] = isFlipped ? 1 : 0;
      if (isFlipped) this.order[flipped++] = t;
      else this.order[facing--] = t;
    }
    this.flippedCount = flipped;
    this.order.subarray(0, flipped).reverse();
  }
}
