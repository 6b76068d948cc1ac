import type { PreviewFrame } from '../../src-shared/ipc/contract';
import type { StudioApi } from '../../src-shared/ipc/studio-api';
import type { ProjectDocument } from '../../src-shared/project/project-schema';
import { LruCache } from '../../src-shared/util/lru-cache';
import { previewRenderKey } from '../../src-shared/project/derived';
import { randomId } from '../../src-shared/util/ids';
import type { Result, StudioErrorInfo } from '../../src-shared/util/result';
import type { PlaybackClock } from './playback-clock';
import { PlaybackPainter } from './playback-painter';
import { epochNowMs } from './epoch-time';
import { TypedEmitter } from './typed-emitter';

/** A quick low-resolution frame shown first, or the frame at the size it is shown at. */
export type FrameDetail = 'draft' | 'full';

export interface FrameRequest {
  readonly frameIndex: number;
  /** Width (device px) the frame is shown at; the service renders at about that size, at most the output size. */
  readonly targetWidthPx: number;
  /** True while playback moves the playhead. */
  readonly playing: boolean;
  /**
   * While playing: where the playhead was when (and how fast it moves). The loader then paints
   * frames on its own clock and renders ahead of the playhead at the playback rate; without a
   * clock it shows drafts of the frames asked for.
   */
  readonly clock?: PlaybackClock;
  /** When the page asked (ms since the epoch), for the latency trace. */
  readonly askedAtMs?: number;
}

/** Stage times of a shown frame (ms since the epoch): asked by the page, taken by the loader, sent to and answered by the services. */
export interface FrameTiming {
  readonly askedAtMs: number;
  readonly acceptedAtMs: number;
  readonly sentAtMs: number;
  readonly answeredAtMs: number;
}

export interface ShownFrame {
  readonly frame: PreviewFrame;
  readonly request: FrameRequest;
  readonly detail: FrameDetail;
  /** For frames that came from the services for this request; absent for cached ones. */
  readonly timing?: FrameTiming;
}

/** Bytes of frames kept in the page for scrubbing back and forth (48 frames of 512 x 512). */
const CACHE_BUDGET_BYTES = 48 * 512 * 512 * 4;

/**
 * Drafts have a quarter of the full frame's width and height: a sixteenth of the pixels to render,
 * send and paint (at 512 x 512, 64 KiB instead of 1 MiB), so the first paint of a frame is quick.
 */
const DRAFT_DIVISOR = 4;

/** The document frames are asked for, as the services know it: sent once per change, then named by revision. */
interface PreviewedDocument {
  readonly workDir: string;
  readonly document: ProjectDocument;
  readonly revision: number;
  /** derived.ts previewRenderKey: the same pixels for the same key, whatever the revision. */
  readonly renderKey: string;
  /** The set-document call, once it was made: every frame request of this revision waits for it. */
  sent: Promise<Result<unknown>> | null;
}

/** A frame asked of the services and not answered yet. */
interface Load {
  readonly frameIndex: number;
  readonly detail: FrameDetail;
  readonly done: Promise<Result<PreviewFrame>>;
  readonly abort: AbortController;
}

export interface LoaderOptions {
  /**
   * Whether a frame no longer wanted is given up (the web host's socket carries cancels, so the
   * host skips the render and its bytes never queue in front of the next frame's); Electron's
   * IPC cannot carry a signal across the preload bridge.
   */
  readonly cancellable?: boolean;
}

/**
 * Asks the services for preview frames, progressively. A frame not seen before comes first as a
 * draft (a quarter of the width), with the full frame asked for right behind it. While a draft is
 * in flight, newer requests replace each other and only the latest is sent next, so a drag never
 * queues up frames already passed; a full frame still in flight for a frame the user has left is
 * given up, not waited for. Recent frames are kept here too, so scrubbing back over them needs no
 * round trip. During playback (requests with a clock) the playback painter paints frames on its
 * own clock and renders full frames ahead of the playhead (playback-painter.ts).
 */
