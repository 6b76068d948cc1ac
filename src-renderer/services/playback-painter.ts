import type { PreviewFrame } from '../../src-shared/ipc/contract';
import { epochNowMs } from './epoch-time';
import type { PlaybackClock } from './playback-clock';
import { clockFrameAt } from './playback-clock';
import type { FrameDetail, FrameRequest } from './preview-frame-loader';

/** What the painter needs of the loader: its cache, its loads and its canvas. */
export interface PainterDeps {
  cached(frameIndex: number, targetWidthPx: number, detail: FrameDetail): PreviewFrame | undefined;
  isLoading(frameIndex: number, targetWidthPx: number, detail: FrameDetail): boolean;
  /** Asks for a frame; `answered` is called with the ms it took, when it came. */
  load(request: FrameRequest, detail: FrameDetail, answered: (roundTripMs: number) => void): void;
  show(frame: PreviewFrame, request: FrameRequest, detail: FrameDetail): void;
  /** Gives up the loads of frames `keep` says no to (frames the playhead has passed). */
  giveUpExcept(keep: (frameIndex: number) => boolean): void;
}

/** Frames asked for ahead of the playhead (beyond the lead), and how many of them may be in flight at once. */
const AHEAD_FRAMES = 6;
const MAX_IN_FLIGHT = 4;
/** A frame's round trip is guessed at this until one is measured; frames are asked for that long (times 1.5) before they are due. */
const INITIAL_ROUND_TRIP_MS = 60;
/** When the frame due has not come, the newest frame at most this many frames behind it is shown instead. */
const BEHIND_FRAMES = 3;
/**
 * The painter shows the frame of one frame interval ago: a stop (the page's pause, a message
 * away) then lands on or after the frame on screen, never behind it. 33 ms at 30 fps, within what
 * a viewer accepts of a picture behind its sound.
 */
const LAG_FRAMES = 1;
/** Full frames are given up for drafts when fewer than this share of the last frames due were there in time. */
const MIN_FULL_HIT_RATE = 0.5;
const HIT_WINDOW = 20;
/**
 * How long past the page's last word the clock is trusted: a page that stops sending (its audio
 * stalled, its thread stuck) holds the preview there rather than letting it run ahead. Long,
 * because on a busy machine the page's main thread, re-rendering the studio at each playhead
 * move, may move the playhead only a few times a second while the audio plays on in time.
 */
const MAX_EXTRAPOLATION_MS = 1000;

type Ticker = { cancel(): void };

/**
 * A 10 ms timer, not animation frames: a worker's animation frames follow the compositor, which
 * on a busy machine comes late, and the asking ahead must not wait for it (a paint is committed
 * when the task that made it ends).
 */
function nextTick(callback: () => void): Ticker {
  const id = setTimeout(callback, 10);
  return { cancel: () => clearTimeout(id) };
}

/**
 * Playback in the preview: the page says where the playhead was when and how fast it moves (a
 * PlaybackClock with each of its requests), and the painter, on its own animation frames, shows
 * the frame due at each moment and keeps the next AHEAD_FRAMES frames rendered ahead at full
 * detail. So the frames keep coming at the project's fps however busy the page's main thread is
 * with the rest of the studio (in the web host the painter runs in the preview worker). Frames
 * only move in the direction of play (until the playhead jumps). When full frames do not arrive
 * in time for most frames, it asks for drafts for the rest of this playback.
 */
export class PlaybackPainter {
  private clock: PlaybackClock | null = null;
  private request: FrameRequest | null = null;
  private ticker: Ticker | null = null;
  private shownFrame: number | null = null;
  private jumped = false;
  private detail: FrameDetail = 'full';
  private lastDue: number | null = null;
  private hits: boolean[] = [];
  /** Whether the page's playhead has been seen to move (audio may take a while to start): until then the clock stands. */
  private moving = false;
  /** Smoothed round trip of the frames asked for ahead (ms). */
  private roundTripMs = INITIAL_ROUND_TRIP_MS;

  constructor(private readonly deps: PainterDeps) {}

  playing(): boolean {
    return this.clock !== null;
  }

  /** Starts, or re-anchors the clock of, playback. */
  play(request: FrameRequest, clock: PlaybackClock): void {
    const previous = this.clock;
    if (previous === null) {
      this.shownFrame = null;
      this.detail = 'full';
      this.hits = [];
      this.lastDue = null;
      this.moving = false;
    } else {
      if (clock.timeSec !== previous.timeSec) this.moving = true;
      // The playhead went against the direction of play (a loop wrap, a seek): frames may go back.
      // An anchor merely behind this clock's guess (audio starting late) only holds the frame on screen.
      if (Math.sign(clock.rate) !== Math.sign(previous.rate) || Math.sign(clock.rate) * (clock.timeSec - previous.timeSec) < 0) this.jumped = true;
    }
    this.clock = clock;
    this.request = request;
    this.paintDue();
    this.ticker ??= nextTick(this.tick);
  }

