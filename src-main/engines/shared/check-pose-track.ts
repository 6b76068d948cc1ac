import { firstBadPoseRow } from '../../../src-shared/motion/pose-row-check.js';
import { StudioError } from '../../../src-shared/util/result.js';

/**
 * Before rendering: every frame's head pose must project (finite, within the bounds of
 * pose-row-check.ts). A NaN pose renders black frames; this says which frame instead.
 */
export function assertUsablePoseTrack(poses: ArrayLike<number>): void {
  const bad = firstBadPoseRow(poses, 'frame');
  if (bad) {
    throw new StudioError('invalid-request', `The head motion cannot be rendered: ${bad}. Check the pose source and the head keyframes.`);
  }
}
