import type { FaceParamTrack } from '../../src-shared/face/face-param-track.js';
import { frameOffsetsInto } from '../../src-shared/face/face-param-track.js';
import { LANDMARK_COUNT, POSE_LENGTH } from '../../src-shared/face/topology.js';
import { composeTrack } from '../../src-shared/keyframes/compose-track.js';
import type { ProjectDocument } from '../../src-shared/project/project-schema.js';
import { createRgbaImage } from '../../src-shared/render/rgba-image.js';
import { LruCache } from '../../src-shared/util/lru-cache.js';
import type { StudioPipeline } from './studio-pipeline.js';

/** Bytes of frames kept for scrubbing back and forth (96 frames of 512x512, more of smaller sizes). */
const CACHE_BUDGET_BYTES = 96 * 512 * 512 * 4;

/** Preview sizes are the output size times k / SIZE_STEPS, k = 1..SIZE_STEPS. */
const SIZE_STEPS = 8;

export interface PreviewFrame {
  readonly frameIndex: number;
  readonly frameCount: number;
  readonly fps: number;
  readonly widthPx: number;
  readonly heightPx: number;
  /** widthPx x heightPx RGBA. Shared with the cache: hosts copy it when they send it, nobody writes to it. */
  readonly rgba: Uint8Array<ArrayBuffer>;
}

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

/**
 * Renders single frames for the studio's preview: the project's job through the same runTrack as
 * an export, its keyframe layers composed over the generated track, drawn by the built-in warp at
 * the output size or directly at a smaller one (the photo resampled for that size, so a small frame
 * costs less to render and to send). Frames are cached (LRU, by bytes) by everything that decides
 * their pixels, so scrubbing over frames seen before costs no render.
 */
export class PreviewService {
  private readonly frames = new LruCache<string, Uint8Array<ArrayBuffer>>(CACHE_BUDGET_BYTES, (rgba) => rgba.byteLength);
  /** The last composed track: scrubbing asks for many frames of one document. */
  private composed: { readonly key: string; readonly track: FaceParamTrack } | null = null;

  constructor(private readonly pipeline: StudioPipeline) {}

  async renderFrame(workDir: string, document: ProjectDocument, frameIndex: number, targetWidthPx?: number): Promise<PreviewFrame> {
    const job = this.pipeline.job(workDir, document);
    const prepared = await this.pipeline.track(job);
    const { widthPx, heightPx } = previewFrameSize(document.settings.outputWidthPx, document.settings.outputHeightPx, targetWidthPx);
    // The layers' keys decide the frame, so they are part of its cache key.
    const layersKey = JSON.stringify([job.trackKey, document.layers]);
    if (this.composed?.key !== layersKey) this.composed = { key: layersKey, track: composeTrack(prepared.generated, document.layers) };
    const { track } = this.composed;
    const index = Math.min(frameIndex, track.frameCount - 1);
    const frameKey = `${layersKey}\n${widthPx}x${heightPx}\n${index}`;
    let rgba = this.frames.get(frameKey);
    if (!rgba) {
      const renderer = await this.pipeline.renderer(job, prepared, widthPx, heightPx);
      const image = createRgbaImage(widthPx, heightPx);
      // Mesh-engine offsets (AniPortrait's audio2mesh), if any, plus the composed expression params.
      const offsets = frameOffsetsInto(track, prepared.expression, index, new Float32Array(LANDMARK_COUNT * 3));
      renderer.render(offsets, track.poses.subarray(index * POSE_LENGTH, (index + 1) * POSE_LENGTH), image);
      rgba = image.data;
      this.frames.set(frameKey, rgba);
    }
    // No copy: the web host's envelope and Electron's structured clone copy it on the way out.
    return { frameIndex: index, frameCount: track.frameCount, fps: track.fps, widthPx, heightPx, rgba };
  }
}
