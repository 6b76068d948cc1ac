import type { ProjectDocument } from '../project/project-schema.js';
import { assetInUse, trackInputsKey } from '../project/derived.js';
import { StudioError } from '../util/result.js';
import type { JobPerformance, JobPoseSource, RenderJob } from './render-job.js';
import { DEFAULT_DIFFUSION_SETTINGS, defaultPoseStyle } from './render-job.js';

/** What an error calls each kind of motion source's file. */
const SOURCE_NOUN = { audio: 'voice', template: 'pose template', video: 'pose video', performance: 'performance video' } as const;

/** Where a job reads its files: project assets by relative path, and the models' folder. */
export interface JobPlaces {
  /** Absolute path of a project asset (the host checks it stays inside the project folder). */
  readonly assetPath: (relPath: string) => string;
  readonly modelsDir: string;
  /** The project folder (outputs may not land in it). */
  readonly projectDir: string;
}

/**
 * The job a saved or open project describes: its photo, audio and pose source, engines per stage,
 * frame rate, seed, size, lip sync (controls and mouth edits) and keyframe layers (markers do not render). The studio's export and
 * preview and the CLI's `--project` all build their job here.
 */
export function jobFromDocument(document: ProjectDocument, places: JobPlaces): RenderJob {
  const photo = assetInUse(document, 'photo');
  const audio = assetInUse(document, 'audio');
  if (photo === null || audio === null || audio.media.kind !== 'audio') {
    throw new StudioError('unavailable', 'Import a portrait photo and a voice recording first.');
  }
  const { settings, engines } = document;
  const source = document.poseSource;
  const poseAsset = source.kind === 'audio' ? undefined : document.assets.find((a) => a.relPath === source.relPath);
  const poseLabel = `The ${SOURCE_NOUN[source.kind]} "${poseAsset?.originalName ?? source.kind}"`;
  // A performance video makes the whole track; the voice then only sounds (and moves a mouth not kept).
  const poseSource: JobPoseSource = source.kind === 'audio' || source.kind === 'performance' ? { kind: 'audio' } : { kind: source.kind, path: places.assetPath(source.relPath), label: poseLabel };
  const performance: JobPerformance | null = source.kind === 'performance' ? { path: places.assetPath(source.relPath), label: poseLabel, parts: source.parts } : null;
  return {
    photo: { path: places.assetPath(photo.relPath), label: `The photo "${photo.originalName}"` },
    audio: { path: places.assetPath(audio.relPath), label: `The audio "${audio.originalName}"`, analysisSampleCount: audio.media.analysisSampleCount },
    poseSource,
    performance,
    engines: { ...engines },
    fps: settings.fps,
    seed: settings.seed,
    poseStyle: defaultPoseStyle(settings.seed),
    size: { widthPx: settings.outputWidthPx, heightPx: settings.outputHeightPx },
    diffusion: DEFAULT_DIFFUSION_SETTINGS,
    layers: document.layers,
    mouth: document.mouth,
    shapes: document.shapes,
    models: { dir: places.modelsDir },
    project: { dir: places.projectDir, assets: document.assets.map((a) => ({ path: places.assetPath(a.relPath), label: `the project's ${a.role} "${a.originalName}"` })) },
    trackKey: trackInputsKey(document),
  };
}
