import type { StudioStore } from './studio-store';
import { setPlayhead, setStatus } from './store-updates';
import { frameStartSec, snapToFrame } from '../../src-shared/edits/snapping';
import { timelineFrameCount } from './timeline-math';
import { loopWrap, withinLoop } from '../../src-shared/edits/loop-edits';

/** How much audio a scrub step plays, seconds. */
export const SCRUB_SLICE_SEC = 0.08;

/** Fastest shuttle speed: J and L double the speed up to this many times real time. */
export const MAX_SHUTTLE_RATE = 8;

/**
 * Plays the project in the page. Forward, the audio plays (at 2x, 4x, 8x faster when shuttled)
 * and drives the playhead (audio.currentTime read on every animation frame), so preview and sound
 * stay in step. Backwards there is no sound, as in animation tools: a clock steps the playhead
 * frame by frame at the project's fps (times the speed), and the preview shows those frames. Where
 * the browser refuses to play the audio (no audio device, autoplay rules), the clock drives the
 * playhead forward too, silently.
 */
export class PlaybackController {
  private audio: HTMLAudioElement | null = null;
  private frameRequest = 0;
  /** For clock-driven playback: performance.now() at the start, and the playhead then. */
  private clock: { startMs: number; fromSec: number } | null = null;
  /** Counts starts and stops, so an audio.play() that settles after a newer one is ignored. */
  private run = 0;
  /** The timer that ends a scrub's audio slice. */
  private sliceTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly store: StudioStore) {}

  /** The project's audio as a Blob URL (use-audio-source.ts), or null when it has none. */
  setAudioUrl(url: string | null): void {
    this.pause();
    this.audio?.removeAttribute('src');
    this.audio = url === null ? null : new Audio(url);
    if (this.audio !== null) this.audio.preload = 'auto';
  }

  isPlaying(): boolean {
    return this.store.getState().ephemeral.playing;
  }

  /** Signed speed while playing (negative: backwards); 1 when stopped. */
  rate(): number {
    return this.store.getState().ephemeral.playbackRate;
  }

  /** Space: pause, or play forward at normal speed. */
  toggle(): void {
    if (this.isPlaying()) this.pause();
    else this.play(1);
  }

  /**
   * J (direction -1) and L (+1), as in video editors: starts playing that way at normal speed;
   * pressed again while playing that way, doubles the speed (up to MAX_SHUTTLE_RATE); pressed
   * while playing the other way, turns round at normal speed.
   */
  shuttle(direction: 1 | -1): void {
    const current = this.isPlaying() ? this.rate() : 0;
    const rate = Math.sign(current) === direction ? direction * Math.min(MAX_SHUTTLE_RATE, Math.abs(current) * 2) : direction;
    this.play(rate);
  }

  /** Plays at `rate` (1 real time, negative backwards) from the playhead; while playing, changes speed. */
  play(rate = 1): void {
    const state = this.store.getState();
    if (state.document === null || rate === 0) return;
    if (this.isPlaying() && rate === this.rate()) return;
    this.stopDriving();
    const endSec = this.endSec();
    const atSec = state.session.playheadTimeSec;
    // At the end, playing forward starts over, as media players do; at the start, backwards from the end.
    let fromSec = rate > 0 ? (atSec >= endSec - 1e-3 ? 0 : atSec) : atSec <= 1e-3 ? endSec : atSec;
    // With the loop on, playback starts inside it.
    const loop = state.document.loop;
    if (loop?.enabled === true && (fromSec < loop.inSec || fromSec > loop.outSec)) fromSec = rate > 0 ? loop.inSec : loop.outSec;
    this.store.update((s) => setPlayhead({ ...s, ephemeral: { ...s.ephemeral, playing: true, playbackRate: rate } }, fromSec));
    const audio = this.audio;
    if (rate < 0 || audio === null) {
      this.startClock(fromSec);
      return;
    }
    audio.currentTime = fromSec;
    audio.playbackRate = rate;
    const run = this.run;
    audio.play().then(
      () => {
        if (run === this.run) this.tick();
      },
      (error: unknown) => {
        if (run !== this.run || !this.isPlaying()) return;
        this.store.update((s) => setStatus(s, 'info', `Playing without sound: the browser would not play the audio (${error instanceof Error ? error.message : String(error)})`));
        this.startClock(fromSec);
      },
    );
  }

  /**
   * Stops where it is now (not at the last animation frame's playhead: the preview paints on its
   * own clock and may be a frame further); the playhead lands on the start of that frame.
   */
  pause(): void {
    const nowSec = this.isPlaying() ? this.liveTimeSec() : null;
    this.stopDriving();
    if (nowSec === null) return;
    const state = this.store.getState();
    const fps = state.document?.settings.fps ?? 30;
    const rate = this.rate();
    const wrappedSec = loopWrap(state.document?.loop ?? null, nowSec, rate);
    // Never behind the playhead already shown (audio time can lag the last reading by a little).
    const aheadSec = rate > 0 ? Math.max(nowSec, state.session.playheadTimeSec) : Math.min(nowSec, state.session.playheadTimeSec);
    const atSec = Math.min(this.endSec(), Math.max(0, wrappedSec ?? aheadSec));
    this.store.update((s) => ({
      ...s,
      ephemeral: { ...s.ephemeral, playing: false, playbackRate: 1 },
      session: { ...s.session, playheadTimeSec: frameStartSec(atSec, fps) },
    }));
  }

  /** The playhead of this moment: the clock's, or the audio's. */
  private liveTimeSec(): number {
    if (this.clock !== null) return this.clock.fromSec + (this.rate() * (performance.now() - this.clock.startMs)) / 1000;
    return this.audio?.currentTime ?? this.store.getState().session.playheadTimeSec;
  }

  /** Moves the playhead; playback carries on from there. */
  seek(timeSec: number): void {
    const clampedSec = Math.min(this.endSec(), Math.max(0, timeSec));
    this.store.update((s) => setPlayhead(s, clampedSec));
    if (!this.isPlaying()) return;
    if (this.clock !== null) this.clock = { startMs: performance.now(), fromSec: clampedSec };
    else if (this.audio !== null) this.audio.currentTime = clampedSec;
  }

  /**
   * A user scrub: playback stops, and the playhead lands on a frame. `audible` (a drag on the
   * ruler, the audio lane or the graph): with audio scrubbing on, a short slice of the audio
   * under the playhead is heard, as in video editors.
   */
  scrubTo(timeSec: number, audible = false): void {
    this.pause();
    const fps = this.store.getState().document?.settings.fps ?? 30;
    const snapped = snapToFrame(timeSec, fps);
    const moved = snapped !== this.store.getState().session.playheadTimeSec;
    this.seek(snapped);
    if (audible && moved && this.store.getState().ephemeral.audioScrub) this.playSlice(this.store.getState().session.playheadTimeSec);
  }

  private playSlice(timeSec: number): void {
    const audio = this.audio;
    if (audio === null) return;
    if (this.sliceTimer !== null) clearTimeout(this.sliceTimer);
    audio.currentTime = timeSec;
    audio.playbackRate = 1;
    const run = this.run;
    audio.play().catch(() => undefined);
    this.store.update((s) => ({ ...s, ephemeral: { ...s.ephemeral, scrubSlices: s.ephemeral.scrubSlices + 1 } }));
    this.sliceTimer = setTimeout(() => {
      this.sliceTimer = null;
      if (run === this.run && !this.isPlaying()) audio.pause();
    }, SCRUB_SLICE_SEC * 1000);
  }

  stepFrames(count: number): void {
    this.pause();
    const state = this.store.getState();
    const fps = state.document?.settings.fps ?? 30;
    const frame = Math.round(state.session.playheadTimeSec * fps) + count;
    this.seek(frame / fps);
  }

  /** Time of the last frame. */
  endSec(): number {
    const state = this.store.getState();
    const fps = state.document?.settings.fps ?? 30;
    return (timelineFrameCount(state) - 1) / fps;
  }

  private stopDriving(): void {
    this.run++;
    if (this.sliceTimer !== null) clearTimeout(this.sliceTimer);
    this.sliceTimer = null;
    cancelAnimationFrame(this.frameRequest);
    this.clock = null;
    this.audio?.pause();
  }

  private startClock(fromSec: number): void {
    this.clock = { startMs: performance.now(), fromSec };
    this.tick();
  }

  private tick = (): void => {
    if (!this.isPlaying()) return;
    const rate = this.rate();
    const endSec = this.endSec();
    const loop = this.store.getState().document?.loop ?? null;
    let timeSec = this.liveTimeSec();
    const wrapSec = loopWrap(loop, timeSec, rate);
    if (wrapSec !== null) {
      this.seek(wrapSec);
      this.frameRequest = requestAnimationFrame(this.tick);
      return;
    }
    timeSec = withinLoop(loop, timeSec);
    if (rate > 0 && (timeSec >= endSec || (this.clock === null && this.audio?.ended === true))) {
      this.pause();
      this.store.update((s) => setPlayhead(s, endSec));
      return;
    }
    if (rate < 0) {
      if (timeSec <= 0) {
        this.pause();
        this.store.update((s) => setPlayhead(s, 0));
        return;
      }
      // Backwards the playhead steps from frame to frame, at the project's fps times the speed.
      const fps = this.store.getState().document?.settings.fps ?? 30;
      timeSec = frameStartSec(timeSec, fps);
    }
    this.store.update((s) => setPlayhead(s, timeSec));
    this.frameRequest = requestAnimationFrame(this.tick);
  };
}
