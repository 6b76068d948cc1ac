import type { ExpressionChannel } from '../../src-shared/keyframes/channels';
import { EXPRESSION_CHANNELS } from '../../src-shared/keyframes/channels';
import { playheadFrameTimeSec } from '../state/edit-actions';
import { activeLayerValue, keyAt } from '../../src-shared/edits/keyframe-queries';
import { useStudio, useStudioSelector } from '../state/studio-context';
import { renderedValueAtPlayhead } from '../state/rendered-value';
import { CHANNEL_INFO } from '../util/channel-info';

/**
 * Expression sliders: each adds to the generated expression and keys the playhead's frame. A slider
 * drag is one undo step.
 */
export function ExpressionSection() {
  return (
    <section className="inspector-section" data-testid="expression-section">
      <h3 className="inspector-section-title">Expression keys at playhead</h3>
      {EXPRESSION_CHANNELS.map((channel) => (
        <ExpressionSlider key={channel} channel={channel} />
      ))}
    </section>
  );
}

function ExpressionSlider({ channel }: { readonly channel: ExpressionChannel }) {
  const { edits } = useStudio();
  const info = CHANNEL_INFO[channel];
  const value = useStudioSelector((s) => (s.document === null ? 0 : activeLayerValue(s.document, channel, playheadFrameTimeSec(s))));
  const keyed = useStudioSelector((s) => s.document !== null && keyAt(s.document, channel, playheadFrameTimeSec(s), s.document.settings.fps) !== null);
  const finalValue = useStudioSelector((s) => renderedValueAtPlayhead(s, channel));
  const label = `Key ${info.label}`;
  const id = `expr-slider-${channel}`;
  return (
    <div className="field slider-field">
      <label className="field-label" htmlFor={id} title={info.tooltip}>
        <span className="key-mark" data-keyed={keyed}>◆</span> {info.label}
      </label>
      <div className="field-control slider-control">
        <input
          id={id}
          data-testid={id}
          type="range"
          min={info.min}
          max={info.max}
          step={0.01}
          value={value}
          onPointerDown={() => edits.begin(label)}
          onPointerUp={(event) => {
            edits.commit();
            // Hand the keyboard back to the studio (Space plays, Ctrl+Z undoes), as buttons do.
            event.currentTarget.blur();
          }}
          onPointerCancel={() => edits.commit()}
          onChange={(event) => edits.setKeysAtPlayhead([{ channel, value: Number(event.target.value) }], label, edits.inTransaction())}
        />
        <span className="slider-value" title={finalValue === null ? undefined : `final ${finalValue.toFixed(2)} with the generated motion`}>
          {value >= 0 ? '+' : ''}
          {value.toFixed(2)}
        </span>
      </div>
    </div>
  );
}