  stop(): void {
    this.ticker?.cancel();
    this.ticker = null;
    this.clock = null;
    this.request = null;
  }

  /** A frame came: it may be the one due. */
  arrived(): void {
    if (this.clock !== null) this.paintDue();
  }

  private tick = (): void => {
    this.ticker = null;
    if (this.clock === null) return;
    this.paintDue();
    this.ticker = nextTick(this.tick);
  };

  private paintDue(): void {
    const clock = this.clock;
    const request = this.request;
    if (clock === null || request === null) return;
    const direction = clock.rate < 0 ? -1 : 1;
    const lagMs = (LAG_FRAMES * 1000) / clock.fps;
    const due = this.moving ? clockFrameAt(clock, Math.min(epochNowMs() - lagMs, clock.atMs + MAX_EXTRAPOLATION_MS)) : clockFrameAt(clock, clock.atMs);
    const { targetWidthPx } = request;
    const found = this.newestUpTo(due, direction, targetWidthPx);
    if (due !== this.lastDue) {
      this.lastDue = due;
      if (this.shownFrame !== null) this.countHit(found?.frameIndex === due && found.detail === 'full');
      // Frames the playhead has passed (further than a late frame may still be shown) are not worth the render.
      this.deps.giveUpExcept((frameIndex) => direction * (frameIndex - due) >= -BEHIND_FRAMES);
    }
    if (found !== undefined && (this.shownFrame === null || this.jumped || direction * (found.frameIndex - this.shownFrame) > 0)) {
      this.shownFrame = found.frameIndex;
      this.jumped = false;
      this.deps.show(found.frame, { ...request, frameIndex: found.frameIndex }, found.detail);
    }
    this.askAhead(clock, request, due);
  }

  /** The frame due, or failing that the newest frame at most BEHIND_FRAMES behind it; full detail first. */
  private newestUpTo(due: number, direction: number, targetWidthPx: number): { frameIndex: number; frame: PreviewFrame; detail: FrameDetail } | undefined {
    for (let back = 0; back <= BEHIND_FRAMES; back++) {
      const frameIndex = due - direction * back;
      if (this.shownFrame !== null && !this.jumped && direction * (frameIndex - this.shownFrame) <= 0) return undefined;
      const full = this.deps.cached(frameIndex, targetWidthPx, 'full');
      if (full !== undefined) return { frameIndex, frame: full, detail: 'full' };
      const draft = this.deps.cached(frameIndex, targetWidthPx, 'draft');
      if (draft !== undefined) return { frameIndex, frame: draft, detail: 'draft' };
    }
    return undefined;
  }

  /** Frames between two asked for: every frame at normal speed, every other at 2x, and so on. */
  private step(clock: PlaybackClock): number {
    return Math.max(1, Math.round(Math.abs(clock.rate)));
  }

  /**
   * Keeps the frames from one round trip (times 1.5) ahead of the playhead onwards asked for: a
   * frame asked for later than that would come after its time and never be shown.
   */
  private askAhead(clock: PlaybackClock, request: FrameRequest, due: number): void {
    const step = this.step(clock) * (clock.rate < 0 ? -1 : 1);
    const leadFrames = Math.ceil((1.5 * this.roundTripMs * clock.fps * Math.abs(clock.rate)) / 1000 / this.step(clock));
    let inFlight = 0;
    for (let i = 0; i <= leadFrames + AHEAD_FRAMES; i++) {
      const frameIndex = due + i * step;
      if (frameIndex < 0 || frameIndex >= clock.frameCount) break;
      if (this.deps.cached(frameIndex, request.targetWidthPx, 'full') !== undefined) continue;
      if (this.detail === 'draft' && this.deps.cached(frameIndex, request.targetWidthPx, 'draft') !== undefined) continue;
      if (this.deps.isLoading(frameIndex, request.targetWidthPx, 'full') || this.deps.isLoading(frameIndex, request.targetWidthPx, 'draft')) {
        inFlight++;
        continue;
      }
      // Frames closer than the lead would come too late (unless the playback just started: the first frames are wanted anyway).
      if (i < leadFrames && this.shownFrame !== null) continue;
      if (inFlight >= MAX_IN_FLIGHT) break;
      this.deps.load({ ...request, frameIndex }, this.detail, (ms) => {
        this.roundTripMs = 0.7 * this.roundTripMs + 0.3 * ms;
      });
      inFlight++;
    }
  }

  private countHit(hit: boolean): void {
    this.hits.push(hit);
    if (this.hits.length > HIT_WINDOW) this.hits.shift();
    const rate = this.hits.filter(Boolean).length / this.hits.length;
    if (this.detail === 'full' && this.hits.length >= HIT_WINDOW / 2 && rate < MIN_FULL_HIT_RATE) this.detail = 'draft';
  }
}
