import { POSE_IMAGE_CONNECTIONS } from '../../src-shared/face/pose-image-connections';
import { LANDMARK_COUNT } from '../../src-shared/face/topology';

/** Skin of the shaded surface (linear-ish RGB 0..1): a neutral clay that shows the light. */
const SKIN_RGB = [0.78, 0.72, 0.66] as const;

/**
 * Per-vertex RGB (0..1) of the shaded face surface: clay, with the lip vertices in the colours
 * AniPortrait's pose image gives their contours (its BGR tuples reversed), so the lips read as
 * they do in the pose image.
 */
export const FACE_SURFACE_COLORS: Float32Array = (() => {
  const colors = new Float32Array(LANDMARK_COUNT * 3);
  for (let i = 0; i < LANDMARK_COUNT; i++) colors.set(SKIN_RGB, i * 3);
  for (const group of POSE_IMAGE_CONNECTIONS) {
    if (!group.name.startsWith('LIPS_')) continue;
    const rgb = [group.color[2] / 255, group.color[1] / 255, group.color[0] / 255];
    for (const [a, b] of group.edges) {
      colors.set(rgb, a * 3);
      colors.set(rgb, b * 3);
    }
  }
  return colors;
})();
