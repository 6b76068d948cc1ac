import { POSE_LENGTH } from '../face/topology.js';

/**
 * Bounds of a usable head pose [rx, ry, rz (degrees), tx, ty, tz (cm)]. Past ±90 degrees the face
 * turns away from the camera; a translation of more than 25 cm moves the head out of the frame
 * or through the camera (the projection divides by depth). AniPortrait's pose_temp.npy stays
 * within ±6 degrees and ±1 cm.
 */
export const MAX_POSE_ROTATION_DEG = 90;
export const MAX_POSE_TRANSLATION_CM = 25;

const NAMES = ['rx', 'ry', 'rz', 'tx', 'ty', 'tz'] as const;

/**
 * What is wrong with the first unusable row of poses (n x 6, row-major), or null when all are
 * usable. `rowName` says what a row is to the user: a template's 'row', a track's 'frame'.
 */
export function firstBadPoseRow(poses: ArrayLike<number>, rowName: 'row' | 'frame' = 'row'): string | null {
  for (let i = 0; i < poses.length; i++) {
    const value = poses[i];
    const row = Math.floor(i / POSE_LENGTH);
    const column = i % POSE_LENGTH;
    const name = NAMES[column];
    const where = `${rowName} ${row} (counting from 0): ${name}`;
    if (!Number.isFinite(value)) return `${where} is ${String(value)}`;
    if (column < 3 && Math.abs(value) > MAX_POSE_ROTATION_DEG) return `${where} is ${value} degrees; rotations must be within ±${MAX_POSE_ROTATION_DEG}`;
    if (column >= 3 && Math.abs(value) > MAX_POSE_TRANSLATION_CM) return `${where} is ${value} cm; translations must be within ±${MAX_POSE_TRANSLATION_CM} cm`;
  }
  return null;
}
