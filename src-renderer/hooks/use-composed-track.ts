import type { FaceParamTrack } from '../../src-shared/face/face-param-track';
import { composeLayers } from '../../src-shared/keyframes/compose-layers';
import type { KeyframeLayer } from '../../src-shared/keyframes/keyframe-schema';
import type { SculptShape } from '../../src-shared/sculpt/shape-schema';
import type { StudioState } from '../state/studio-state';
import { useStudioSelector } from '../state/studio-context';

let memo: { generated: FaceParamTrack; layers: readonly KeyframeLayer[]; shapes: readonly SculptShape[]; composed: FaceParamTrack } | null = null;

/** Generated track + the document's keyframe layers and sculpted shapes, recomputed only when either changes. */
export function composedTrackOf(state: StudioState): FaceParamTrack | null {
  const generated = state.ephemeral.generated?.track ?? null;
  const layers = state.document?.layers ?? null;
  const shapes = state.document?.shapes ?? [];
  if (generated === null || layers === null) return null;
  if (memo === null || memo.generated !== generated || memo.layers !== layers || memo.shapes !== shapes) memo = { generated, layers, shapes, composed: composeLayers(generated, layers, shapes) };
  return memo.composed;
}

export function useComposedTrack(): FaceParamTrack | null {
  return useStudioSelector(composedTrackOf);
}
