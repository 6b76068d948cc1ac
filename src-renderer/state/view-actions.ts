import type { DialogState } from './studio-state';
import { MAX_TIMELINE_ZOOM } from './studio-state';
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
}
