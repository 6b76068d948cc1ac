import type { ProjectDocument } from '../../src-shared/project/project-schema.js';
import { ExpressionRig } from '../../src-shared/face/expression-rig.js';
import type { FaceParamTrack } from '../../src-shared/face/face-param-track.js';
import { frameParams } from '../../src-shared/face/face-param-track.js';
import { LANDMARK_COUNT, POSE_LENGTH } from '../../src-shared/face/topology.js';
import { createRgbaImage } from '../../src-shared/render/rgba-image.js';
import type { WarpRenderer } from '../../src-shared/render/warp-renderer.js';
import { StudioError } from '../../src-shared/util/result.js';
import type { BuiltinPoseSource } from '../engines/builtin/generate-track.js';
import { generateBuiltinTrack } from '../engines/builtin/generate-track.js';
import { createWarpRenderer } from '../engines/builtin/render-session.js';
import { analyzePhoto } from '../face/analyze-photo.js';
import { decodeAudioClip } from '../media/decode-audio-clip.js';
import type { AssetService } from '../project/asset-service.js';
import { LruCache } from '../util/lru-cache.js';

/** Frames kept for scrubbing back and forth (1 MB each at 512x512). */
const CACHED_FRAMES = 96;

interface PreviewSession {
  readonly track: FaceParamTrack;
  readonly expression: ExpressionRig;
  readonly renderer: WarpRenderer;
  readonly widthPx: number;
  readonly heightPx: number;
}

export interface PreviewFrame {
  readonly frameIndex: number;
  readonly frameCount: number;
  readonly fps: number;
  readonly widthPx: number;
  readonly heightPx: number;
  readonly rgba: Uint8Array<ArrayBuffer>;
}

/**
 * Renders single frames for the studio's preview. The expensive inputs (face analysis, track,
 * prepared photo) are built once per set of inputs; frames are cached by the inputs that decide
 * them (LRU), so scrubbing over frames seen before costs a copy.
 */
export class PreviewService {
  private session: { key: string; value: Promise<PreviewSession> } | undefined;
  private readonly frames = new LruCache<string, Uint8Array<ArrayBuffer>>(CACHED_FRAMES);

  constructor(private readonly assets: AssetService) {}

  async renderFrame(workDir: string, document: ProjectDocument, frameIndex: number): Promise<PreviewFrame> {
    const key = inputsKey(workDir, document);
    if (this.session?.key !== key) {
      this.frames.clear();
      const value = this.prepare(workDir, document);
      this.session = { key, value };
      value.catch(() => {
        if (this.session?.key === key) this.session = undefined;
      });
    }
    const session = await this.session.value;
    const { track, widthPx, heightPx } = session;
    const index = Math.min(frameIndex, track.frameCount - 1);
    const frameKey = `${key}#${index}`;
    let rgba = this.frames.get(frameKey);
    if (!rgba) {
      const image = createRgbaImage(widthPx, heightPx);
      const offsets = session.expression.offsets(frameParams(track, index), new Float32Array(LANDMARK_COUNT * 3));
      session.renderer.render(offsets, track.poses.subarray(index * POSE_LENGTH, (index + 1) * POSE_LENGTH), image);
      rgba = image.data;
      this.frames.set(frameKey, rgba);
    }
    // The cache keeps its copy; the caller may transfer the one it gets.
    return { frameIndex: index, frameCount: track.frameCount, fps: track.fps, widthPx, heightPx, rgba: rgba.slice() };
  }

  private async prepare(workDir: string, document: ProjectDocument): Promise<PreviewSession> {
    const { engines, settings } = document;
    if (engines.audio2lmk !== 'builtin' || engines.lmk2video !== 'builtin') {
      throw new StudioError('unavailable', 'The AniPortrait ONNX engine is not in this build. Choose the built-in engines in the inspector to preview.');
    }
    const photo = document.assets.find((a) => a.id === document.photoAssetId);
    const audio = document.assets.find((a) => a.id === document.audioAssetId);
    if (!photo || !audio) throw new StudioError('unavailable', 'Import a portrait photo and a voice recording to see the preview.');
    const photoPath = this.assets.resolveAsset(workDir, photo.relPath);
    const audioPath = this.assets.resolveAsset(workDir, audio.relPath);
    const { rig } = await analyzePhoto(photoPath, `The photo "${photo.originalName}"`);
    const samples = await decodeAudioClip(audioPath, `The audio "${audio.originalName}"`);
    const poseSource: BuiltinPoseSource =
      document.poseSource.kind === 'audio'
        ? { kind: 'audio' }
        : document.poseSource.kind === 'template'
          ? { kind: 'template', path: this.assets.resolveAsset(workDir, document.poseSource.relPath) }
          : { kind: 'video', path: this.assets.resolveAsset(workDir, document.poseSource.relPath), label: 'The pose video' };
    const track = await generateBuiltinTrack({ samples, fps: settings.fps, seed: settings.seed, poseSource });
    const renderer = await createWarpRenderer(photoPath, `The photo "${photo.originalName}"`, rig, settings.outputWidthPx, settings.outputHeightPx);
    return { track, expression: new ExpressionRig(rig.lmks3dCm), renderer, widthPx: settings.outputWidthPx, heightPx: settings.outputHeightPx };
  }
}

/** Everything that decides a frame's pixels, except the frame index. */
function inputsKey(workDir: string, document: ProjectDocument): string {
  const photo = document.assets.find((a) => a.id === document.photoAssetId);
  const audio = document.assets.find((a) => a.id === document.audioAssetId);
  return JSON.stringify([workDir, photo?.relPath, audio?.relPath, document.settings, document.engines, document.poseSource, document.layers]);
}
