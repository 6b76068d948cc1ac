import { ExpressionRig } from '../../src-shared/face/expression-rig.js';
import type { FaceRig } from '../../src-shared/face/face-rig.js';
import type { FaceParamTrack } from '../../src-shared/face/face-param-track.js';
import type { ProjectDocument } from '../../src-shared/project/project-schema.js';
import type { WarpRenderer } from '../../src-shared/render/warp-renderer.js';
import { StudioError } from '../../src-shared/util/result.js';
import type { BuiltinPoseSource } from '../engines/builtin/generate-track.js';
import { generateBuiltinTrack } from '../engines/builtin/generate-track.js';
import { createWarpRenderer } from '../engines/builtin/render-session.js';
import { analyzePhoto } from '../face/analyze-photo.js';
import { decodeAudioClip } from '../media/decode-audio-clip.js';
import type { AssetService } from '../project/asset-service.js';

/** What the engines made of a project's inputs: reused by track generation, preview and export. */
export interface PreparedProject {
  /** Everything that decides these results (photo, audio, fps, seed, pose source, engines). */
  readonly key: string;
  readonly rig: FaceRig;
  readonly warnings: readonly string[];
  /** The generated track, before keyframe layers. */
  readonly generated: FaceParamTrack;
  /** The person's deformation fields (built once from the rig). */
  readonly expression: ExpressionRig;
  readonly photoPath: string;
  readonly photoLabel: string;
  readonly audioPath: string;
  /** Renderer at the given output size, made on first use. */
  renderer(widthPx: number, heightPx: number): Promise<WarpRenderer>;
}

/**
 * Runs the project's engines on its inputs once and keeps the latest result, so that generating,
 * scrubbing and exporting the same project share the face analysis and the track.
 */
export class ProjectEngines {
  private latest: { key: string; value: Promise<PreparedProject> } | undefined;

  constructor(private readonly assets: AssetService) {}

  prepare(workDir: string, document: ProjectDocument, onProgress?: (fraction: number, message: string) => void, signal?: AbortSignal): Promise<PreparedProject> {
    const key = inputsKey(workDir, document);
    if (this.latest?.key !== key) {
      const value = this.build(key, workDir, document, onProgress, signal);
      this.latest = { key, value };
      value.catch(() => {
        if (this.latest?.key === key) this.latest = undefined;
      });
    }
    return this.latest.value;
  }

  private async build(key: string, workDir: string, document: ProjectDocument, onProgress?: (fraction: number, message: string) => void, signal?: AbortSignal): Promise<PreparedProject> {
    const { engines, settings } = document;
    if (engines.audio2lmk !== 'builtin' || engines.lmk2video !== 'builtin') {
      throw new StudioError('unavailable', 'The AniPortrait ONNX engine is not in this build. Choose the built-in engines in the inspector.');
    }
    const photo = document.assets.find((a) => a.id === document.photoAssetId);
    const audio = document.assets.find((a) => a.id === document.audioAssetId);
    if (!photo || !audio) throw new StudioError('unavailable', 'Import a portrait photo and a voice recording first.');
    const photoPath = this.assets.resolveAsset(workDir, photo.relPath);
    const audioPath = this.assets.resolveAsset(workDir, audio.relPath);
    const photoLabel = `The photo "${photo.originalName}"`;
    onProgress?.(0.05, 'Analysing the face');
    const { rig, warnings } = await analyzePhoto(photoPath, photoLabel);
    onProgress?.(0.35, 'Decoding the audio');
    const samples = await decodeAudioClip(audioPath, `The audio "${audio.originalName}"`, signal);
    const poseSource: BuiltinPoseSource =
      document.poseSource.kind === 'audio'
        ? { kind: 'audio' }
        : document.poseSource.kind === 'template'
          ? { kind: 'template', path: this.assets.resolveAsset(workDir, document.poseSource.relPath) }
          : { kind: 'video', path: this.assets.resolveAsset(workDir, document.poseSource.relPath), label: 'The pose video' };
    const generated = await generateBuiltinTrack({
      samples,
      fps: settings.fps,
      seed: settings.seed,
      poseSource,
      signal,
      onProgress: (fraction, message) => onProgress?.(0.45 + 0.55 * fraction, message),
    });
    const renderers = new Map<string, Promise<WarpRenderer>>();
    return {
      key,
      rig,
      warnings,
      generated,
      expression: new ExpressionRig(rig.lmks3dCm),
      photoPath,
      photoLabel,
      audioPath,
      renderer(widthPx, heightPx) {
        const size = `${widthPx}x${heightPx}`;
        let renderer = renderers.get(size);
        if (!renderer) {
          renderer = createWarpRenderer(photoPath, photoLabel, rig, widthPx, heightPx);
          renderers.set(size, renderer);
        }
        return renderer;
      },
    };
  }
}

/** Everything that decides the prepared results (not keyframe layers or output size). */
function inputsKey(workDir: string, document: ProjectDocument): string {
  const photo = document.assets.find((a) => a.id === document.photoAssetId);
  const audio = document.assets.find((a) => a.id === document.audioAssetId);
  const { fps, seed } = document.settings;
  return JSON.stringify([workDir, photo?.relPath, audio?.relPath, fps, seed, document.engines, document.poseSource]);
}
