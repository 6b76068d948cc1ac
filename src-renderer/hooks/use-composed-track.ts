import type { FaceParamTrack } from '../../src-shared/face/face-param-track';
import { composeLayers } from '../../src-shared/keyframes/compose-layers';
import type { KeyframeLayer } from '../../src-shared/keyframes/keyframe-schema';
import { composeMouth } from '../../src-shared/mouth/compose-mouth';
import type { MouthSettings } from '../../src-shared/mouth/mouth-schema';
import type { SculptShape } from '../../src-shared/sculpt/shape-schema';
import type { StudioState } from '../state/studio-state';
import { useStudioSelector } from '../state/studio-context';

let memo: { generated: FaceParamTrack; layers: readonly KeyframeLayer[]; mouth: MouthSettings; shapes: readonly SculptShape[]; composed: FaceParamTrack } | null = null;
let lipSyncMemo: { generated: FaceParamTrack; mouth: MouthSettings; composed: FaceParamTrack } | null = null;

/** Generated track + the document's lip sync, keyframe layers and sculpted shapes, recomputed only when one changes. */
export function composedTrackOf(state: StudioState): FaceParamTrack | null {
  const generated = state.ephemeral.generated?.track ?? null;
  const layers = state.document?.layers ?? null;
  const mouth = state.document?.mouth ?? null;
  const shapes = state.document?.shapes ?? null;
  if (generated === null || layers === null || mouth === null || shapes === null) return null;
  if (memo === null || memo.generated !== generated || memo.layers !== layers || memo.mouth !== mouth || memo.shapes !== shapes) {
    memo = { generated, layers, mouth, shapes, composed: composeLayers(generated, layers, { mouth, shapes }) };
  }
  return memo.composed;
}

/**
 * The generated track with the lip sync's controls and the mouth lane's edits, before the keyframe
 * layers: what the lanes draw as "generated" and what derived.ts channelValueAt adds the layers to.
 */
export function lipSyncedTrackOf(state: StudioState): FaceParamTrack | null {
  const generated = state.ephemeral.generated?.track ?? null;
  const mouth = state.document?.mouth ?? null;
  if (generated === null || mouth === null) return generated;
  if (lipSyncMemo === null || lipSyncMemo.generated !== generated || lipSyncMemo.mouth !== mouth) lipSyncMemo = { generated, mouth, composed: composeMouth(generated, mouth) };
  return lipSyncMemo.composed;
}

export function useComposedTrack(): FaceParamTrack | null {
  return useStudioSelector(composedTrackOf);
}
