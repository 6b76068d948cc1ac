import type { PointerEvent as ReactPointerEvent } from 'react';
import { timeAtClientX, useTimelineGeometry } from '../components/timeline-geometry';
import { useStudio } from '../state/studio-context';

/**
 * Pointer handler for anything on the timeline that scrubs when pressed and dragged (the ruler,
 * the audio lane): the pointer is captured on press, so the drag keeps scrubbing outside it.
 */
export function useScrubPointer(): (event: ReactPointerEvent<HTMLDivElement>) => void {
  const { playback } = useStudio();
  const { pxPerSec } = useTimelineGeometry();
  return (event) => {
    if (event.type === 'pointermove' && !event.currentTarget.hasPointerCapture(event.pointerId)) return;
    if (event.type === 'pointerdown') {
      if (event.button !== 0) return;
      event.currentTarget.setPointerCapture(event.pointerId);
    }
    playback.scrubTo(timeAtClientX(event.currentTarget, event.clientX, pxPerSec), event.type === 'pointermove');
  };
}
