import { ExpressionRig } from '../../src-shared/face/expression-rig.js';
import type { FaceRig } from '../../src-shared/face/face-rig.js';
import type { FaceParamTrack } from '../../src-shared/face/face-param-track.js';
import { meshParamTrack } from '../../src-shared/face/face-param-track.js';
import type { ProjectDocument } from '../../src-shared/project/project-schema.js';
import type { WarpRenderer } from '../../src-shared/render/warp-renderer.js';
import { StudioError } from '../../src-shared/util/result.js';
import { generateBuiltinTrack } from '../engines/builtin/generate-track.js';
import { aniPortraitPoseSource, generateAniPortraitTrack } from '../engines/aniportrait/audio2lmk.js';
import { manifestForDir } from '../engines/aniportrait/load-manifest.js';
import { AniPortraitModels } from '../engines/aniportrait/model-set.js';
import type { PoseSourceRequest } from '../engines/shared/pose-sources.js';
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
  private models: Promise<AniPortraitModels> | undefined;
  /** Provider failures since the last prepare, shown to the user as warnings. */
  private providerWarnings: string[] = [];

  constructor(
    private readonly assets: AssetService,
    /** Where the user's exported AniPortrait graphs are. */
    readonly modelsDir: string,
  ) {}

  /** The AniPortrait graphs (opened on demand; provider failures become warnings of the job). */
  aniPortraitModels(): Promise<AniPortraitModels> {
    if (!this.models) {
      this.models = manifestForDir(this.modelsDir).then(
        (manifest) =>
          new AniPortraitModels(this.modelsDir, manifest, {
            onProviderFailure: (f) => this.providerWarnings.push(`${f.provider} could not load ${f.file} (${f.message}); the next provider was used.`),
          }),
      );
      this.models.catch(() => (this.models = undefined));
    }
    return this.models;
  }

  /** Provider warnings collected since the last call. */
  takeProviderWarnings(): string[] {
    const out = this.providerWarnings;
    this.providerWarnings = [];
    return out;
  }

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
    if (engines.audio2lmk === 'aniportrait' && settings.fps !== 30) {
      throw new StudioError('invalid-request', `AniPortrait's Audio2Lmk makes 30 fps tracks; this project is ${settings.fps} fps. Set the project to 30 fps or choose the built-in Audio2Lmk.`);
    }
    const models = engines.audio2lmk === 'aniportrait' ? await this.aniPortraitModels() : undefined;
    models?.assertPresent(['audio2lmk']);
    const photo = document.assets.find((a) => a.id === document.photoAssetId);
    const audio = document.assets.find((a) => a.id === document.audioAssetId);
    if (!photo || !audio) throw new StudioError('unavailable', 'Import a portrait photo and a voice recording first.');
    const photoPath = this.assets.resolveAsset(workDir, photo.relPath);
    const audioPath = this.assets.resolveAsset(workDir, audio.relPath);
    const photoLabel = `The photo "${photo.originalName}"`;
    onProgress?.(0.05, 'Analysing the face');
    const { rig, warnings: faceWarnings } = await analyzePhoto(photoPath, photoLabel);
    onProgress?.(0.35, 'Decoding the audio');
    const samples = await decodeAudioClip(audioPath, `The audio "${audio.originalName}"`, signal);
    const poseSource: PoseSourceRequest =
      document.poseSource.kind === 'audio'
        ? { kind: 'audio' }
        : document.poseSource.kind === 'template'
          ? { kind: 'template', path: this.assets.resolveAsset(workDir, document.poseSource.relPath) }
          : { kind: 'video', path: this.assets.resolveAsset(workDir, document.poseSource.relPath), label: 'The pose video' };
    const trackProgress = (fraction: number, message: string) => onProgress?.(0.45 + 0.55 * fraction, message);
    const generated = models
      ? meshParamTrack(await generateAniPortraitTrack({ models, rig, samples, poseSource: await aniPortraitPoseSource(poseSource, settings.seed % 100, samples.length, signal), signal, onProgress: trackProgress }))
      : await generateBuiltinTrack({ samples, fps: settings.fps, seed: settings.seed, poseSource, signal, onProgress: trackProgress });
    const warnings = [...faceWarnings, ...this.takeProviderWarnings()];
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
