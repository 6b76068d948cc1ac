import type { ExpressionRig } from '../../src-shared/face/expression-rig.js';
import type { FaceParamTrack } from '../../src-shared/face/face-param-track.js';
import type { FaceRig } from '../../src-shared/face/face-rig.js';
import type { DiffusionSettings, FrameSize, InterpolatorId, JobInput, JobPoseSource } from '../../src-shared/job/render-job.js';
import type { GraphStage } from '../../src-shared/models/model-manifest.js';
import type { EngineId } from '../../src-shared/project/project-schema.js';
import type { AniPortraitModels } from './aniportrait/model-set.js';

/** Opens the user's exported AniPortrait graphs on demand (only engines with model stages ask). */
export interface ModelSource {
  open(): Promise<AniPortraitModels>;
}

/** What every engine call gets besides its inputs. */
export interface EngineContext {
  readonly models: ModelSource;
  readonly signal?: AbortSignal;
  /** Overall progress of the stage, 0..1, with a message. */
  readonly onProgress?: (fraction: number, message: string) => void;
  /** Something the user should know that does not stop the job (frames bridged, a resampled source). */
  readonly onWarning?: (message: string) => void;
}

/** The inputs of Audio2Lmk: the analysed photo and the decoded voice. */
export interface TrackInput {
  readonly rig: FaceRig;
  /** 16 kHz mono speech. */
  readonly samples: Float32Array;
  readonly fps: number;
  readonly seed: number;
  readonly poseStyle: number;
  readonly poseSource: JobPoseSource;
}

/** Audio (or a performance video) -> the generated track (before keyframe layers). */
export interface Audio2LmkEngine {
  /** An engine the user chooses (EngineId), or 'performance': the track a performance video gives. */
  readonly id: EngineId | 'performance';
  /** CLI options only this engine reads (without the dashes), e.g. 'pose-style'. */
  readonly ownOptions: readonly string[];
  /** Model stages it loads; all must be present before a job does any work. */
  readonly modelStages: readonly GraphStage[];
  /** Why this engine cannot make tracks at `fps` (a sentence for the user), or null. */
  fpsProblem(fps: number): string | null;
  generate(input: TrackInput, context: EngineContext): Promise<FaceParamTrack>;
}

/** The inputs of Lmk2Video: the final (composed) track and everything it is drawn from. */
export interface VideoInput {
  readonly photo: JobInput;
  readonly audio: JobInput;
  readonly rig: FaceRig;
  readonly track: FaceParamTrack;
  readonly expression: ExpressionRig;
  readonly size: FrameSize;
  readonly seed: number;
  readonly diffusion: DiffusionSettings;
  /** 1: every frame is made by the engine; N: every Nth, the interpolator fills the rest. */
  readonly keyFrameStep: number;
  readonly outPath: string;
}

export interface VideoContext extends EngineContext {
  readonly onFrames?: (framesDone: number, frameCount: number) => void;
}

/** Landmarks + photo -> MP4. */
export interface Lmk2VideoEngine {
  readonly id: EngineId;
  /** CLI options only this engine reads (without the dashes), e.g. 'steps'. */
  readonly ownOptions: readonly string[];
  readonly modelStages: readonly GraphStage[];
  /** True for engines that make key frames only and let the FrameInterpolator fill the rest. */
  readonly usesInterpolator: boolean;
  /**
   * Share of an export's time spent while frames are encoded: 1 for engines that render each frame
   * as it is encoded (the progress is then the frame count's), less for engines that do their work
   * before the first frame (diffusion).
   */
  readonly frameShare: number;
  fpsProblem(fps: number): string | null;
  /** Why it cannot run with these diffusion settings, or null (engines that do not diffuse ignore them). */
  settingsProblem(diffusion: DiffusionSettings): string | null;
  /** The size it renders for the requested one (null: its default); throws a StudioError when it cannot. */
  outputSize(requested: FrameSize | null, context: EngineContext): Promise<FrameSize>;
  encode(input: VideoInput, context: VideoContext): Promise<void>;
}

/** Frame interpolation between key frames (AniPortrait's FILM), or none. */
export interface FrameInterpolator {
  readonly id: InterpolatorId;
  readonly modelStages: readonly GraphStage[];
  /** Every how many frames a key frame is made, given the diffusion settings. */
  keyFrameStep(diffusion: DiffusionSettings): number;
}
