import type { PerformancePartSettings } from '../performance/performance-parts.js';
import type { PoseValueRange } from '../aniportrait/preprocess.js';
import type { KeyframeLayer } from '../keyframes/keyframe-schema.js';
import type { SculptShape } from '../sculpt/shape-schema.js';
import type { EngineId } from '../project/project-schema.js';
import type { MouthSettings } from '../mouth/mouth-schema.js';

/** A file the job reads, with the words an error uses for it ('The photo "me.png"'). */
export interface JobInput {
  readonly path: string;
  readonly label: string;
}

/** Where a track's head motion comes from: the voice, a pose template (.npy) or a reference video. */
export type JobPoseSource =
  | { readonly kind: 'audio' }
  | { readonly kind: 'template'; readonly path: string; readonly label: string }
  | { readonly kind: 'video'; readonly path: string; readonly label: string };

/**
 * A performance video that drives the photo (face reenactment): its tracked face gives the whole
 * generated track (pose, expression, mouth, blinks, per part kept and scaled); parts not kept come
 * from the voice (mouth) or are generated (blinks) or stay still (pose, expression).
 */
export interface JobPerformance {
  readonly path: string;
  readonly label: string;
  readonly parts: PerformancePartSettings;
  /** The time (s) in the video whose head pose is the rest pose (default: the first frame with a face). */
  readonly poseReferenceSec?: number;
}

export type InterpolatorId = 'none' | 'film';
export type ProviderChoice = 'cuda' | 'dml' | 'cpu';

/** An output size in even pixels. */
export interface FrameSize {
  readonly widthPx: number;
  readonly heightPx: number;
}

/** The diffusion engine's settings (AniPortrait's Lmk2Video); other engines ignore them. */
export interface DiffusionSettings {
  readonly steps: number;
  readonly guidanceScale: number;
  /** With FILM: diffuse every Nth frame and interpolate the rest (AniPortrait's -acc is 3). */
  readonly filmStep: number;
  readonly poseValueRange: PoseValueRange;
}

export const DEFAULT_DIFFUSION_SETTINGS: DiffusionSettings = { steps: 25, guidanceScale: 3.5, filmStep: 3, poseValueRange: 'release' };

/** The allowed range of each numeric diffusion setting (inclusive): the CLI parses within them, the engine checks them. */
export const DIFFUSION_LIMITS = { steps: [1, 200], guidanceScale: [1, 20], filmStep: [1, 8] } as const satisfies Record<string, readonly [number, number]>;

/** What is wrong with diffusion settings (a sentence for the user), or null: the one range check of each. */
export function diffusionSettingsProblem(settings: DiffusionSettings): string | null {
  const { steps, guidanceScale, filmStep } = settings;
  const within = (value: number, [min, max]: readonly [number, number]) => value >= min && value <= max;
  if (!Number.isInteger(steps) || !within(steps, DIFFUSION_LIMITS.steps)) return `Diffusion steps must be ${DIFFUSION_LIMITS.steps.join('..')}, got ${steps}.`;
  if (!within(guidanceScale, DIFFUSION_LIMITS.guidanceScale)) return `Guidance scale must be ${DIFFUSION_LIMITS.guidanceScale.join('..')}, got ${guidanceScale}.`;
  if (!Number.isInteger(filmStep) || !within(filmStep, DIFFUSION_LIMITS.filmStep)) return `The FILM step must be ${DIFFUSION_LIMITS.filmStep.join('..')}, got ${filmStep}.`;
  return null;
}

/** AniPortrait's audio2pose style id when none is chosen: the seed's last two digits. */
export function defaultPoseStyle(seed: number): number {
  return seed % 100;
}

/**
 * The one description of work: what the CLI builds from its flags or a saved project, and the
 * studio from its document. runTrack and runExport execute it the same way for both.
 */
export interface RenderJob {
  readonly photo: JobInput;
  /**
   * The voice. `analysisSampleCount`, when known (a project records it at import), fixes the
   * decoded length and so the frame count; otherwise the decoded file decides.
   */
  readonly audio: JobInput & { readonly analysisSampleCount?: number };
  readonly poseSource: JobPoseSource;
  /** A performance video driving the track, or null: then the Audio2Lmk engine makes it from the voice. */
  readonly performance: JobPerformance | null;
  readonly engines: { readonly audio2lmk: EngineId; readonly lmk2video: EngineId; readonly interpolation: InterpolatorId };
  readonly fps: number;
  /** Seeds head motion, blinks, the pose style (unless `poseStyle`) and diffusion noise. */
  readonly seed: number;
  /** AniPortrait's audio2pose style id 0..99. */
  readonly poseStyle: number;
  /** The output size, or null for the video engine's own (512x512 built-in, the models' size for AniPortrait). */
  readonly size: FrameSize | null;
  readonly diffusion: DiffusionSettings;
  /** Keyframe layers composed over the generated track (disabled ones are skipped). */
  readonly layers: readonly KeyframeLayer[];
  /** The lip sync's per-clip controls and the mouth lane's edits, applied before the layers (a project's; absent: the generated mouth as it is). */
  readonly mouth?: MouthSettings;
  /** Sculpted shapes the layers' `shape:<id>` channels weight (compose-layers.ts). */
  readonly shapes: readonly SculptShape[];
  /** The AniPortrait models' folder and the execution providers to try, where the job names them. */
  readonly models: { readonly dir: string; readonly providers?: readonly ProviderChoice[] };
  /**
   * The project the job comes from, if any: an output must not land in its folder nor on any of
   * its assets (each named for the user).
   */
  readonly project: { readonly dir: string; readonly assets: readonly JobInput[] } | null;
  /**
   * The key of what decides the generated track (derived.ts trackInputsKey for a project), so a
   * host may reuse an earlier run's track; null: always generate.
   */
  readonly trackKey: string | null;
}
