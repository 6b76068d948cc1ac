import type { FaceParamTrack } from '../../src-shared/face/face-param-track.js';
import { frameOffsetsInto } from '../../src-shared/face/face-param-track.js';
import { LANDMARK_COUNT, POSE_LENGTH } from '../../src-shared/face/topology.js';
import { composeLayers } from '../../src-shared/keyframes/compose-layers.js';
import type { ProjectDocument } from '../../src-shared/project/project-schema.js';
import { createRgbaImage } from '../../src-shared/render/rgba-image.js';
import { LruCache } from '../../src-shared/util/lru-cache.js';
import type { PreviewFrame } from '../../src-shared/ipc/contract.js';
import type { RenderJob } from '../../src-shared/job/render-job.js';
import { previewRenderKey } from '../../src-shared/project/derived.js';
import { StudioError } from '../../src-shared/util/result.js';
import { PreviewRenderQueue } from './preview-render-queue.js';
import type { StudioPipeline } from './studio-pipeline.js';

/** Bytes of frames kept for scrubbing back and forth (96 frames of 512x512, more of smaller sizes). */
const CACHE_BUDGET_BYTES = 96 * 512 * 512 * 4;

/** Preview sizes are the output size times k / SIZE_STEPS, k = 1..SIZE_STEPS. */
const SIZE_STEPS = 8;

/**
 * The size a preview frame is rendered at: the output size scaled by the smallest k/8 whose width
 * covers `targetWidthPx` (the output size without one). Few steps, because each size has its own
 * warp renderer (the photo resampled for it) for as long as the project's inputs stay the same.
 */
export function previewFrameSize(outputWidthPx: number, outputHeightPx: number, targetWidthPx?: number): { widthPx: number; heightPx: number } {
  if (targetWidthPx === undefined || targetWidthPx >= outputWidthPx) return { widthPx: outputWidthPx, heightPx: outputHeightPx };
  const steps = Math.min(SIZE_STEPS, Math.max(1, Math.ceil((targetWidthPx / outputWidthPx) * SIZE_STEPS - 1e-9)));
  return {
    widthPx: Math.max(1, Math.round((outputWidthPx * steps) / SIZE_STEPS)),
    heightPx: Math.max(1, Math.round((outputHeightPx * steps) / SIZE_STEPS)),
  };
}

/** How many previews (canvases) keep their documents, and how many revisions each. */
const MAX_PREVIEWS = 16;
const REVISIONS_KEPT = 4;

interface PreviewDocument {
  readonly workDir: string;
  readonly document: ProjectDocument;
  /** derived.ts previewRenderKey: what decides the pixels, whatever the revision. */
  readonly renderKey: string;
  job?: RenderJob;
}

/**
 * Renders single frames for the studio's preview. A preview sends its document once per edit
 * (setDocument, numbered by revision) and then asks for frames by revision. Each frame goes through
 * the same runTrack as an export (the track is made once per set of track inputs), the keyframe
 * layers composed over it once per render key, drawn by the built-in warp at the output size or
 * directly at a smaller one (the photo resampled for that size, so a small frame costs less to
 * render and to send). Frames are cached (LRU, by bytes) by render key, size and index, so
 * scrubbing back over frames, or an undo back to a state seen before, costs no render.
 */
export class PreviewService {
  private readonly frames = new LruCache<string, Uint8Array<ArrayBuffer>>(CACHE_BUDGET_BYTES, (rgba) => rgba.byteLength);
  /** The last composed track: scrubbing asks for many frames of one document. */
  private composed: { readonly key: string; readonly track: FaceParamTrack } | null = null;
  private readonly previews = new LruCache<string, Map<number, PreviewDocument>>(MAX_PREVIEWS, () => 1);
  private readonly queue = new PreviewRenderQueue();

  constructor(private readonly pipeline: StudioPipeline) {}

  setDocument(previewId: string, revision: number, workDir: string, document: ProjectDocument): void {
    const revisions = this.previews.get(previewId) ?? new Map<number, PreviewDocument>();
    revisions.set(revision, { workDir, document, renderKey: previewRenderKey(document) });
    for (const old of [...revisions.keys()].sort((a, b) => a - b).slice(0, -REVISIONS_KEPT)) revisions.delete(old);
    this.previews.set(previewId, revisions);
  }

  /**
   * One frame: from the cache at once, or rendered in the render queue (one render at a time, each
   * answer sent before the next render starts; `signal` aborted before its turn: not rendered).
   */
  async renderFrame(previewId: string, revision: number, frameIndex: number, targetWidthPx?: number, signal?: AbortSignal): Promise<PreviewFrame> {
    const preview = this.previews.get(previewId)?.get(revision);
    if (preview === undefined) throw new StudioError('stale-revision', `The preview's document (revision ${revision}) is not held any more; send it again.`);
    const { document, renderKey } = preview;
    const job = (preview.job ??= this.pipeline.job(preview.workDir, document));
    const prepared = await this.pipeline.track(job);
    const { widthPx, heightPx } = previewFrameSize(document.settings.outputWidthPx, document.settings.outputHeightPx, targetWidthPx);
    if (this.composed?.key !== renderKey) this.composed = { key: renderKey, track: composeLayers(prepared.generated, document.layers, { mouth: document.mouth, shapes: document.shapes }) };
    const { track } = this.composed;
    const index = Math.min(frameIndex, track.frameCount - 1);
    const frameKey = `${renderKey}\n${widthPx}x${heightPx}\n${index}`;
    const rgba =
      this.frames.get(frameKey) ??
      (await this.queue.run(async () => {
        // Asked for twice while queued: rendered once.
        const cached = this.frames.get(frameKey);
        if (cached) return cached;
        const renderer = await this.pipeline.renderer(job, prepared, widthPx, heightPx);
        const image = createRgbaImage(widthPx, heightPx);
        // Mesh-engine offsets (AniPortrait's audio2mesh), if any, plus the composed expression params.
        const offsets = frameOffsetsInto(track, prepared.expression, index, new Float32Array(LANDMARK_COUNT * 3));
        renderer.render(offsets, track.poses.subarray(index * POSE_LENGTH, (index + 1) * POSE_LENGTH), image);
        this.frames.set(frameKey, image.data);
        return image.data;
      }, signal));
    // No copy: cached frames are never written again; the web host sends these bytes as they are
    // (envelope parts) and Electron's structured clone copies them on the way out.
    return { frameIndex: index, frameCount: track.frameCount, fps: track.fps, widthPx, heightPx, rgba };
  }
}
