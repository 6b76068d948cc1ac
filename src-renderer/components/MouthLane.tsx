import type { PointerEvent as ReactPointerEvent } from 'react';
import { useMemo, useRef, useState } from 'react';
import { canMoveMouthBoundary, moveMouthBoundary } from '../../src-shared/edits/mouth-edits';
import { editFrames } from '../../src-shared/mouth/compose-mouth';
import { MOUTH_SHAPE_LABELS } from '../../src-shared/mouth/mouth-schema';
import { mouthMode } from '../../src-shared/mouth/mouth-poses';
import type { LaneSegment, SegmentShape } from '../../src-shared/mouth/mouth-segments';
import { laneSegments, meshMouthOpeningCm, mouthSegments, openingRange } from '../../src-shared/mouth/mouth-segments';
import { randomId } from '../../src-shared/util/ids';
import { useStudio, useStudioSelector } from '../state/studio-context';
import { timelineFrameCount } from '../state/timeline-math';
import { MouthPalette } from './MouthPalette';
import { timeAtClientX, useTimelineGeometry } from './timeline-geometry';

const NO_EDITS: readonly never[] = [];
const LANE_HEIGHT_PX = 40;

/** What the lane calls a segment's shape. */
export function segmentLabel(shape: SegmentShape): string {
  return shape === 'open' ? 'open' : MOUTH_SHAPE_LABELS[shape];
}

interface BoundaryDrag {
  readonly left: LaneSegment;
  readonly right: LaneSegment;
  readonly newId: string;
  readonly startX: number;
  moving: boolean;
}

/**
 * The mouth lane under the waveform, as a lips track: the generated mouth's shapes as segments
 * (visemes read back from the lip sync, src-shared/mouth/mouth-segments.ts) with the mouth lane's
 * edits laid over them. Click a segment to move the playhead there and open its palette (shape,
 * strength, reset); drag a boundary between two segments. A mesh track (AniPortrait's Audio2Lmk, a
 * performance video) shows its mouth opening, and edits are corrections added to the mesh.
 */
