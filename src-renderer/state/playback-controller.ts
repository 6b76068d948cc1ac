import type { StudioStore } from './studio-store';
import { setPlayhead, setStatus } from './store-updates';
import { frameCountOf, snapToFrame, timelineDurationSec } from './timeline-math';

/**
 * Plays the project's audio in the page and lets it drive the playhead (audio.currentTime read on
 * every animation frame), so preview and sound stay in step. Where the browser refuses to play
 * (no audio device, autoplay rules), a clock drives the playhead instead, silently in sound only.
 */
export class PlaybackController {
  private audio: HTMLAudioElement | null = null;
  private frameRequest = 0;
  /** For the clock fallback: performance.now() at the start, and the playhead then. */
  private clock: { startMs: number; fromSec: number } | null = null;

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

  toggle(): void {
    if (this.isPlaying()) this.pause();
    else this.play();
  }

  play(): void {
    const state = this.store.getState();
    if (state.document === null || this.isPlaying()) return;
    const endSec = this.endSec();
    // At the end, Play starts over, as media players do.
    const fromSec = state.session.playheadTimeSec >= endSec - 1e-3 ? 0 : state.session.playheadTimeSec;
    this.store.update((s) => setPlayhead({ ...s, ephemeral: { ...s.ephemeral, playing: true } }, fromSec));
    const audio = this.audio;
    if (audio === null) {
      this.startClock(fromSec);
      return;
    }
    audio.currentTime = fromSec;
    audio.play().then(
      () => this.tick(),
      (error: unknown) => {
        if (!this.isPlaying()) return;
        this.store.update((s) => setStatus(s, 'info', `Playing without sound: the browser would not play the audio (${error instanceof Error ? error.message : String(error)})`));
        this.startClock(fromSec);
      },
    );
  }

  /** Stops where it is; the playhead lands on the frame being shown. */
  pause(): void {
    cancelAnimationFrame(this.frameRequest);
    this.clock = null;
    this.audio?.pause();
    if (!this.isPlaying()) return;
    const fps = this.store.getState().document?.settings.fps ?? 30;
    this.store.update((s) => ({ ...s, ephemeral: { ...s.ephemeral, playing: false }, session: { ...s.session, playheadTimeSec: Math.floor(s.session.playheadTimeSec * fps + 1e-6) / fps } }));
  }

  /** Moves the playhead; playback carries on from there. */
  seek(timeSec: number): void {
    const clampedSec = Math.min(this.endSec(), Math.max(0, timeSec));
    this.store.update((s) => setPlayhead(s, clampedSec));
    if (!this.isPlaying()) return;
    if (this.clock !== null) this.clock = { startMs: performance.now(), fromSec: clampedSec };
    else if (this.audio !== null) this.audio.currentTime = clampedSec;
  }

  /** A user scrub: playback stops, and the playhead lands on a frame. */
  scrubTo(timeSec: number): void {
    this.pause();
    const fps = this.store.getState().document?.settings.fps ?? 30;
    this.seek(snapToFrame(timeSec, fps));
  }

  stepFrames(count: number): void {
    this.pause();
    const state = this.store.getState();
    const fps = state.document?.settings.fps ?? 30;
    const frame = Math.round(state.session.playheadTimeSec * fps) + count;
    this.seek(frame / fps);
  }

  jumpBy(deltaSec: number): void {
    this.seek(this.store.getState().session.playheadTimeSec + deltaSec);
  }

  /** Time of the last frame. */
  endSec(): number {
    const state = this.store.getState();
    const fps = state.document?.settings.fps ?? 30;
    return (frameCountOf(timelineDurationSec(state), fps) - 1) / fps;
  }

  private startClock(fromSec: number): void {
    this.clock = { startMs: performance.now(), fromSec };
    this.tick();
  }

  private tick = (): void => {
    if (!this.isPlaying()) return;
    const timeSec = this.clock !== null ? this.clock.fromSec + (performance.now() - this.clock.startMs) / 1000 : (this.audio?.currentTime ?? 0);
    const endSec = this.endSec();
    if (timeSec >= endSec || (this.clock === null && this.audio?.ended === true)) {
      this.pause();
      this.store.update((s) => setPlayhead(s, endSec));
      return;
    }
    this.store.update((s) => setPlayhead(s, timeSec));
    this.frameRequest = requestAnimationFrame(this.tick);
  };
}
