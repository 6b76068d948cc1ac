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

/** Frame index and count at the playhead, for components. */
export function playheadFrame(state: StudioState): { frameIndex: number; frameCount: number; fps: number } {
  const fps = state.document?.settings.fps ?? 30;
  const frameCount = timelineFrameCount(state);
  return { frameIndex: frameIndexAt(state.session.playheadTimeSec, fps, frameCount), frameCount, fps };
}