export function MouthLane() {
  const { edits, playback } = useStudio();
  const { contentWidthPx, pxPerSec, fps } = useTimelineGeometry();
  const generated = useStudioSelector((s) => s.ephemeral.generated?.track ?? null);
  const mouthEdits = useStudioSelector((s) => s.document?.mouth.edits ?? NO_EDITS);
  const frameCount = useStudioSelector(timelineFrameCount);
  const [palette, setPalette] = useState<{ timeSec: number; xPx: number; yPx: number } | null>(null);
  const drag = useRef<BoundaryDrag | null>(null);
  const mode = generated === null ? null : mouthMode(generated);
  const generatedSegments = useMemo(() => (generated === null ? [] : mouthSegments(generated)), [generated]);
  const opening = useMemo(() => (generated === null || mouthMode(generated) !== 'mesh' ? null : meshMouthOpeningCm(generated)), [generated]);
  const segments = useMemo(() => laneSegments(generatedSegments, mouthEdits, fps, frameCount), [generatedSegments, mouthEdits, fps, frameCount]);
  const inactive = mouthEdits.filter((e) => editFrames(e, fps, frameCount)[0] >= frameCount).length;
  const selected = palette === null ? null : (segments.find((s) => palette.timeSec >= s.startSec && palette.timeSec < s.endSec) ?? null);

  const onSegmentDown = (event: ReactPointerEvent<HTMLDivElement>) => {
    if (event.button !== 0 && event.button !== 2) return;
    const lane = event.currentTarget.closest('.mouth-lane');
    if (lane === null) return;
    const timeSec = timeAtClientX(lane, event.clientX, pxPerSec);
    if (event.button === 0) playback.scrubTo(timeSec);
    setPalette({ timeSec, xPx: event.clientX, yPx: event.clientY });
  };

  const onBoundaryDown = (event: ReactPointerEvent<HTMLDivElement>, left: LaneSegment, right: LaneSegment) => {
    if (event.button !== 0) return;
    event.stopPropagation();
    event.currentTarget.setPointerCapture(event.pointerId);
    drag.current = { left, right, newId: randomId('mouth'), startX: event.clientX, moving: false };
  };
  const onBoundaryMove = (event: ReactPointerEvent<HTMLDivElement>) => {
    const current = drag.current;
    if (current === null) return;
    if (!current.moving) {
      if (Math.abs(event.clientX - current.startX) < 3) return;
      current.moving = true;
      edits.begin('Move mouth boundary');
    }
    const lane = event.currentTarget.closest('.mouth-lane');
    if (lane !== null) edits.update(moveMouthBoundary(current.left, current.right, timeAtClientX(lane, event.clientX, pxPerSec), fps, current.newId));
  };
  const onBoundaryUp = () => {
    if (drag.current?.moving) edits.commit();
    drag.current = null;
  };

  const meta = mode === 'mesh' ? 'Mesh mouth · corrections' : mode === 'visemes' ? 'Lip sync visemes' : 'generate to see shapes';
  return (
    <div className="timeline-row mouth-row" data-testid="mouth-row" style={{ height: LANE_HEIGHT_PX }}>
      <div
        className="row-header track-header mouth-header"
        title={
          mode === 'mesh'
            ? "This mouth comes from a mesh (AniPortrait's Audio2Lmk, or a performance video): the curve is its mouth opening; a shape picked for a segment is a correction added to the mesh."
            : "The lip sync's mouth shapes. Click a segment for its palette; drag a boundary between two segments."
        }
      >
        <span className="track-header-name">Mouth</span>
        <span className="track-header-meta" data-testid="mouth-mode" data-mode={mode ?? 'none'}>
          {meta}
        </span>
        {inactive > 0 && (
          <span className="track-header-meta mouth-inactive" data-testid="mouth-inactive" title="Edits kept from a longer recording: they lie past the end of this audio and do nothing until it is long enough.">
            {inactive} past the end (kept)
          </span>
        )}
      </div>
      <div className="mouth-lane" data-testid="mouth-lane" data-mode={mode ?? 'none'} style={{ width: contentWidthPx, height: LANE_HEIGHT_PX }} onContextMenu={(e) => e.preventDefault()}>
        {opening !== null && <OpeningCurve opening={opening} fps={fps} pxPerSec={pxPerSec} widthPx={contentWidthPx} heightPx={LANE_HEIGHT_PX} />}
        {segments.map((segment) => {
          const widthPx = (segment.endSec - segment.startSec) * pxPerSec;
          const correction = mode === 'mesh' && segment.editId !== null;
          const label = `${correction ? '+' : ''}${segmentLabel(segment.shape)}`;
          return (
            <div
              key={`${segment.startSec}-${segment.editId ?? 'g'}`}
              className="mouth-seg"
              data-testid="mouth-segment"
              data-shape={segment.shape}
              data-edited={segment.editId !== null}
              data-edit-id={segment.editId ?? undefined}
              data-start-sec={segment.startSec.toFixed(4)}
              data-end-sec={segment.endSec.toFixed(4)}
              data-strength={segment.strength.toFixed(2)}
              data-selected={selected === segment}
              style={{ left: segment.startSec * pxPerSec, width: Math.max(1, widthPx), ['--strength' as string]: Math.min(1, segment.strength) }}
              title={`${label} ${segment.startSec.toFixed(2)}–${segment.endSec.toFixed(2)} s · ${segment.editId === null ? 'generated' : correction ? 'correction over the mesh' : segment.keepsGenerated ? 'generated shape, edited strength' : 'edited'} · strength ${segment.strength.toFixed(2)}`}
              onPointerDown={onSegmentDown}
            >
              {widthPx >= 14 && <span className="mouth-seg-label">{label}</span>}
            </div>
          );
        })}
        {segments.slice(1).map((right, i) => {
          const left = segments[i];
          if (Math.abs(left.endSec - right.startSec) > 1e-6 || !canMoveMouthBoundary(left, right)) return null;
          return (
            <div
              key={`b-${right.startSec}`}
              className="mouth-boundary"
              data-testid="mouth-boundary"
              data-time-sec={right.startSec.toFixed(4)}
              style={{ left: right.startSec * pxPerSec - 3 }}
              title="Drag to move this boundary"
              onPointerDown={(event) => onBoundaryDown(event, left, right)}
              onPointerMove={onBoundaryMove}
              onPointerUp={onBoundaryUp}
              onPointerCancel={onBoundaryUp}
            />
          );
        })}
        {generated === null && mouthEdits.length === 0 && <div className="lane-message">Generate to see the mouth shapes here.</div>}
      </div>
      {palette !== null && selected !== null && <MouthPalette segment={selected} mode={mode ?? 'visemes'} xPx={palette.xPx} yPx={palette.yPx} onClose={() => setPalette(null)} />}
    </div>
  );
}

/** A mesh track's mouth opening over time, the clip's most closed at the bottom, its widest at the top. */
function OpeningCurve({ opening, fps, pxPerSec, widthPx, heightPx }: { readonly opening: Float32Array; readonly fps: number; readonly pxPerSec: number; readonly widthPx: number; readonly heightPx: number }) {
  const { closed, widest } = openingRange(opening);
  const span = Math.max(1e-6, widest - closed);
  const step = Math.max(1, Math.ceil(2 / (pxPerSec / fps)));
  const points: string[] = [];
  for (let f = 0; f < opening.length; f += step) points.push(`${((f / fps) * pxPerSec).toFixed(1)},${(heightPx - 4 - ((opening[f] - closed) / span) * (heightPx - 8)).toFixed(1)}`);
  return (
    <svg className="mouth-opening" width={widthPx} height={heightPx} aria-hidden="true" data-testid="mouth-opening" data-widest-cm={widest.toFixed(4)}>
      <polyline points={points.join(' ')} />
    </svg>
  );
}