export class PreviewFrameLoader {
  /** This preview's name towards the services; revisions count its documents. */
  private readonly previewId = randomId('preview');
  private current: PreviewedDocument | null = null;
  /** Frames asked for and not answered, by cache key. */
  private readonly loads = new Map<string, Load>();
  /** The draft (or lone full frame) of the last scrub request sent; newer requests wait for it. */
  private head: Promise<unknown> | null = null;
  private pending: { readonly request: FrameRequest; readonly seq: number } | null = null;
  /** Requests are numbered; a frame older than the one on screen is never shown over it. */
  private lastSeq = 0;
  private shownSeq = 0;
  private shown: { readonly frame: PreviewFrame; readonly detail: FrameDetail; readonly seq: number } | null = null;
  private readonly cache = new LruCache<string, PreviewFrame>(CACHE_BUDGET_BYTES, (frame) => frame.rgba.byteLength);
  private readonly frames = new TypedEmitter<ShownFrame>();
  private readonly errors = new TypedEmitter<StudioErrorInfo>();
  private readonly painter: PlaybackPainter;
  private readonly cancellable: boolean;

  constructor(
    private readonly studio: StudioApi,
    options: LoaderOptions = {},
  ) {
    this.cancellable = options.cancellable ?? false;
    this.painter = new PlaybackPainter({
      cached: (frameIndex, targetWidthPx, detail) => this.cache.get(this.keyOf(frameIndex, targetWidthPx, detail)),
      isLoading: (frameIndex, targetWidthPx, detail) => this.loads.has(this.keyOf(frameIndex, targetWidthPx, detail)),
      load: (request, detail, answered) => {
        const sentAtMs = epochNowMs();
        void this.load(request, detail, ++this.lastSeq, sentAtMs, false).then((result) => {
          if (result.ok) answered(epochNowMs() - sentAtMs);
        });
      },
      show: (frame, request, detail) => this.show(frame, request, ++this.lastSeq, detail),
      giveUpExcept: (keep) => this.giveUpLoads((load) => !keep(load.frameIndex)),
    });
  }

  onFrame(listener: (shown: ShownFrame) => void): () => void {
    return this.frames.on(listener);
  }

  onError(listener: (error: StudioErrorInfo) => void): () => void {
    return this.errors.on(listener);
  }

  /** The document to show from now on; sent to the services with the next frame request, once. */
  setDocument(workDir: string, document: ProjectDocument): void {
    if (this.current?.document === document && this.current.workDir === workDir) return;
    this.current = { workDir, document, revision: (this.current?.revision ?? 0) + 1, renderKey: previewRenderKey(document), sent: null };
  }

  request(request: FrameRequest): void {
    if (this.current === null) return;
    if (request.playing && request.clock !== undefined) {
      this.pending = null;
      this.painter.play(request, request.clock);
      return;
    }
    this.painter.stop();
    this.submit(request, ++this.lastSeq, epochNowMs());
  }

  /** Stops the playback painter's clock (the surface goes away). */
  dispose(): void {
    this.painter.stop();
    this.giveUpLoads(() => true);
  }

  private submit(request: FrameRequest, seq: number, acceptedAtMs: number): void {
    const { frameIndex, targetWidthPx } = request;
    // Full frames in flight for another frame than this one are not wanted any more (a draft
    // in flight is let through: during a drag, that is what shows the frames along the way).
    this.giveUpLoads((load) => load.frameIndex !== frameIndex && load.detail === 'full');
    const full = this.cache.get(this.keyOf(frameIndex, targetWidthPx, 'full'));
    if (full !== undefined) {
      // A frame ready to show supersedes whatever was waiting to be sent.
      this.pending = null;
      this.show(full, request, seq, 'full');
      return;
    }
    const draft = this.cache.get(this.keyOf(frameIndex, targetWidthPx, 'draft'));
    if (draft !== undefined) this.show(draft, request, seq, 'draft');
    if (draft !== undefined && request.playing) {
      this.pending = null;
      return;
    }
    if (this.head !== null) {
      this.pending = { request, seq };
      return;
    }
    // A draft is followed at once by the full frame (unless playing without a clock): both go out
    // together, so the sharp frame comes one render after the draft instead of one round trip.
    const first = draft === undefined ? 'draft' : 'full';
    const head = this.load(request, first, seq, acceptedAtMs, seq === this.lastSeq);
    if (first === 'draft' && !request.playing) void this.load(request, 'full', seq, acceptedAtMs, true);
    this.head = head;
    void head.then(() => {
      this.head = null;
      const next = this.pending;
      this.pending = null;
      if (next !== null) this.submit(next.request, next.seq, epochNowMs());
    });
  }

