import type { PointerEvent as ReactPointerEvent, MouseEvent as ReactMouseEvent } from 'react';
import { useCallback, useMemo, useRef, useState } from 'react';
import type { KeyChannelId } from '../../src-shared/keyframes/shape-channels';
import { CHANNELS } from '../../src-shared/keyframes/channels';
import { shapeChannel } from '../../src-shared/keyframes/shape-channels';
import type { KeyframeId } from '../../src-shared/util/ids';
import type { SculptShape } from '../../src-shared/sculpt/shape-schema';
import { playheadFrameTimeSec } from '../state/edit-actions';
import { activeLayer, activeLayerValue, findKey, keyAt } from '../../src-shared/edits/keyframe-queries';
import { moveKeys } from '../../src-shared/edits/keyframe-edits';
import type { KeyRef } from '../../src-shared/edits/selection';
import { clickKey, isKeySelected } from '../../src-shared/edits/selection';
import { useStudio, useStudioSelector } from '../state/studio-context';
import { snapDragTime } from '../../src-shared/edits/snapping';
import { KeyframeLane } from './KeyframeLane';
import { channelCurves } from '../../src-shared/keyframes/channel-curves';
import { DEFAULT_LANE_HEIGHT_PX } from '../state/studio-state';
import { playheadFrame, timelineFrameCount } from '../state/timeline-math';
import { timeAtClientX, useTimelineGeometry } from './timeline-geometry';
import { lipSyncedTrackOf } from '../hooks/use-composed-track';

const DRAG_THRESHOLD_PX = 3;
const NO_SHAPES: readonly SculptShape[] = [];

type Gesture =
  | { kind: 'keys'; grabbed: KeyRef; startX: number; startSec: number; moving: boolean; toggleOnUp: boolean }
  | { kind: 'box'; lane: HTMLElement; startX: number; startY: number; additive: boolean; moving: boolean };

