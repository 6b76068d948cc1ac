import { assetInUse } from '../../src-shared/edits/document-edits';
import type { StudioState } from './studio-state';

// Snapping is pure editing code (src-shared/edits/snapping); re-exported for existing importers.
export { snapDragTime, snapToFrame } from '../../src-shared/edits/snapping';

/** What the timeline spans before any audio is imported. */
export const EMPTY_TIMELINE_SEC = 10;

/** Length of the project: its audio (the video has ceil(duration x fps) frames), else the generated track. */
export function timelineDurationSec(state: StudioState): number {
  const audio = state.document === null ? null : assetInUse(state.document, 'audio');
  if (audio?.media.kind === 'audio') return audio.media.durationSec;
  const generated = state.ephemeral.generated;
  return generated !== null ? generated.track.frameCount / generated.track.fps : EMPTY_TIMELINE_SEC;
}

export function frameCountOf(durationSec: number, fps: number): number {
  return Math.max(1, Math.ceil(durationSec * fps - 1e-6));
}

/** The frame shown at `timeSec`: frame k covers [k / fps, (k + 1) / fps). */
export function frameIndexAt(timeSec: number, fps: number, frameCount: number): number {
  return Math.min(frameCount - 1, Math.max(0, Math.floor(timeSec * fps + 1e-6)));
}

/** Frame index and count at the playhead, for components. */
export function playheadFrame(state: StudioState): { frameIndex: number; frameCount: number; fps: number } {
  const fps = state.document?.settings.fps ?? 30;
  const frameCount = frameCountOf(timelineDurationSec(state), fps);
  return { frameIndex: frameIndexAt(state.session.playheadTimeSec, fps, frameCount), frameCount, fps };
}
