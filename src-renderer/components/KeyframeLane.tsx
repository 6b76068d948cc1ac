import { memo } from 'react';
import type { ChannelId } from '../../src-shared/keyframes/channels';
import { evaluateChannel } from '../../src-shared/keyframes/interpolate';
import type { Keyframe } from '../../src-shared/keyframes/keyframe-schema';
import { CHANNEL_INFO, formatChannelValue } from '../util/channel-info';
import { Icon } from './Icon';

interface KeyframeLaneProps {
  readonly channel: ChannelId;
  readonly keys: readonly Keyframe[];
  /** Ids of this lane's selected keys. */
  readonly selectedIds: ReadonlySet<string>;
  readonly pxPerSec: number;
  readonly contentWidthPx: number;
  /** What the layer adds to this channel at the playhead. */
  readonly valueAtPlayhead: number;
  readonly keyedAtPlayhead: boolean;
  readonly onAddKey: (channel: ChannelId) => void;
}

/** One channel's row: a sticky header (name, value at the playhead, add key) and its keys over time. */
export const KeyframeLane = memo(function KeyframeLane({ channel, keys, selectedIds, pxPerSec, contentWidthPx, valueAtPlayhead, keyedAtPlayhead, onAddKey }: KeyframeLaneProps) {
  const info = CHANNEL_INFO[channel];
  return (
    <div className="timeline-row key-row" data-kind={info.kind}>
      <div className="row-header key-header" title={info.tooltip}>
        <span className="key-header-name">{info.label}</span>
        <span className="key-header-value" data-testid={`lane-value-${channel}`}>{formatChannelValue(channel, valueAtPlayhead)}</span>
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
      </div>
      <div className="key-lane" data-testid={`lane-${channel}`} data-channel={channel} style={{ width: contentWidthPx }}>
        {keys.length >= 2 && <LaneCurve keys={keys} pxPerSec={pxPerSec} contentWidthPx={contentWidthPx} />}
        {keys.map((key) => (
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
            style={{ left: key.timeSec * pxPerSec }}
            title={`${info.label} ${formatChannelValue(channel, key.value)} at ${key.timeSec.toFixed(3)} s (${key.interp})`}
          />
        ))}
      </div>
    </div>
  );
});

const LANE_HEIGHT_PX = 17;
const CURVE_STEP_PX = 3;

/** The layer's value between the keys, scaled to the lane's height (for seeing the motion's shape). */
function LaneCurve({ keys, pxPerSec, contentWidthPx }: { readonly keys: readonly Keyframe[]; readonly pxPerSec: number; readonly contentWidthPx: number }) {
  const startX = keys[0].timeSec * pxPerSec;
  const endX = Math.min(contentWidthPx, keys[keys.length - 1].timeSec * pxPerSec);
  const values = keys.map((k) => k.value);
  const low = Math.min(...values);
  const high = Math.max(...values);
  const span = Math.max(high - low, 1e-6);
  const points: string[] = [];
  for (let x = startX; x <= endX + CURVE_STEP_PX - 1; x += CURVE_STEP_PX) {
    const clampedX = Math.min(x, endX);
    const value = evaluateChannel(keys, clampedX / pxPerSec);
    // A flat curve (all keys equal) runs along the middle.
    const y = high - low < 1e-6 ? LANE_HEIGHT_PX / 2 : LANE_HEIGHT_PX - 3 - ((value - low) / span) * (LANE_HEIGHT_PX - 6);
    points.push(`${clampedX.toFixed(1)},${y.toFixed(1)}`);
  }
  return (
    <svg className="lane-curve" width={contentWidthPx} height={LANE_HEIGHT_PX} aria-hidden="true">
      <polyline points={points.join(' ')} />
    </svg>
  );
}
