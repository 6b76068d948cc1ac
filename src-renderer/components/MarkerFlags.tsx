import type { PointerEvent as ReactPointerEvent } from 'react';
import { useRef } from 'react';
import type { Marker } from '../../src-shared/keyframes/keyframe-schema';
import { moveMarkers } from '../../src-shared/edits/marker-edits';
import { useStudio, useStudioSelector } from '../state/studio-context';
import { snapDragTime } from '../../src-shared/edits/snapping';
import { formatTimecode } from '../util/format';
import { useTimelineGeometry } from './timeline-geometry';

const NO_MARKERS: readonly Marker[] = [];
const DRAG_THRESHOLD_PX = 3;

/**
 * The project's markers on the ruler: click selects (Shift/Ctrl adds), drag moves (snapping to
 * frames and the playhead; Shift drags freely), Delete removes the selected ones.
 */
export function MarkerFlags() {
  const { store, edits } = useStudio();
  const markers = useStudioSelector((s) => s.document?.markers ?? NO_MARKERS);
  const selected = useStudioSelector((s) => s.ephemeral.selection.markerIds);
  const { pxPerSec, fps } = useTimelineGeometry();
  const drag = useRef<{ id: Marker['id']; startX: number; startSec: number; moving: boolean } | null>(null);

  const onDown = (marker: Marker) => (event: ReactPointerEvent<HTMLDivElement>) => {
    if (event.button !== 0) return;
    // The ruler under the flag would scrub.
    event.stopPropagation();
    event.currentTarget.setPointerCapture(event.pointerId);
    const additive = event.shiftKey || event.ctrlKey || event.metaKey;
    const selection = store.getState().ephemeral.selection;
    if (additive) {
      const markerIds = selection.markerIds.includes(marker.id) ? selection.markerIds.filter((id) => id !== marker.id) : [...selection.markerIds, marker.id];
      edits.select({ ...selection, markerIds });
    } else edits.select({ keys: [], markerIds: [marker.id] });
    drag.current = { id: marker.id, startX: event.clientX, startSec: marker.timeSec, moving: false };
  };

  const onMove = (event: ReactPointerEvent<HTMLDivElement>) => {
    event.stopPropagation();
    const current = drag.current;
    if (current === null) return;
    if (!current.moving) {
      if (Math.abs(event.clientX - current.startX) < DRAG_THRESHOLD_PX) return;
      current.moving = true;
      edits.begin('Move marker');
    } else if (!edits.inTransaction()) return;
    const state = store.getState();
    const targetSec = snapDragTime(current.startSec + (event.clientX - current.startX) / pxPerSec, { fps, pxPerSec, targetsSec: [state.session.playheadTimeSec], free: event.shiftKey });
    const ids = state.ephemeral.selection.markerIds.includes(current.id) ? state.ephemeral.selection.markerIds : [current.id];
    edits.update(moveMarkers(ids, targetSec - current.startSec));
  };

  const onUp = (event: ReactPointerEvent<HTMLDivElement>) => {
    event.stopPropagation();
    if (drag.current?.moving === true) edits.commit();
    drag.current = null;
  };

  return (
    <>
      {markers.map((marker) => (
        <div
          key={marker.id}
          className="marker-flag"
          data-testid="marker"
          data-marker-id={marker.id}
          data-time-sec={marker.timeSec.toFixed(4)}
          data-selected={selected.includes(marker.id)}
          style={{ left: marker.timeSec * pxPerSec }}
          title={`${marker.label} at ${formatTimecode(marker.timeSec)}: drag to move (Shift: no snapping), Delete to remove`}
          onPointerDown={onDown(marker)}
          onPointerMove={onMove}
          onPointerUp={onUp}
          onPointerCancel={onUp}
        >
          <span className="marker-label">{marker.label}</span>
        </div>
      ))}
    </>
  );
}
