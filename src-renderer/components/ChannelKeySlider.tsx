import type { KeyChannelId } from '../../src-shared/keyframes/shape-channels';
import { activeLayerValue, keyAt } from '../../src-shared/edits/keyframe-queries';
import { playheadFrameTimeSec } from '../state/edit-actions';
import { useStudio, useStudioSelector } from '../state/studio-context';
import { renderedValueAtPlayhead } from '../state/rendered-value';
import type { ChannelInfo } from '../util/channel-info';

interface ChannelKeySliderProps {
  readonly channel: KeyChannelId;
  readonly info: ChannelInfo;
  /** The element id and test id. */
  readonly id: string;
  /** The active layer's value as the slider shows it. */
  readonly format: (value: number) => string;
  /** The hover text for the value composed through every layer. */
  readonly renderedTitle: (rendered: number) => string;
}

/**
 * A slider that keys one channel at the playhead's frame in the active layer; a drag is one undo
 * step, and letting go hands the keyboard back to the studio (Space plays, Ctrl+Z undoes), as
 * buttons do. The diamond shows whether the playhead's frame has a key.
 */
export function ChannelKeySlider({ channel, info, id, format, renderedTitle }: ChannelKeySliderProps) {
  const { edits } = useStudio();
  const value = useStudioSelector((s) => (s.document === null ? 0 : activeLayerValue(s.document, channel, playheadFrameTimeSec(s))));
  const keyed = useStudioSelector((s) => s.document !== null && keyAt(s.document, channel, playheadFrameTimeSec(s), s.document.settings.fps) !== null);
  const rendered = useStudioSelector((s) => renderedValueAtPlayhead(s, channel));
  const label = `Key ${info.label}`;
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
            event.currentTarget.blur();
          }}
          onPointerCancel={() => edits.commit()}
          onChange={(event) => edits.setKeysAtPlayhead([{ channel, value: Number(event.target.value) }], label, edits.inTransaction())}
        />
        <span className="slider-value" title={rendered === null ? undefined : renderedTitle(rendered)}>
          {format(value)}
        </span>
      </div>
    </div>
  );
}
