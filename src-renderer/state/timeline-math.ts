import { frameIndexAt, projectFrameCount } from '../../src-shared/project/derived';
import type { StudioState } from './studio-state';

/** What the timeline spans before any audio is imported. */
export const EMPTY_TIMELINE_SEC = 10;

/**
 * Frames of the project (derived.ts: from the audio's decoded samples), the same number the
 * track, the preview and the export have; without audio, the timeline's empty span.
 */
export function timelineFrameCount(state: StudioState): number {
  const fps = state.document?.settings.fps ?? 30;
  return (state.document === null ? null : projectFrameCount(state.document)) ?? Math.round(EMPTY_TIMELINE_SEC * fps);
}

/** Length of the timeline: its frames at the project's fps (the video's length). */
export function timelineDurationSec(state: StudioState): number {
  return timelineFrameCount(state) / (state.document?.settings.fps ?? 30);
}

export function snapToFrame(timeSec: number, fps: number): number {
  return Math.round(timeSec * fps) / fps;
}

/** Frame index and count at the playhead, for components. */
export function playheadFrame(state: StudioState): { frameIndex: number; frameCount: number; fps: number } {
  const fps = state.document?.settings.fps ?? 30;
  const frameCount = timelineFrameCount(state);
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