  private show(frame: PreviewFrame, request: FrameRequest, seq: number, detail: FrameDetail, timing?: FrameTiming): void {
    // The same pixels may be shown again with another detail: a full frame becomes the draft of
    // a larger display size after a resize, and the canvas must not go on calling it full.
    if (seq < this.shownSeq || (frame === this.shown?.frame && detail === this.shown.detail)) return;
    // A draft never replaces the full frame of the same request.
    if (detail === 'draft' && this.shown?.seq === seq && this.shown.detail === 'full') return;
    this.shownSeq = seq;
    this.shown = { frame, detail, seq };
    this.frames.emit({ frame, request, detail, timing });
  }

  /** Width asked of the service for a frame of this detail. */
  private widthOf(targetWidthPx: number, detail: FrameDetail): number {
    const fullPx = Math.max(1, Math.min(targetWidthPx, this.current?.document.settings.outputWidthPx ?? targetWidthPx));
    return detail === 'full' ? fullPx : Math.max(1, Math.ceil(fullPx / DRAFT_DIVISOR));
  }

  private keyOf(frameIndex: number, targetWidthPx: number, detail: FrameDetail): string {
    return `${this.current?.workDir}\n${this.current?.renderKey}\n${frameIndex}\n${this.widthOf(targetWidthPx, detail)}`;
  }

  private giveUpLoads(unwanted: (load: Load) => boolean): void {
    if (!this.cancellable) return;
    for (const [key, load] of this.loads) {
      if (!unwanted(load)) continue;
      load.abort.abort();
      this.loads.delete(key);
    }
  }

  /**
   * One frame from the services into the cache, shown (for a scrub, `show`) if nothing newer is on
   * screen. A frame already on its way is not asked for twice.
   */
  private load(request: FrameRequest, detail: FrameDetail, seq: number, acceptedAtMs: number, reportErrors: boolean): Promise<Result<PreviewFrame>> {
    const key = this.keyOf(request.frameIndex, request.targetWidthPx, detail);
    const existing = this.loads.get(key);
    if (existing !== undefined) return existing.done.then((result) => (this.afterLoad(result, request, seq, detail), result));
    const abort = new AbortController();
    const sentAtMs = epochNowMs();
    const done = this.fetchFrame(request.frameIndex, this.widthOf(request.targetWidthPx, detail), abort.signal);
    this.loads.set(key, { frameIndex: request.frameIndex, detail, done, abort });
    return done.then((result) => {
      if (this.loads.get(key)?.done === done) this.loads.delete(key);
      if (result.ok) this.cache.set(key, result.value);
      const timing = { askedAtMs: request.askedAtMs ?? acceptedAtMs, acceptedAtMs, sentAtMs, answeredAtMs: epochNowMs() };
      this.afterLoad(result, request, seq, detail, timing);
      // An error for a request already superseded (or given up) is not worth showing.
      if (!result.ok && result.error.code !== 'cancelled' && reportErrors && this.pending === null && seq === this.lastSeq) this.errors.emit(result.error);
      return result;
    });
  }

  private afterLoad(result: Result<PreviewFrame>, request: FrameRequest, seq: number, detail: FrameDetail, timing?: FrameTiming): void {
    if (!result.ok) return;
    if (this.painter.playing()) this.painter.arrived();
    else this.show(result.value, request, seq, detail, timing);
  }

  /** Sends the current document first if the services do not have it yet (or have dropped it), then asks for the frame. */
  private async fetchFrame(frameIndex: number, targetWidthPx: number, signal: AbortSignal, retried = false): Promise<Result<PreviewFrame>> {
    const current = this.current!;
    const { previewId } = this;
    current.sent ??= this.studio.preview.setDocument({ previewId, revision: current.revision, workDir: current.workDir, document: current.document });
    const sent = current.sent;
    const set = await sent;
    if (!set.ok) {
      if (current.sent === sent) current.sent = null;
      return set;
    }
    const request = { previewId, revision: current.revision, frameIndex, targetWidthPx };
    const result = await (this.cancellable ? this.studio.preview.renderFrame(request, { signal }) : this.studio.preview.renderFrame(request));
    if (!result.ok && result.error.code === 'stale-revision' && !retried) {
      if (current.sent === sent) current.sent = null;
      return this.fetchFrame(frameIndex, targetWidthPx, signal, true);
    }
    return result;
  }
}
