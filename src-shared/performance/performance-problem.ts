import { missingRuns } from './bridge-missing.js';

/** The longest run of frames without a face that is bridged; a longer one is refused. */
export const MAX_FACE_GAP_SEC = 2;

/**
 * Why a tracked source cannot drive a photo (a sentence naming `label` and what to do), or null:
 * no face in any frame, or a face lost for longer than MAX_FACE_GAP_SEC. `frames` holds null
 * where no face was found, at `fps`.
 */
export function performanceProblem(frames: readonly unknown[], fps: number, label: string): string | null {
  if (frames.length === 0) return `${label} has no frames to track. Choose a video of a face.`;
  const runs = missingRuns(frames);
  if (runs.length === 1 && runs[0].frameCount === frames.length) {
    return `${label} shows no face the studio can find in any of its ${frames.length} frames. Use a video with one face looking roughly at the camera, well lit.`;
  }
  const longest = runs.reduce((a, b) => (b.frameCount > a.frameCount ? b : a), { startFrame: 0, frameCount: 0 });
  const gapSec = longest.frameCount / fps;
  if (gapSec > MAX_FACE_GAP_SEC) {
    const from = (longest.startFrame / fps).toFixed(1);
    return `${label} loses the face for ${gapSec.toFixed(1)} s (from ${from} s); gaps of up to ${MAX_FACE_GAP_SEC} s are bridged. Trim the video or choose one where the face stays in view.`;
  }
  return null;
}

/** What the user is told about bridged frames ("3 frames without a face (at 1.2 s, ...) were bridged"), or null. */
export function bridgedFramesNote(frames: readonly unknown[], fps: number, label: string): string | null {
  const runs = missingRuns(frames);
  if (runs.length === 0) return null;
  const total = runs.reduce((s, r) => s + r.frameCount, 0);
  const where = runs.slice(0, 5).map((r) => `${(r.startFrame / fps).toFixed(1)} s`).join(', ');
  return `${label}: ${total} of ${frames.length} frames showed no face and were bridged (at ${where}${runs.length > 5 ? ', ...' : ''}).`;
}
