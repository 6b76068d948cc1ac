import { stat } from 'node:fs/promises';
import type { TrackedVideo } from '../../face/track-video-faces.js';
import { trackVideoFaces } from '../../face/track-video-faces.js';
import { toStudioFsError } from '../../util/fs-errors.js';

let latest: { readonly key: string; readonly value: Promise<TrackedVideo> } | undefined;

/**
 * The performance video's tracked faces, remembered for the last video (by path, size, change
 * time, fps and frame count): changing a part's strength or toggle re-derives the track without
 * tracking the video again. A failed or cancelled tracking is not kept.
 */
export async function trackedVideo(path: string, label: string, fps: number, frameCount: number, signal: AbortSignal | undefined, onFrame: (done: number) => void): Promise<TrackedVideo> {
  let facts;
  try {
    facts = await stat(path);
  } catch (error) {
    throw toStudioFsError(error, label.replace(/^The /, 'the '));
  }
  const key = JSON.stringify([path, facts.size, facts.mtimeMs, fps, frameCount]);
  if (latest?.key !== key) {
    const value = trackVideoFaces(path, label, { fps, maxFrames: frameCount, signal, onFrame });
    latest = { key, value };
    value.catch(() => {
      if (latest?.key === key) latest = undefined;
    });
  }
  return latest.value;
}
