import { assetInUse } from './document-edits';
import type { StudioState } from './studio-state';

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

export function snapToFrame(timeSec: number, fps: number): number {
  return Math.round(timeSec * fps) / fps;
}

/** Frame index and count at the playhead, for components. */
export function playheadFrame(state: StudioState): { frameIndex: number; frameCount: number; fps: number } {
  const fps = state.document?.settings.fps ?? 30;
  const frameCount = frameCountOf(timelineDurationSec(state), fps);
  return { frameIndex: frameIndexAt(state.session.playheadTimeSec, fps, frameCount), frameCount, fps };
}

/**
 * Snaps a dragged time: to a marker or the playhead within `snapPx`, else to the frame grid.
 * `free` (Shift held) turns snapping off.
 */
export function snapDragTime(timeSec: number, options: { fps: number; pxPerSec: number; targetsSec: readonly number[]; free: boolean; snapPx?: number }): number {
  const clamped = Math.max(0, timeSec);
  if (options.free) return clamped;
  const snapSec = (options.snapPx ?? 6) / options.pxPerSec;
  let best: number | null = null;
  for (const target of options.targetsSec) {
    if (Math.abs(target - clamped) <= snapSec && (best === null || Math.abs(target - clamped) < Math.abs(best - clamped))) best = target;
  }
  return best ?? snapToFrame(clamped, options.fps);
}
