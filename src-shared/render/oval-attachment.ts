/**
 * Where the helper-ring triangles attach to the face. A face turned a little in the photo overlaps
 * itself there: the cheek in front covers the face oval's landmarks on that side (ref_jijin's left
 * cheek lies up to 12 px beyond her oval), so the photo's pixels between the oval and the cheek's
 * outline belong to both the cheek and the ring triangles outside the oval. When a turn moves the
 * cheek and the oval apart, those pixels showed twice: a light rim of skin down the cheek's outline.
 * So each ring triangle's corner at an oval landmark is its own point, at the landmark's rest
 * position, moving with the face surface the photo shows there (the nearest face triangle covering
 * it): the ring then continues the cheek's outline. Where nothing covers the oval landmark, and
 * above the eyes (where the hair lies over the temple), it is the landmark itself.
 */
export interface OvalAttachments {
  /** Per attachment: three face landmarks... */
  readonly corners: Int32Array;
  /** ... and their barycentric weights (at rest they give the landmark's rest position). */
  readonly weights: Float32Array;
  /** ... and the direction out of the face at the landmark (unit [x, y] pairs, from the oval's centre at rest). */
  readonly outward: Float32Array;
}

/** The outer eye corners (right, left). */
const EYE_OUTER_CORNERS = [33, 263] as const;

/** Barycentric weights of point p in the triangle (a, b, c), or undefined when it has no area. */
function barycentric(px: number, py: number, ax: number, ay: number, bx: number, by: number, cx: number, cy: number): [number, number, number] | undefined {
  const d = (bx - ax) * (cy - ay) - (cx - ax) * (by - ay);
  if (Math.abs(d) < 1e-9) return undefined;
  const u = ((px - ax) * (cy - ay) - (cx - ax) * (py - ay)) / d;
  const v = ((bx - ax) * (py - ay) - (px - ax) * (by - ay)) / d;
  return [1 - u - v, u, v];
}

/** Inside by at least this much (barycentric weight): a landmark on a triangle's edge is not covered by it. */
const INSIDE = 1e-3;

/**
 * The attachments of the `oval` landmarks. `restPx`: the face landmarks at rest ([x, y] pairs);
 * `faceTriangles`: the face mesh; `restDepthCm`: each landmark's camera depth at rest (larger is
 * nearer the camera, as cameraDepths gives it). Without depths every attachment is its landmark.
 */
export function ovalAttachments(restPx: ArrayLike<number>, faceTriangles: Uint32Array, oval: readonly number[], restDepthCm?: ArrayLike<number>): OvalAttachments {
  const corners = new Int32Array(oval.length * 3);
  const weights = new Float32Array(oval.length * 3);
  const outward = new Float32Array(oval.length * 2);
  let centreX = 0;
  let centreY = 0;
  for (const v of oval) {
    centreX += restPx[v * 2] / oval.length;
    centreY += restPx[v * 2 + 1] / oval.length;
  }
  // The line through the outer eye corners, its normal pointing down the face.
  const [r, l] = EYE_OUTER_CORNERS;
  const eyeX = restPx[r * 2];
  const eyeY = restPx[r * 2 + 1];
  const downX = -(restPx[l * 2 + 1] - eyeY);
  const downY = restPx[l * 2] - eyeX;
  const down = downY >= 0 ? 1 : -1;
  oval.forEach((v, k) => {
    corners.set([v, v, v], k * 3);
    weights.set([1, 0, 0], k * 3);
    const px = restPx[v * 2];
    const py = restPx[v * 2 + 1];
    const length = Math.hypot(px - centreX, py - centreY) || 1;
    outward.set([(px - centreX) / length, (py - centreY) / length], k * 2);
    // Above the eyes the hair lies over the temple: what the photo shows at the oval there is the hair, not the skin in front of the oval.
    if (!restDepthCm || ((px - eyeX) * downX + (py - eyeY) * downY) * down <= 0) return;
    // The landmark's own surface: its depth. A triangle in front of it that covers it is what the photo shows there.
    let nearestDepth = restDepthCm[v];
    for (let t = 0; t < faceTriangles.length; t += 3) {
      const [a, b, c] = [faceTriangles[t], faceTriangles[t + 1], faceTriangles[t + 2]];
      if (a === v || b === v || c === v) continue;
      const w = barycentric(px, py, restPx[a * 2], restPx[a * 2 + 1], restPx[b * 2], restPx[b * 2 + 1], restPx[c * 2], restPx[c * 2 + 1]);
      if (!w || w[0] < INSIDE || w[1] < INSIDE || w[2] < INSIDE) continue;
      const depth = w[0] * restDepthCm[a] + w[1] * restDepthCm[b] + w[2] * restDepthCm[c];
      if (depth <= nearestDepth) continue;
      nearestDepth = depth;
      corners.set([a, b, c], k * 3);
      weights.set(w, k * 3);
    }
  });
  return { corners, weights, outward };
}

/**
 * Writes each attachment's position from the frame's face landmarks (`landmarksPx`) into `out`, as
 * points `first`, `first + 1`, ...: up to `share` of the way from its oval landmark to where the
 * surface in front carries it (0: the landmark itself). Only as far as that point lies inside the
 * oval landmark: on the near side of a turn the oval comes out from behind the cheek and the ring
 * follows the cheek's outline; on the far side the oval slides behind the cheek, which covers the
 * ring there, and the ring stays on the oval.
 */
export function placeAttachments(attachments: OvalAttachments, oval: readonly number[], landmarksPx: ArrayLike<number>, out: Float32Array, first: number, share: number): void {
  const { corners, weights, outward } = attachments;
  for (let k = 0; k < oval.length; k++) {
    const v = oval[k];
    let dx = -landmarksPx[v * 2];
    let dy = -landmarksPx[v * 2 + 1];
    for (let j = 0; j < 3; j++) {
      const i = corners[k * 3 + j];
      dx += weights[k * 3 + j] * landmarksPx[i * 2];
      dy += weights[k * 3 + j] * landmarksPx[i * 2 + 1];
    }
    const length = Math.hypot(dx, dy);
    const inward = length > 0 ? Math.max(0, -(dx * outward[k * 2] + dy * outward[k * 2 + 1]) / length) : 0;
    out[(first + k) * 2] = landmarksPx[v * 2] + dx * share * inward;
    out[(first + k) * 2 + 1] = landmarksPx[v * 2 + 1] + dy * share * inward;
  }
}

/**
 * How far the attachments follow the surface in front at a yaw of `yawDeg`: in proportion to
 * |sin yaw|, fully from 30 degrees. A turn moves the cheek and the oval apart across the face;
 * with no yaw (pitch, roll, talking) the ring stays on the oval, as the hair there moves with it.
 */
export function attachmentShare(yawDeg: number): number {
  return Math.min(1, Math.abs(Math.sin((yawDeg * Math.PI) / 180)) / 0.5);
}
