import type { PointerEvent as ReactPointerEvent } from 'react';
import { useCallback, useRef, useState } from 'react';
import type { Marker } from '../../src-shared/keyframes/keyframe-schema';
import { deleteMarkers, moveMarkers, renameMarker, setMarkerColour } from '../../src-shared/edits/marker-edits';
import { focusTimeline } from '../util/focus-home';
import { MarkerMenu } from './MarkerMenu';
import { useStudio, useStudioSelector } from '../state/studio-context';
import { snapDragTime } from '../../src-shared/edits/snapping';
import { formatTimecode } from '../util/format';
import { useTimelineGeometry } from './timeline-geometry';

const NO_MARKERS: readonly Marker[] = [];
const DRAG_THRESHOLD_PX = 3;

/**
 * The project's markers on the ruler: click selects (Shift/Ctrl adds), drag moves (snapping to
 * frames and the playhead; Shift drags freely), Delete removes the selected ones; double-click
 * renames, right-click opens a menu (rename, colour, delete).
 */
export function MarkerFlags() {
  const { store, edits } = useStudio();
  const markers = useStudioSelector((s) => s.document?.markers ?? NO_MARKERS);
  const selected = useStudioSelector((s) => s.ephemeral.selection.markerIds);
  const { pxPerSec, fps } = useTimelineGeometry();
  const drag = useRef<{ id: Marker['id']; startX: number; startSec: number; moving: boolean } | null>(null);
  const [renaming, setRenaming] = useState<Marker['id'] | null>(null);
  const [menu, setMenu] = useState<{ id: Marker['id']; xPx: number; yPx: number } | null>(null);
  const closeMenu = useCallback(() => setMenu(null), []);
  const menuMarker = menu === null ? undefined : markers.find((m) => m.id === menu.id);

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

  const finishRename = (marker: Marker, label: string | null) => {
    setRenaming(null);
    if (label !== null && label.trim() !== '' && label.trim() !== marker.label) edits.edit(renameMarker(marker.id, label.trim()));
    focusTimeline();
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
          data-colour={marker.colour ?? 'yellow'}
          style={{ left: marker.timeSec * pxPerSec }}
          title={`${marker.label} at ${formatTimecode(marker.timeSec)}: drag to move (Shift: no snapping), double-click to rename, right-click for more`}
          onPointerDown={onDown(marker)}
          onPointerMove={onMove}
          onPointerUp={onUp}
          onPointerCancel={onUp}
          onDoubleClick={(event) => {
            event.stopPropagation();
            setRenaming(marker.id);
          }}
          onContextMenu={(event) => {
            event.preventDefault();
            event.stopPropagation();
            if (!selected.includes(marker.id)) edits.select({ keys: [], markerIds: [marker.id] });
            setMenu({ id: marker.id, xPx: event.clientX, yPx: event.clientY });
          }}
        >
          {renaming === marker.id ? (
            <input
              className="marker-rename"
              data-testid="marker-rename"
              aria-label="Marker name"
              defaultValue={marker.label}
              maxLength={200}
              autoFocus
              onFocus={(event) => event.target.select()}
              onPointerDown={(event) => event.stopPropagation()}
              onKeyDown={(event) => {
                event.stopPropagation();
                if (event.key === 'Enter') finishRename(marker, event.currentTarget.value);
                if (event.key === 'Escape') finishRename(marker, null);
              }}
              onBlur={(event) => renaming === marker.id && finishRename(marker, event.currentTarget.value)}
            />
          ) : (
            <span className="marker-label">{marker.label}</span>
          )}
        </div>
      ))}
      {menu !== null && menuMarker !== undefined && (
        <MarkerMenu
          xPx={menu.xPx}
          yPx={menu.yPx}
          colour={menuMarker.colour ?? 'yellow'}
          onClose={closeMenu}
          onRename={() => setRenaming(menuMarker.id)}
          onColour={(colour) => edits.edit(setMarkerColour(selected.includes(menuMarker.id) ? selected : [menuMarker.id], colour))}
          onDelete={() => edits.edit(deleteMarkers(selected.includes(menuMarker.id) ? selected : [menuMarker.id]))}
        />
      )}
    </>
  );
}
