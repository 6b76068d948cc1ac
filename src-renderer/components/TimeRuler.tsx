import type { PointerEvent as ReactPointerEvent } from 'react';
import { rulerLabel, rulerTicks } from './ruler-ticks';

interface TimeRulerProps {
  readonly durationSec: number;
  readonly widthPx: number;
  readonly onScrub: (event: ReactPointerEvent<HTMLDivElement>) => void;
}

/** Seconds along the top of the timeline; scrubbing on it moves the playhead. */
export function TimeRuler({ durationSec, widthPx, onScrub }: TimeRulerProps) {
  const { ticks, majorStepSec } = rulerTicks(durationSec, widthPx);
  return (
    <div className="time-ruler" data-testid="time-ruler" onPointerDown={onScrub} onPointerMove={onScrub}>
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
    </div>
  );
}