interface Box {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

/**
 * The 12 keyframe lanes (6 pose, 6 expression channels) of the active layer. Click a key to select
 * it (Shift/Ctrl adds), drag to move the selection (snaps to frames, and to markers and the playhead
 * within a few pixels; Shift drags freely), drag on empty lane space to box-select, click it to move
 * the playhead, double-click to key that channel there.
 */
export function KeyframeLanes() {
  const { store, edits, playback, view } = useStudio();
  const { pxPerSec, fps, contentWidthPx } = useTimelineGeometry();
  const layer = useStudioSelector((s) => (s.document === null ? null : activeLayer(s.document)));
  const selection = useStudioSelector((s) => s.ephemeral.selection);
  const playheadSec = useStudioSelector(playheadFrameTimeSec);
  const doc = useStudioSelector((s) => s.document);
  const container = useRef<HTMLDivElement>(null);
  const gesture = useRef<Gesture | null>(null);
  const [box, setBox] = useState<Box | null>(null);
  const addKey = useCallback((channel: KeyChannelId) => edits.addKeyAtPlayhead(channel), [edits]);
  const resizeLane = useCallback((channel: KeyChannelId, heightPx: number) => view.setLaneHeight(channel, heightPx), [view]);
  const openGraph = useCallback(
    (channel: KeyChannelId, add: boolean) => {
      const shown = store.getState().ephemeral.graphChannels ?? [];
      view.showGraph(add ? [...shown.filter((c) => c !== channel), channel] : [channel]);
    },
    [view, store],
  );
  const laneHeights = useStudioSelector((s) => s.ephemeral.laneHeightsPx);
  const graphChannels = useStudioSelector((s) => s.ephemeral.graphChannels);
  const generated = useStudioSelector(lipSyncedTrackOf);
  const layers = useStudioSelector((s) => s.document?.layers ?? null);
  const frameCount = useStudioSelector(timelineFrameCount);
  const playheadFrameIndex = useStudioSelector((s) => playheadFrame(s).frameIndex);
  const shapes = useStudioSelector((s) => s.document?.shapes ?? NO_SHAPES);
  // The built-in channels, then one weight lane per sculpted shape.
  const channels = useMemo<readonly KeyChannelId[]>(() => [...CHANNELS, ...shapes.map((s) => shapeChannel(s.id))], [shapes]);
  const curves = useMemo(
    () => Object.fromEntries(channels.map((channel) => [channel, channelCurves(generated, layers ?? [], channel, generated?.frameCount ?? frameCount, fps)])),
    [generated, layers, frameCount, fps, channels],
  );

  const onDown = (event: ReactPointerEvent<HTMLDivElement>) => {
    const target = event.target as HTMLElement;
    const lane = target.closest<HTMLElement>('.key-lane');
    if (event.button !== 0 || lane === null) return;
    const additive = event.shiftKey || event.ctrlKey || event.metaKey;
    event.currentTarget.setPointerCapture(event.pointerId);
    const keyElement = target.closest<HTMLElement>('.key-diamond');
    const state = store.getState();
    if (keyElement !== null && state.document !== null) {
      const ref: KeyRef = { channel: keyElement.dataset.channel as KeyChannelId, keyId: keyElement.dataset.keyId as KeyframeId };
      const wasSelected = isKeySelected(state.ephemeral.selection, ref);
      if (!wasSelected) edits.select(clickKey(state.ephemeral.selection, ref, additive));
      gesture.current = { kind: 'keys', grabbed: ref, startX: event.clientX, startSec: findKey(state.document, ref)?.timeSec ?? 0, moving: false, toggleOnUp: wasSelected };
    } else {
      gesture.current = { kind: 'box', lane, startX: event.clientX, startY: event.clientY, additive, moving: false };
    }
  };

  const onMove = (event: ReactPointerEvent<HTMLDivElement>) => {
    const current = gesture.current;
    if (current === null) return;
    const distance = Math.abs(event.clientX - current.startX) + (current.kind === 'box' ? Math.abs(event.clientY - current.startY) : 0);
    if (!current.moving && distance < DRAG_THRESHOLD_PX) return;
    if (current.kind === 'keys') {
      if (!current.moving) {
        current.moving = true;
        const count = store.getState().ephemeral.selection.keys.length;
        edits.begin(count === 1 ? 'Move key' : `Move ${count} keys`);
      } else if (!edits.inTransaction()) return;
      const state = store.getState();
      const targetsSec = [state.session.playheadTimeSec, ...(state.document?.markers.map((m) => m.timeSec) ?? [])];
      const targetSec = snapDragTime(current.startSec + (event.clientX - current.startX) / pxPerSec, { fps, pxPerSec, targetsSec, free: event.shiftKey });
      edits.update(moveKeys(state.ephemeral.selection.keys, targetSec - current.startSec));
      return;
    }
    current.moving = true;
    const bounds = container.current?.getBoundingClientRect();
    if (bounds === undefined) return;
    setBox({
      left: Math.min(current.startX, event.clientX) - bounds.left,
      top: Math.min(current.startY, event.clientY) - bounds.top,
      width: Math.abs(event.clientX - current.startX),
      height: Math.abs(event.clientY - current.startY),
    });
  };

  const onUp = (event: ReactPointerEvent<HTMLDivElement>) => {
    const current = gesture.current;
    gesture.current = null;
    if (current === null) return;
    if (current.kind === 'keys') {
      if (current.moving) edits.commit();
      else if (current.toggleOnUp) edits.select(clickKey(store.getState().ephemeral.selection, current.grabbed, event.shiftKey || event.ctrlKey || event.metaKey));
      return;
    }
    setBox(null);
    if (!current.moving) {
      if (!current.additive) edits.clearSelection();
      playback.scrubTo(timeAtClientX(current.lane, event.clientX, pxPerSec));
      return;
    }
    edits.select(boxSelection(container.current, current, event, current.additive ? store.getState().ephemeral.selection.keys : []));
  };

  const onContextMenu = (event: ReactMouseEvent<HTMLDivElement>) => {
    const keyElement = (event.target as HTMLElement).closest<HTMLElement>('.key-diamond');
    if (keyElement === null) return;
    event.preventDefault();
    const ref: KeyRef = { channel: keyElement.dataset.channel as KeyChannelId, keyId: keyElement.dataset.keyId as KeyframeId };
    const selection = store.getState().ephemeral.selection;
    if (!isKeySelected(selection, ref)) edits.select(clickKey(selection, ref, false));
    view.openKeyMenu(event.clientX, event.clientY);
  };

  const onDoubleClick = (event: ReactMouseEvent<HTMLDivElement>) => {
    // The pointer capture of the first click retargets the dblclick to the container: look under the pointer.
    const target = document.elementFromPoint(event.clientX, event.clientY);
    const lane = target?.closest<HTMLElement>('.key-lane') ?? null;
    if (lane === null || target?.closest('.key-diamond') !== null) return;
    playback.scrubTo(timeAtClientX(lane, event.clientX, pxPerSec));
    edits.addKeyAtPlayhead(lane.dataset.channel as KeyChannelId);
  };

  return (
    <div ref={container} className="key-lanes" onPointerDown={onDown} onPointerMove={onMove} onPointerUp={onUp} onPointerCancel={onUp} onDoubleClick={onDoubleClick} onContextMenu={onContextMenu}>
      {channels.map((channel) => {
        const keys = layer?.channels[channel] ?? [];
        const selectedIds = new Set(selection.keys.filter((k) => k.channel === channel).map((k) => k.keyId as string));
        return (
          <KeyframeLane
            key={channel}
            channel={channel}
            shapes={shapes}
            keys={keys}
            selectedIds={selectedIds}
            pxPerSec={pxPerSec}
            contentWidthPx={contentWidthPx}
            fps={fps}
            heightPx={laneHeights[channel] ?? DEFAULT_LANE_HEIGHT_PX}
            curves={curves[channel]}
            inGraph={graphChannels?.includes(channel) ?? false}
            onResize={resizeLane}
            onGraph={openGraph}
            playheadFrame={playheadFrameIndex}
            valueAtPlayhead={doc === null ? 0 : activeLayerValue(doc, channel, playheadSec)}
            keyedAtPlayhead={doc !== null && keyAt(doc, channel, playheadSec, fps) !== null}
            onAddKey={addKey}
          />
        );
      })}
      {box !== null && <div className="select-box" style={box} data-testid="select-box" />}
    </div>
  );
}

/** Keys whose diamonds' centres lie inside the dragged box, plus `base`. */
function boxSelection(container: HTMLElement | null, start: { startX: number; startY: number }, end: { clientX: number; clientY: number }, base: readonly KeyRef[]): { keys: KeyRef[]; markerIds: [] } {
  const keys = [...base];
  const left = Math.min(start.startX, end.clientX);
  const right = Math.max(start.startX, end.clientX);
  const top = Math.min(start.startY, end.clientY);
  const bottom = Math.max(start.startY, end.clientY);
  for (const element of container?.querySelectorAll<HTMLElement>('.key-diamond') ?? []) {
    const rect = element.getBoundingClientRect();
    const x = rect.left + rect.width / 2;
    const y = rect.top + rect.height / 2;
    if (x < left || x > right || y < top || y > bottom) continue;
    const ref: KeyRef = { channel: element.dataset.channel as KeyChannelId, keyId: element.dataset.keyId as KeyframeId };
    if (!keys.some((k) => k.channel === ref.channel && k.keyId === ref.keyId)) keys.push(ref);
  }
  return { keys, markerIds: [] };
}
