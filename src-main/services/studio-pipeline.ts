import type { RenderJob } from '../../src-shared/job/render-job.js';
import { jobFromDocument } from '../../src-shared/job/job-from-document.js';
import type { ProjectDocument } from '../../src-shared/project/project-schema.js';
import type { WarpRenderer } from '../../src-shared/render/warp-renderer.js';
import { AniPortraitModelSource } from '../pipeline/aniportrait-model-source.js';
import type { PreparedTrack } from '../pipeline/prepared-track.js';
import type { ExportContext, ExportResult } from '../pipeline/run-export.js';
import { runExport } from '../pipeline/run-export.js';
import { runTrack } from '../pipeline/run-track.js';
import { TrackCache } from '../pipeline/track-cache.js';
import type { AssetService } from '../project/asset-service.js';

type Progress = (fraction: number, message: string) => void;

/**
 * The studio's side of the one pipeline: it turns an open project into a RenderJob
 * (jobFromDocument) and runs it with runTrack / runExport, keeping the last track and the warp
 * renderers of its photo between generating, scrubbing and exporting.
 */
export class StudioPipeline {
  private readonly cache = new TrackCache();
  readonly models: AniPortraitModelSource;

  constructor(
    private readonly assets: AssetService,
    /** Where the user's exported AniPortrait graphs are. */
    readonly modelsDir: string,
  ) {
    this.models = new AniPortraitModelSource(modelsDir);
  }

  job(workDir: string, document: ProjectDocument): RenderJob {
    return jobFromDocument(document, { assetPath: (relPath) => this.assets.resolveAsset(workDir, relPath), modelsDir: this.modelsDir, projectDir: workDir });
  }

  /** The project's generated track (made once per set of track inputs), with provider warnings. */
  async track(job: RenderJob, onProgress?: Progress, signal?: AbortSignal): Promise<PreparedTrack> {
    const prepared = await runTrack(job, { models: this.models, cache: this.cache, onProgress, signal });
    const providerWarnings = this.models.takeWarnings();
    return providerWarnings.length === 0 ? prepared : { ...prepared, warnings: [...prepared.warnings, ...providerWarnings] };
  }

  async export(job: RenderJob, outPath: string, context: Omit<ExportContext, 'models' | 'cache'>): Promise<ExportResult> {
    const result = await runExport(job, outPath, { ...context, models: this.models, cache: this.cache });
    return { ...result, warnings: [...result.warnings, ...this.models.takeWarnings()] };
  }

  /** The built-in warp renderer of the job's photo at a size (the preview draws every engine's frames with it). */
  renderer(job: RenderJob, prepared: PreparedTrack, widthPx: number, heightPx: number): Promise<WarpRenderer> {
    return this.cache.renderer(job.photo.path, job.photo.label, prepared.rig, widthPx, heightPx);
  }
}
