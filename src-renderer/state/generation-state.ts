import type { FaceParamTrack } from '../../src-shared/face/face-param-track';
import type { FaceRig } from '../../src-shared/face/face-rig';
import type { ExpressionRig } from '../../src-shared/face/expression-rig';

/** The Audio2Lmk result for one set of track inputs (derived.ts trackInputsKey), kept while the page lives. */
export interface GeneratedTrack {
  /** trackInputsKey() (derived.ts) of the document it was made for; a different key means it is out of date. */
  readonly inputsKey: string;
  readonly rig: FaceRig;
  /** The generated track, before keyframe layers. */
  readonly track: FaceParamTrack;
  /** The person's deformation fields, built once from the rig (for the 3D viewport). */
  readonly expression: ExpressionRig;
  readonly warnings: readonly string[];
}

export type GenerationJob =
  | { readonly status: 'idle' }
  | { readonly status: 'running'; readonly jobId: string; readonly inputsKey: string; readonly fraction: number; readonly message: string }
  | { readonly status: 'failed'; readonly inputsKey: string; readonly message: string }
  /** The user stopped it: not started again by itself until the inputs change. */
  | { readonly status: 'cancelled'; readonly inputsKey: string };
