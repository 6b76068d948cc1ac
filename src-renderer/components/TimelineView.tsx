import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { Marker } from '../../src-shared/keyframes/keyframe-schema';
import type { AudioPeaksState } from '../hooks/use-audio-peaks';
import { useElementWidth } from '../hooks/use-element-width';
import { useStudio, useStudioSelector } from '../state/studio-context';
import { playheadFrame } from '../state/timeline-math';
import { AudioLane } from './AudioLane';
import { KeyframeLanes } from './KeyframeLanes';
import { MouthLane } from './MouthLane';
import type { TimelineGeometry } from './timeline-geometry';
import { LANE_HEADER_WIDTH_PX, TimelineGeometryContext } from './timeline-geometry';
import { TimeRuler } from './TimeRuler';

const NO_MARKERS: readonly Marker[] = [];
/** Room after the last frame, so the end of the audio is not under the scroll bar's edge. */
const END_PADDING_PX = 16;
/** How close to the lane's edges the playhead may come before the view scrolls to follow it. */
const FOLLOW_MARGIN_PX = 24;

/**
 * The scrolling body of the timeline: ruler with markers, audio, keyframe lanes and the playhead,
 * with sticky lane headers. Ctrl+wheel zooms around the pointer; the slider zooms around the playhead.
 */
export function TimelineView({ durationSec, peaks }: { readonly durationSec: number; readonly peaks: AudioPeaksState }) {
  const { view, store } = useStudio();
  const zoom = useStudioSelector((s) => s.session.timelineZoom);
  const fps = useStudioSelector((s) => s.document?.settings.fps ?? 30);
  const playheadTimeSec = useStudioSelector((s) => s.session.playheadTimeSec);
  const frameIndex = useStudioSelector((s) => playheadFrame(s).frameIndex);
  const markers = useStudioSelector((s) => s.document?.markers ?? NO_MARKERS);
  const loop = useStudioSelector((s) => s.document?.loop ?? null);
  const scroll = useRef<HTMLDivElement>(null);
  const viewportWidthPx = useElementWidth(scroll);
  const [scrollLeftPx, setScrollLeftPx] = useState(0);
  const laneViewportPx = Math.max(100, viewportWidthPx - LANE_HEADER_WIDTH_PX - END_PADDING_PX);
  const pxPerSec = (laneViewportPx / Math.max(durationSec, 0.1)) * zoom;
  const geometry: TimelineGeometry = useMemo(() => ({ durationSec, fps, pxPerSec, contentWidthPx: durationSec * pxPerSec }), [durationSec, fps, pxPerSec]);
  const playheadXPx = Math.min(playheadTimeSec, durationSec) * pxPerSec;

  // Zooming keeps one time in place on screen: the one under the pointer (wheel) or the playhead.
  const anchor = useRef<{ timeSec: number; offsetPx: number } | null>(null);
  const previousPxPerSec = useRef(pxPerSec);
  useLayoutEffect(() => {
    const element = scroll.current;
    const before = previousPxPerSec.current;
    previousPxPerSec.current = pxPerSec;
    if (element === null || before === pxPerSec) return;
    const playheadSec = store.getState().session.playheadTimeSec;
    const { timeSec, offsetPx } = anchor.current ?? { timeSec: playheadSec, offsetPx: playheadSec * before - element.scrollLeft };
    anchor.current = null;
    element.scrollLeft = Math.max(0, timeSec * pxPerSec - offsetPx);
  }, [pxPerSec, store]);

  const pxPerSecRef = useRef(pxPerSec);
  useEffect(() => {
    pxPerSecRef.current = pxPerSec;
  }, [pxPerSec]);
  useEffect(() => {
    const element = scroll.current;
    if (element === null) return;
    const onWheel = (event: WheelEvent) => {
      if (!(event.ctrlKey || event.metaKey)) return;
      // Otherwise the browser zooms the whole page.
      event.preventDefault();
      const offsetPx = event.clientX - element.getBoundingClientRect().left - LANE_HEADER_WIDTH_PX;
      anchor.current = { timeSec: (element.scrollLeft + offsetPx) / pxPerSecRef.current, offsetPx };
      view.setTimelineZoom(store.getState().session.timelineZoom * Math.exp(-event.deltaY * 0.002));
    };
    element.addEventListener('wheel', onWheel, { passive: false });
    return () => element.removeEventListener('wheel', onWheel);
  }, [view, store]);

  // Keep the playhead in view while playing or stepping.
  useEffect(() => {
    const element = scroll.current;
    if (element === null) return;
    const left = element.scrollLeft;
    if (playheadXPx > left + laneViewportPx - FOLLOW_MARGIN_PX || playheadXPx < left) element.scrollLeft = Math.max(0, playheadXPx - FOLLOW_MARGIN_PX);
  }, [playheadXPx, laneViewportPx]);

  return (
    <TimelineGeometryContext value={geometry}>
      <div className="timeline-scroll" ref={scroll} data-testid="timeline-scroll" onScroll={(event) => setScrollLeftPx(event.currentTarget.scrollLeft)}>
        <div className="timeline-content" style={{ width: LANE_HEADER_WIDTH_PX + geometry.contentWidthPx + END_PADDING_PX }}>
          <div className="timeline-row ruler-row">
            <div className="row-header ruler-corner">
              <span className="ruler-corner-text">Markers · M</span>
            </div>
            <TimeRuler />
          </div>
          <AudioLane peaks={peaks} />
          <MouthLane />
          <KeyframeLanes />
          {loop !== null && (
            <div
              className="loop-band"
              data-testid="loop-band"
              data-enabled={loop.enabled}
              style={{ left: LANE_HEADER_WIDTH_PX + loop.inSec * pxPerSec, width: Math.max(1, (loop.outSec - loop.inSec) * pxPerSec) }}
            />
          )}
          {markers.map((marker) => (
            <div key={marker.id} className="marker-line" style={{ left: LANE_HEADER_WIDTH_PX + marker.timeSec * pxPerSec }} />
          ))}
          <div
            className="playhead"
            data-testid="playhead"
            data-frame-index={frameIndex}
            hidden={playheadXPx < scrollLeftPx - 1}
            style={{ left: LANE_HEADER_WIDTH_PX + playheadXPx }}
          >
            <div className="playhead-cap" />
          </div>
        </div>
      </div>
    </TimelineGeometryContext>
  );
}
