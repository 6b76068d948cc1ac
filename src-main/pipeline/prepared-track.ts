import type { ExpressionRig } from '../../src-shared/face/expression-rig.js';
import type { FaceParamTrack } from '../../src-shared/face/face-param-track.js';
import type { FaceRig } from '../../src-shared/face/face-rig.js';

/** What runTrack makes of a job's inputs: the analysed face and the generated track. */
export interface PreparedTrack {
  readonly rig: FaceRig;
  /** The person's deformation fields (built once from the rig). */
  readonly expression: ExpressionRig;
  /** The generated track, before keyframe layers. */
  readonly generated: FaceParamTrack;
  /** Things the user should know (several faces in the photo, a provider that failed). */
  readonly warnings: readonly string[];
}
