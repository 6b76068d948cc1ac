import type { PointerEvent as ReactPointerEvent } from 'react';
import { memo, useRef } from 'react';
import type { KeyChannelId } from '../../src-shared/keyframes/shape-channels';
import type { ChannelCurves } from '../../src-shared/keyframes/channel-curves';
import type { Keyframe } from '../../src-shared/keyframes/keyframe-schema';
import type { SculptShape } from '../../src-shared/sculpt/shape-schema';
import { frameContaining } from '../../src-shared/project/derived';
import { channelInfo, formatChannelValue } from '../util/channel-info';
import { Icon } from './Icon';

interface KeyframeLaneProps {
  readonly channel: KeyChannelId;
  /** The document's sculpted shapes (a shape lane is named after its shape). */
  readonly shapes: readonly SculptShape[];
  readonly keys: readonly Keyframe[];
  /** Ids of this lane's selected keys. */
  readonly selectedIds: ReadonlySet<string>;
  readonly pxPerSec: number;
  readonly contentWidthPx: number;
  readonly fps: number;
  readonly heightPx: number;
  readonly curves: ChannelCurves;
  /** What the active layer adds to this channel at the playhead. */
  readonly valueAtPlayhead: number;
  /** Frame of the playhead, for the rendered value shown in the header's tooltip. */
  readonly playheadFrame: number;
  readonly keyedAtPlayhead: boolean;
  readonly inGraph: boolean;
  readonly onAddKey: (channel: KeyChannelId) => void;
  readonly onResize: (channel: KeyChannelId, heightPx: number) => void;
  readonly onGraph: (channel: KeyChannelId, add: boolean) => void;
}

const PAD_PX = 3;

/**
 * One channel's row: a sticky header (name, value at the playhead, graph, add key, a resize grip)
 * and the lane: the generated value dimmed, the rendered (composed) value bright, and the active
 * layer's keys sitting on the rendered curve.
 */
