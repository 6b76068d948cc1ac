import { POSE_IMAGE_CONNECTIONS } from '../../src-shared/face/pose-image-connections';

/** Scene units per cm of face space: a face (about 18 cm) stands about as tall as the placeholder head. */
export const SCENE_UNITS_PER_CM = 0.065;
/** Where the rest face's centre sits in the scene (as the placeholder's skull). */
export const HEAD_CENTRE: readonly [number, number, number] = [0, 1.1, 0];
/** Radius around HEAD_CENTRE that a drag grabs the head instead of orbiting (scene units). */
export const HEAD_GRAB_RADIUS = 0.75;

/** The 114 contour segments as vertex index pairs, flattened. */
export const CONTOUR_INDICES: Uint16Array = Uint16Array.from(POSE_IMAGE_CONNECTIONS.flatMap((group) => group.edges.flatMap(([a, b]) => [a, b])));

/** Per-vertex RGB (0..1) of the contour segments: AniPortrait's BGR tuples reversed. */
export const CONTOUR_COLORS: Float32Array = Float32Array.from(
  POSE_IMAGE_CONNECTIONS.flatMap((group) => {
    const rgb = [group.color[2] / 255, group.color[1] / 255, group.color[0] / 255];
    return group.edges.flatMap(() => [...rgb, ...rgb]);
  }),
);

/** Where the head group sits so the rest face's centre lands on HEAD_CENTRE (scene units; the group scales face space by SCENE_UNITS_PER_CM). */
export function headOffset(restCm: Float32Array): [number, number, number] {
  const [cx, cy, cz] = centroid(restCm);
  return [HEAD_CENTRE[0] - cx * SCENE_UNITS_PER_CM, HEAD_CENTRE[1] - cy * SCENE_UNITS_PER_CM, HEAD_CENTRE[2] - cz * SCENE_UNITS_PER_CM];
}

/** Mean of the x, y, z triples. */
export function centroid(pointsCm: Float32Array): [number, number, number] {
  const sum = [0, 0, 0];
  const count = pointsCm.length / 3;
  for (let i = 0; i < pointsCm.length; i += 3) {
    sum[0] += pointsCm[i];
    sum[1] += pointsCm[i + 1];
    sum[2] += pointsCm[i + 2];
  }
  return [sum[0] / count, sum[1] / count, sum[2] / count];
}
