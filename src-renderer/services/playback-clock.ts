import { frameIndexAt } from '../../src-shared/project/derived';

/** Where the playhead was at a moment, and how it moves from there: enough to know the frame at any later moment. */
export interface PlaybackClock {
  /** The playhead (seconds) at `atMs`. */
  readonly timeSec: number;
  /** ms since the epoch (epoch-time.ts), comparable across the page and its workers. */
  readonly atMs: number;
  /** Signed speed: 1 real time, -1 backwards, 2 twice as fast. */
  readonly rate: number;
  readonly fps: number;
  readonly frameCount: number;
}

/** The frame under the playhead at `nowMs`, by the one frame formula (derived.ts frameIndexAt). */
export function clockFrameAt(clock: PlaybackClock, nowMs: number): number {
  return frameIndexAt(clock.timeSec + (clock.rate * (nowMs - clock.atMs)) / 1000, clock.fps, clock.frameCount);
}

