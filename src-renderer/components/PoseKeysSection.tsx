import type { PoseChannel } from '../../src-shared/keyframes/channels';
import { POSE_CHANNELS } from '../../src-shared/keyframes/channels';
import { playheadFrameTimeSec } from '../state/edit-actions';
import { activeLayerValue, keyAt } from '../../src-shared/edits/keyframe-queries';
import { useStudio, useStudioSelector } from '../state/studio-context';
import { renderedValueAtPlayhead } from '../state/rendered-value';
import { CHANNEL_INFO } from '../util/channel-info';
import { DragValueField } from './DragValueField';

/**
 * The head pose at the playhead: each field is what the keyframe layer adds to the generated pose
 * there; typing or dragging keys that channel at the playhead's frame.
 */
export function PoseKeysSection() {
  return (
    <section className="inspector-section" data-testid="pose-section">
      <h3 className="inspector-section-title">Head pose keys at playhead</h3>
      {POSE_CHANNELS.map((channel) => (
        <PoseField key={channel} channel={channel} />
      ))}
    </section>
  );
}

function PoseField({ channel }: { readonly channel: PoseChannel }) {
  const { edits } = useStudio();
  const info = CHANNEL_INFO[channel];
  const value = useStudioSelector((s) => (s.document === null ? 0 : activeLayerValue(s.document, channel, playheadFrameTimeSec(s))));
  const keyed = useStudioSelector((s) => s.document !== null && keyAt(s.document, channel, playheadFrameTimeSec(s), s.document.settings.fps) !== null);
  const totalValue = useStudioSelector((s) => renderedValueAtPlayhead(s, channel));
  const label = `Key ${info.label}`;
  return (
    <DragValueField
      id={`pose-field-${channel}`}
      testId={`pose-field-${channel}`}
      label={
        <>
          <span className="key-mark" data-keyed={keyed} aria-label={keyed ? 'keyed at this frame' : undefined}>◆</span> {info.label}
          <span className="field-unit">{info.unit}</span>
        </>
      }
      tooltip={info.tooltip}
      value={value}
      decimals={info.decimals}
      perPx={info.perPx}
      min={info.min}
      max={info.max}
      onCommit={(v) => edits.setKeysAtPlayhead([{ channel, value: v }], label)}
      onDragBegin={() => edits.begin(label)}
      onDrag={(v) => edits.setKeysAtPlayhead([{ channel, value: v }], label, true)}
      onDragEnd={() => edits.commit()}
      suffix={
        totalValue === null ? undefined : (
          <span className="field-total" title="The final value at this frame: the generated motion plus the keys">
            = {totalValue.toFixed(info.decimals)}
          </span>
        )
      }
    />
  );
}
