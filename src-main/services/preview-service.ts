import { frameParams } from '../../src-shared/face/face-param-track.js';
import { LANDMARK_COUNT, POSE_LENGTH } from '../../src-shared/face/topology.js';
import { composeTrack } from '../../src-shared/keyframes/compose-track.js';
import type { ProjectDocument } from '../../src-shared/project/project-schema.js';
import { createRgbaImage } from '../../src-shared/render/rgba-image.js';
import { LruCache } from '../util/lru-cache.js';
import type { ProjectEngines } from './project-engines.js';

/** Frames kept for scrubbing back and forth (1 MB each at 512x512). */
const CACHED_FRAMES = 96;

export interface PreviewFrame {
  readonly frameIndex: number;
  readonly frameCount: number;
  readonly fps: number;
  readonly widthPx: number;
  readonly heightPx: number;
  readonly rgba: Uint8Array<ArrayBuffer>;
}

/**
 * Renders single frames for the studio's preview: the generated track with the document's
 * keyframe layers composed over it, at the output size. Frames are cached (LRU) by everything
 * that decides their pixels, so scrubbing over frames seen before costs a copy.
 */
export class PreviewService {
  private readonly frames = new LruCache<string, Uint8Array<ArrayBuffer>>(CACHED_FRAMES);

  constructor(private readonly engines: ProjectEngines) {}

  async renderFrame(workDir: string, document: ProjectDocument, frameIndex: number): Promise<PreviewFrame> {
    const prepared = await this.engines.prepare(workDir, document);
    const { outputWidthPx: widthPx, outputHeightPx: heightPx } = document.settings;
    const track = composeTrack(prepared.generated, document.layers);
    const index = Math.min(frameIndex, track.frameCount - 1);
    // The layers' keys decide the frame, so they are part of its cache key.
    const frameKey = JSON.stringify([prepared.key, widthPx, heightPx, document.layers, index]);
    let rgba = this.frames.get(frameKey);
    if (!rgba) {
      const renderer = await prepared.renderer(widthPx, heightPx);
      const image = createRgbaImage(widthPx, heightPx);
      const offsets = prepared.expression.offsets(frameParams(track, index), new Float32Array(LANDMARK_COUNT * 3));
      renderer.render(offsets, track.poses.subarray(index * POSE_LENGTH, (index + 1) * POSE_LENGTH), image);
      rgba = image.data;
      this.frames.set(frameKey, rgba);
    }
    // The cache keeps its copy; the caller may transfer the one it gets.
    return { frameIndex: index, frameCount: track.frameCount, fps: track.fps, widthPx, heightPx, rgba: rgba.slice() };
  }
}