export const KeyframeLane = memo(function KeyframeLane(props: KeyframeLaneProps) {
  const { channel, shapes, keys, selectedIds, pxPerSec, contentWidthPx, fps, heightPx, curves, valueAtPlayhead, playheadFrame, keyedAtPlayhead, inGraph, onAddKey, onResize, onGraph } = props;
  const info = channelInfo(channel, shapes);
  const resize = useRef<{ startY: number; startH: number } | null>(null);
  const span = Math.max(curves.max - curves.min, info.kind === 'pose' ? 1 : 0.05);
  const low = (curves.max + curves.min) / 2 - span / 2;
  const yOf = (value: number) => heightPx - PAD_PX - ((value - low) / span) * (heightPx - 2 * PAD_PX);
  const rendered = curves.composed[Math.min(curves.composed.length - 1, playheadFrame)] ?? 0;
  const onResizeDown = (event: ReactPointerEvent<HTMLDivElement>) => {
    event.stopPropagation();
    event.currentTarget.setPointerCapture(event.pointerId);
    resize.current = { startY: event.clientY, startH: heightPx };
  };
  const onResizeMove = (event: ReactPointerEvent<HTMLDivElement>) => {
    if (resize.current !== null) onResize(channel, resize.current.startH + event.clientY - resize.current.startY);
  };
  return (
    <div className="timeline-row key-row" data-kind={info.kind} data-testid={`lane-row-${channel}`} style={{ height: heightPx }}>
      <div className="row-header key-header" title={info.tooltip}>
        <span className="key-header-name">{info.label}</span>
        <span
          className="key-header-value"
          data-testid={`lane-value-${channel}`}
          data-rendered={rendered}
          title={`The active layer adds ${formatChannelValue(channel, valueAtPlayhead)} here; rendered with the generated motion and every layer: ${formatChannelValue(channel, rendered)}`}
        >
          {formatChannelValue(channel, valueAtPlayhead)}
        </span>
        <button
          type="button"
          className="key-add"
          data-testid={`graph-${channel}`}
          aria-pressed={inGraph}
          aria-label={`Open ${info.label} in the graph editor`}
          title={`Open ${info.label} in the graph editor (Shift: add it to the graph)`}
          onMouseDown={(event) => event.preventDefault()}
          onClick={(event) => onGraph(channel, event.shiftKey)}
        >
          <Icon name="graph" sizePx={11} />
        </button>
        <button
          type="button"
          className="key-add"
          data-testid={`add-key-${channel}`}
          data-keyed={keyedAtPlayhead}
          aria-label={`Add a ${info.label} key at the playhead`}
          title={`Add a ${info.label} key at the playhead (or double-click the lane)`}
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => onAddKey(channel)}
        >
          <Icon name="key" sizePx={11} />
        </button>
        <div
          className="lane-resize"
          data-testid={`lane-resize-${channel}`}
          title="Drag to resize the lane"
          onPointerDown={onResizeDown}
          onPointerMove={onResizeMove}
          onPointerUp={() => (resize.current = null)}
          onPointerCancel={() => (resize.current = null)}
        />
      </div>
      <div className="key-lane" data-testid={`lane-${channel}`} data-channel={channel} style={{ width: contentWidthPx, height: heightPx }}>
        <LaneCurves channel={channel} curves={curves} pxPerSec={pxPerSec} fps={fps} contentWidthPx={contentWidthPx} heightPx={heightPx} yOf={yOf} />
        {keys.map((key) => {
          const frame = Math.min(curves.composed.length - 1, Math.max(0, frameContaining(key.timeSec, fps)));
          const y = curves.composed.length === 0 ? heightPx / 2 : yOf(curves.composed[frame]);
          return (
            <div
              key={key.id}
              className="key-diamond"
              data-testid="key"
              data-channel={channel}
              data-key-id={key.id}
              data-time-sec={key.timeSec.toFixed(4)}
              data-value={key.value}
              data-interp={key.interp}
              data-selected={selectedIds.has(key.id)}
              style={{ left: key.timeSec * pxPerSec, top: Math.min(heightPx - 6, Math.max(6, y)) }}
              title={`${info.label} ${formatChannelValue(channel, key.value)} at ${key.timeSec.toFixed(3)} s (${key.interp}, ${key.handleMode} handles)`}
            />
          );
        })}
      </div>
    </div>
  );
});

interface LaneCurvesProps {
  readonly channel: KeyChannelId;
  readonly curves: ChannelCurves;
  readonly pxPerSec: number;
  readonly fps: number;
  readonly contentWidthPx: number;
  readonly heightPx: number;
  readonly yOf: (value: number) => number;
}

/** Polylines of the generated (dim) and rendered values, one point per frame (fewer when frames are under 2 px apart). */
function LaneCurves({ channel, curves, pxPerSec, fps, contentWidthPx, heightPx, yOf }: LaneCurvesProps) {
  const pxPerFrame = pxPerSec / fps;
  const step = Math.max(1, Math.ceil(2 / pxPerFrame));
  const line = (values: Float64Array) => {
    const points: string[] = [];
    for (let f = 0; f < values.length; f += step) points.push(`${((f / fps) * pxPerSec).toFixed(1)},${yOf(values[f]).toFixed(1)}`);
    if (values.length > 0 && (values.length - 1) % step !== 0) points.push(`${(((values.length - 1) / fps) * pxPerSec).toFixed(1)},${yOf(values[values.length - 1]).toFixed(1)}`);
    return points.join(' ');
  };
  const zeroY = yOf(0);
  return (
    <svg className="lane-curve" width={contentWidthPx} height={heightPx} aria-hidden="true" data-testid={`lane-curves-${channel}`} data-min={curves.min} data-max={curves.max}>
      {zeroY > 0 && zeroY < heightPx && <line className="lane-zero" x1={0} x2={contentWidthPx} y1={zeroY} y2={zeroY} />}
      {curves.generated !== null && <polyline className="lane-curve-generated" data-testid={`lane-generated-${channel}`} points={line(curves.generated)} />}
      <polyline className="lane-curve-composed" data-testid={`lane-composed-${channel}`} points={line(curves.composed)} />
    </svg>
  );
}
