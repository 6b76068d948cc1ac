import type { PreviewFrame } from '../../src-shared/ipc/contract';
import type { StudioApi } from '../../src-shared/ipc/studio-api';
import type { ProjectDocument } from '../../src-shared/project/project-schema';
import { LruCache } from '../../src-shared/util/lru-cache';
import { previewRenderKey } from '../../src-shared/project/derived';
import { randomId } from '../../src-shared/util/ids';
import type { Result, StudioErrorInfo } from '../../src-shared/util/result';
import { TypedEmitter } from './typed-emitter';


/** A quick low-resolution frame shown first, or the frame at the size it is shown at. */
export type FrameDetail = 'draft' | 'full';

export interface FrameRequest {
  readonly frameIndex: number;
  /** Width (device px) the frame is shown at; the service renders at about that size, at most the output size. */
  readonly targetWidthPx: number;
  /** True while playback moves the playhead: drafts only, so the preview keeps up; the full frame comes when it stops. */
  readonly playing: boolean;
}

export interface ShownFrame {
  readonly frame: PreviewFrame;
  readonly request: FrameRequest;
  readonly detail: FrameDetail;
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

/**
 * Asks the services for preview frames, progressively and with at most one request in flight.
 * A frame not seen before comes first as a draft (a quarter of the width), then, if the user has
 * not moved on meanwhile, at full size. While one request is in flight, newer ones replace each
 * other and only the latest is sent next, so scrubbing and playback never queue up frames already
 * passed, and show drafts until they stop. Recent frames are kept here too, so scrubbing back over
 * them needs no round trip.
 */
export class PreviewFrameLoader {
  /** This preview's name towards the services; revisions count its documents. */
  private readonly previewId = randomId('preview');
  private current: PreviewedDocument | null = null;
  /** Requests sent and not answered: one, or a draft and the full frame that follows it. */
  private inFlight = 0;
  private pending: { readonly request: FrameRequest; readonly seq: number } | null = null;
  /** Requests are numbered; a frame older than the one on screen is never shown over it. */
  private lastSeq = 0;
  private shownSeq = 0;
  private shown: { readonly frame: PreviewFrame; readonly detail: FrameDetail; readonly seq: number } | null = null;
  private readonly cache = new LruCache<string, PreviewFrame>(CACHE_BUDGET_BYTES, (frame) => frame.rgba.byteLength);
  private readonly frames = new TypedEmitter<ShownFrame>();
  private readonly errors = new TypedEmitter<StudioErrorInfo>();

  constructor(private readonly studio: StudioApi) {}

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
    if (this.current !== null) this.submit(request, ++this.lastSeq);
  }

  private submit(request: FrameRequest, seq: number): void {
    const full = this.cache.get(this.keyOf(request, 'full'));
    if (full !== undefined) {
      // A frame ready to show supersedes whatever was waiting to be sent.
      this.pending = null;
      this.show(full, request, seq, 'full');
      return;
    }
    const draft = this.cache.get(this.keyOf(request, 'draft'));
    if (draft !== undefined) this.show(draft, request, seq, 'draft');
    if (draft !== undefined && request.playing) {
      this.pending = null;
      return;
    }
    if (this.inFlight > 0) this.pending = { request, seq };
    else void this.send(request, seq, draft === undefined ? 'draft' : 'full');
  }

  private show(frame: PreviewFrame, request: FrameRequest, seq: number, detail: FrameDetail): void {
    // The same pixels may be shown again with another detail: a full frame becomes the draft of
    // a larger display size after a resize, and the canvas must not go on calling it full.
    if (seq < this.shownSeq || (frame === this.shown?.frame && detail === this.shown.detail)) return;
    // A draft never replaces the full frame of the same request.
    if (detail === 'draft' && this.shown?.seq === seq && this.shown.detail === 'full') return;
    this.shownSeq = seq;
    this.shown = { frame, detail, seq };
    this.frames.emit({ frame, request, detail });
  }

  /** Width asked of the service for a frame of this detail. */
  private widthOf(request: FrameRequest, detail: FrameDetail): number {
    const fullPx = Math.max(1, Math.min(request.targetWidthPx, this.current?.document.settings.outputWidthPx ?? request.targetWidthPx));
    return detail === 'full' ? fullPx : Math.max(1, Math.ceil(fullPx / DRAFT_DIVISOR));
  }

  private keyOf(request: FrameRequest, detail: FrameDetail): string {
    return `${this.current?.workDir}\n${this.current?.renderKey}\n${request.frameIndex}\n${this.widthOf(request, detail)}`;
  }

  /**
   * Sends the request. A draft is followed at once by the full frame (unless playing): both go
   * out together, so the sharp frame comes one render after the draft instead of one round trip.
   */
  private async send(request: FrameRequest, seq: number, detail: FrameDetail): Promise<void> {
    const details: FrameDetail[] = detail === 'draft' && !request.playing ? ['draft', 'full'] : [detail];
    this.inFlight++;
    const results = await Promise.all(details.map((d) => this.load(request, seq, d)));
    this.inFlight--;
    const failed = results.find((r) => !r.ok);
    // An error for a request already superseded is not worth showing.
    if (failed !== undefined && !failed.ok && this.pending === null && seq === this.lastSeq) this.errors.emit(failed.error);
    const next = this.pending;
    this.pending = null;
    // (A draft shown while playing stays a draft: when playback stops, the canvas asks again.)
    if (next !== null) this.submit(next.request, next.seq);
  }

  /** One frame from the services into the cache, shown if nothing newer is on screen. */
  private async load(request: FrameRequest, seq: number, detail: FrameDetail): Promise<Result<PreviewFrame>> {
    const key = this.keyOf(request, detail);
    const result = await this.fetchFrame(request.frameIndex, this.widthOf(request, detail));
    if (result.ok) {
      this.cache.set(key, result.value);
      this.show(result.value, request, seq, detail);
    }
    return result;
  }

  /** Sends the current document first if the services do not have it yet (or have dropped it), then asks for the frame. */
  private async fetchFrame(frameIndex: number, targetWidthPx: number, retried = false): Promise<Result<PreviewFrame>> {
    const current = this.current!;
    const { previewId } = this;
    current.sent ??= this.studio.preview.setDocument({ previewId, revision: current.revision, workDir: current.workDir, document: current.document });
    const sent = current.sent;
    const set = await sent;
    if (!set.ok) {
      if (current.sent === sent) current.sent = null;
      return set;
    }
    const result = await this.studio.preview.renderFrame({ previewId, revision: current.revision, frameIndex, targetWidthPx });
    if (!result.ok && result.error.code === 'stale-revision' && !retried) {
      if (current.sent === sent) current.sent = null;
      return this.fetchFrame(frameIndex, targetWidthPx, true);
    }
    return result;
  }
}
