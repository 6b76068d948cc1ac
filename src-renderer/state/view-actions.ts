import type { KeyChannelId } from '../../src-shared/keyframes/shape-channels';
import type { DialogState, ViewportDisplay } from './studio-state';
import type { SculptState } from './sculpt-state';
import { MAX_LANE_HEIGHT_PX, MAX_TIMELINE_ZOOM, MIN_LANE_HEIGHT_PX } from './studio-state';
import type { StudioStore } from './studio-store';
import { setDialog } from './store-updates';

/** View state that is not the document: dialogs, overlays, timeline zoom. Never undone. */
export class ViewActions {
  constructor(private readonly store: StudioStore) {}

  openDialog(dialog: DialogState): void {
    this.store.update((s) => setDialog(s, dialog));
  }

  closeDialog(): void {
    this.store.update((s) => setDialog(s, null));
  }

  toggleLandmarks(): void {
    this.store.update((s) => ({ ...s, ephemeral: { ...s.ephemeral, showLandmarks: !s.ephemeral.showLandmarks } }));
  }

  setTimelineZoom(zoom: number): void {
    const timelineZoom = Math.min(MAX_TIMELINE_ZOOM, Math.max(1, zoom));
    this.store.update((s) => (s.session.timelineZoom === timelineZoom ? s : { ...s, session: { ...s.session, timelineZoom } }));
  }

  /** A lane's height, clamped to MIN..MAX_LANE_HEIGHT_PX. */
  setLaneHeight(channel: KeyChannelId, heightPx: number): void {
    const h = Math.round(Math.min(MAX_LANE_HEIGHT_PX, Math.max(MIN_LANE_HEIGHT_PX, heightPx)));
    this.store.update((s) => (s.ephemeral.laneHeightsPx[channel] === h ? s : { ...s, ephemeral: { ...s.ephemeral, laneHeightsPx: { ...s.ephemeral.laneHeightsPx, [channel]: h } } }));
  }

  /** Shows `channels` in the graph editor (null: back to the lanes). */
  showGraph(channels: readonly KeyChannelId[] | null): void {
    this.store.update((s) => ({ ...s, ephemeral: { ...s.ephemeral, graphChannels: channels !== null && channels.length === 0 ? null : channels } }));
  }

  openKeyMenu(xPx: number, yPx: number): void {
    this.store.update((s) => ({ ...s, ephemeral: { ...s.ephemeral, keyMenu: { xPx, yPx } } }));
  }

  closeKeyMenu(): void {
    this.store.update((s) => (s.ephemeral.keyMenu === null ? s : { ...s, ephemeral: { ...s.ephemeral, keyMenu: null } }));
  }

  setViewportDisplay(change: Partial<ViewportDisplay>): void {
    this.store.update((s) => ({ ...s, ephemeral: { ...s.ephemeral, viewportDisplay: { ...s.ephemeral.viewportDisplay, ...change } } }));
  }

  setSculpt(change: Partial<SculptState>): void {
    this.store.update((s) => ({ ...s, ephemeral: { ...s.ephemeral, sculpt: { ...s.ephemeral.sculpt, ...change } } }));
  }

  setAudioScrub(on: boolean): void {
    this.store.update((s) => ({ ...s, ephemeral: { ...s.ephemeral, audioScrub: on } }));
  }
}
