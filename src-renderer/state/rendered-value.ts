import type { KeyChannelId } from '../../src-shared/keyframes/shape-channels';
import { channelValueAt } from '../../src-shared/project/derived';
import type { StudioState } from './studio-state';
import { playheadFrame } from './timeline-math';
import { lipSyncedTrackOf } from '../hooks/use-composed-track';

/** The value of `channel` rendered at the playhead: generated track (with the lip sync) plus every enabled layer (derived.ts); null before a track exists. */
export function renderedValueAtPlayhead(state: StudioState, channel: KeyChannelId): number | null {
  const generated = lipSyncedTrackOf(state);
  if (generated === null || state.document === null) return null;
  const { frameIndex } = playheadFrame(state);
  return channelValueAt(generated, state.document.layers, channel, frameIndex, generated.fps);
}
