import type { ResponseOf } from '../../src-shared/ipc/contract';
import type { StudioApi } from '../../src-shared/ipc/studio-api';
import type { ProjectDocument } from '../../src-shared/project/project-schema';
import type { StudioErrorInfo } from '../../src-shared/util/result';
import { TypedEmitter } from './typed-emitter';

export type PreviewFrame = ResponseOf<'preview:render-frame'>;

export interface FrameRequest {
  readonly workDir: string;
  readonly document: ProjectDocument;
  readonly frameIndex: number;
}

/** Frames kept in the page for scrubbing back and forth (1 MB each at 512 x 512). */
const CACHED_FRAMES = 48;

const renderKeys = new WeakMap<ProjectDocument, string>();

/** What decides a frame's pixels (not the name or modification time), memoised per document object. */
function renderKey(workDir: string, document: ProjectDocument): string {
  let key = renderKeys.get(document);
  if (key === undefined) {
    const { settings, engines, poseSource, photoAssetId, audioAssetId, assets, layers } = document;
    const inUse = assets.filter((a) => a.id === photoAssetId || a.id === audioAssetId).map((a) => a.relPath);
    key = JSON.stringify([settings, engines, poseSource, inUse, layers]);
    renderKeys.set(document, key);
  }
  return `${workDir}\n${key}`;
}

/**
 * Asks the services for preview frames with at most one request in flight: while one renders,
 * newer requests replace each other and only the latest is sent next (scrubbing never queues up
 * frames the user has already passed). Every answer that arrives is shown: it is the newest frame.
 * Recent frames are kept here too, so scrubbing back over them needs no round trip.
 */
export class PreviewFrameLoader {
  private inFlight = false;
  private pending: { readonly request: FrameRequest; readonly seq: number } | null = null;
  /** Requests are numbered; a frame older than the one on screen is never shown over it. */
  private lastSeq = 0;
  private shownSeq = 0;
  private readonly cache = new Map<string, PreviewFrame>();
  private readonly frames = new TypedEmitter<{ readonly frame: PreviewFrame; readonly request: FrameRequest }>();
  private readonly errors = new TypedEmitter<StudioErrorInfo>();

  constructor(private readonly studio: StudioApi) {}

  onFrame(listener: (value: { readonly frame: PreviewFrame; readonly request: FrameRequest }) => void): () => void {
    return this.frames.on(listener);
  }

  onError(listener: (error: StudioErrorInfo) => void): () => void {
    return this.errors.on(listener);
  }

  request(request: FrameRequest): void {
    this.submit(request, ++this.lastSeq);
  }

  private submit(request: FrameRequest, seq: number): void {
    const cached = this.cache.get(this.keyOf(request));
    if (cached !== undefined) {
      // A cached frame supersedes whatever was waiting to be sent.
      this.pending = null;
      this.show(cached, request, seq);
      return;
    }
    if (this.inFlight) this.pending = { request, seq };
    else void this.send(request, seq);
  }

  private show(frame: PreviewFrame, request: FrameRequest, seq: number): void {
    if (seq < this.shownSeq) return;
    this.shownSeq = seq;
    this.frames.emit({ frame, request });
  }

  private keyOf(request: FrameRequest): string {
    return `${renderKey(request.workDir, request.document)}\n${request.frameIndex}`;
  }

  private remember(key: string, frame: PreviewFrame): void {
    this.cache.delete(key);
    this.cache.set(key, frame);
    if (this.cache.size > CACHED_FRAMES) this.cache.delete(this.cache.keys().next().value ?? '');
  }

  private async send(request: FrameRequest, seq: number): Promise<void> {
    this.inFlight = true;
    const { workDir, document, frameIndex } = request;
    const result = await this.studio.preview.renderFrame({ workDir, document, frameIndex });
    this.inFlight = false;
    if (result.ok) {
      this.remember(this.keyOf(request), result.value);
      this.show(result.value, request, seq);
    }
    // An error for a request already superseded is not worth showing.
    else if (this.pending === null && seq === this.lastSeq) this.errors.emit(result.error);
    const next = this.pending;
    this.pending = null;
    if (next !== null) this.submit(next.request, next.seq);
  }
}
