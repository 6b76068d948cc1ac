import type { TrackedFace } from '../../src-shared/performance/performance-track.js';
import { decodeVideoFrames } from '../media/decode-video-frames.js';
import { probeVideo } from '../media/probe-media.js';
import { buildRig } from './analyze-photo.js';
import { detectFaces, largestFace } from './human-face-mesh.js';

export interface TrackedVideo {
  /** Per decoded frame (at the requested fps) the largest face's geometry, or null where none was found. */
  readonly frames: (TrackedFace | null)[];
  readonly widthPx: number;
  readonly heightPx: number;
  /** The source has no constant frame rate; its frames were resampled to the requested fps. */
  readonly variableFrameRate: boolean;
}

/**
 * Tracks the face through a video's frames at `fps` (ffmpeg resamples, so a variable frame rate
 * source gives evenly spaced frames): the built-in face mesh on each frame, then the geometry
 * pipeline (buildRig), whose lmks3dCm is the face with its head pose removed.
 */
export async function trackVideoFaces(
  path: string,
  label: string,
  options: { readonly fps: number; readonly maxFrames?: number; readonly signal?: AbortSignal; readonly onFrame?: (framesDone: number) => void },
): Promise<TrackedVideo> {
  const facts = await probeVideo(path, label);
  const frames: (TrackedFace | null)[] = [];
  let size = { widthPx: 0, heightPx: 0 };
  await decodeVideoFrames(path, label, { fps: options.fps, maxFrames: options.maxFrames, signal: options.signal }, async (rgb, _index, format) => {
    size = format;
    const face = largestFace(await detectFaces(rgb, format.widthPx, format.heightPx));
    if (face) {
      const rig = buildRig(face.mesh, format.widthPx, format.heightPx);
      frames.push({ lmks3dCm: rig.lmks3dCm, transMat: rig.transMat });
    } else frames.push(null);
    options.onFrame?.(frames.length);
  });
  return { frames, ...size, variableFrameRate: facts.variableFrameRate };
}
