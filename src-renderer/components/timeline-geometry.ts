import { createContext, useContext } from 'react';

/** Width of the sticky lane headers on the left of the timeline. */
export const LANE_HEADER_WIDTH_PX = 184;

/** How the timeline maps time to pixels; lanes all start at time 0 on their own left edge. */
export interface TimelineGeometry {
  readonly durationSec: number;
  readonly fps: number;
  readonly pxPerSec: number;
  /** durationSec * pxPerSec */
  readonly contentWidthPx: number;
}

export const TimelineGeometryContext = createContext<TimelineGeometry>({ durationSec: 10, fps: 30, pxPerSec: 100, contentWidthPx: 1000 });

export function useTimelineGeometry(): TimelineGeometry {
  return useContext(TimelineGeometryContext);
}

/** Seconds under `clientX` for a lane element whose left edge is time 0. */
export function timeAtClientX(lane: Element, clientX: number, pxPerSec: number): number {
  return Math.max(0, (clientX - lane.getBoundingClientRect().left) / pxPerSec);
}
