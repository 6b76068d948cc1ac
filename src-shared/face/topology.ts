/** MediaPipe face-mesh topology sizes shared by every engine. */

/** 468 mesh vertices + 10 iris points. */
export const LANDMARK_COUNT = 478;
/** The canonical mesh that AniPortrait's audio2mesh predicts offsets for (no iris points). */
export const MESH_VERTEX_COUNT = 468;
/** Pose vector per frame: Euler x, y, z in degrees (scipy extrinsic 'xyz'), translation x, y, z in cm. */
export const POSE_LENGTH = 6;
