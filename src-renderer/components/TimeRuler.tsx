import { useStudioSelector } from '../state/studio-context';
import { MarkerFlags } from './MarkerFlags';
import { rulerLabel, rulerTicks } from './ruler-ticks';
import { useScrubPointer } from '../hooks/use-scrub-pointer';
import { useTimelineGeometry } from './timeline-geometry';

/** Seconds along the top of the timeline with the project's markers; pressing or dragging on it scrubs. */
export function TimeRuler() {
  const { durationSec, contentWidthPx, pxPerSec } = useTimelineGeometry();
  const { ticks, majorStepSec } = rulerTicks(durationSec, contentWidthPx);
  const playheadTimeSec = useStudioSelector((s) => s.session.playheadTimeSec);

  const scrub = useScrubPointer();

  return (
    <div className="time-ruler" data-testid="time-ruler" style={{ width: contentWidthPx }} onPointerDown={scrub} onPointerMove={scrub}>
      {ticks.map((tick) => (
        <div key={tick.timeSec} className={`ruler-tick ${tick.major ? 'major' : 'minor'}`} style={{ left: tick.xPx }} />
      ))}
      {ticks
        .filter((tick) => tick.major)
        .map((tick) => (
          <span key={`label-${tick.timeSec}`} className="ruler-label" style={{ left: tick.xPx }}>
            {rulerLabel(tick.timeSec, majorStepSec)}
          </span>
        ))}
      <MarkerFlags />
      <div className="ruler-playhead" style={{ left: Math.min(playheadTimeSec, durationSec) * pxPerSec }} />
    </div>
  );
}
