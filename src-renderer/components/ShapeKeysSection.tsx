import { shapeChannel } from '../../src-shared/keyframes/shape-channels';
import type { SculptShape } from '../../src-shared/sculpt/shape-schema';
import { activeLayerValue, keyAt } from '../../src-shared/edits/keyframe-queries';
import { playheadFrameTimeSec } from '../state/edit-actions';
import { useStudio, useStudioSelector } from '../state/studio-context';
import { renderedValueAtPlayhead } from '../state/rendered-value';
import { channelInfo } from '../util/channel-info';

const NO_SHAPES: readonly SculptShape[] = [];

/** The sculpted shapes' weights (0..1): each slider keys its shape's lane at the playhead in the active layer; a drag is one undo step. */
export function ShapeKeysSection() {
  const shapes = useStudioSelector((s) => s.document?.shapes ?? NO_SHAPES);
  if (shapes.length === 0) return null;
  return (
    <section className="inspector-section" data-testid="shape-keys-section">
      <h3 className="inspector-section-title">Shape keys at playhead</h3>
      {shapes.map((shape) => (
        <ShapeSlider key={shape.id} shape={shape} shapes={shapes} />
      ))}
    </section>
  );
}

function ShapeSlider({ shape, shapes }: { readonly shape: SculptShape; readonly shapes: readonly SculptShape[] }) {
  const { edits } = useStudio();
  const channel = shapeChannel(shape.id);
  const info = channelInfo(channel, shapes);
  const value = useStudioSelector((s) => (s.document === null ? 0 : activeLayerValue(s.document, channel, playheadFrameTimeSec(s))));
  const keyed = useStudioSelector((s) => s.document !== null && keyAt(s.document, channel, playheadFrameTimeSec(s), s.document.settings.fps) !== null);
  const finalValue = useStudioSelector((s) => renderedValueAtPlayhead(s, channel));
  const label = `Key ${info.label}`;
  const id = `shape-slider-${shape.id}`;
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
        <span className="slider-value" title={finalValue === null ? undefined : `rendered weight ${finalValue.toFixed(2)} through every layer`}>{value.toFixed(2)}</span>
      </div>
    </div>
  );
}
