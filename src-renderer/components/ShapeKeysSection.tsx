import { shapeChannel } from '../../src-shared/keyframes/shape-channels';
import type { SculptShape } from '../../src-shared/sculpt/shape-schema';
import { useStudioSelector } from '../state/studio-context';
import { channelInfo } from '../util/channel-info';
import { ChannelKeySlider } from './ChannelKeySlider';

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
  const channel = shapeChannel(shape.id);
  return (
    <ChannelKeySlider
      channel={channel}
      info={channelInfo(channel, shapes)}
      id={`shape-slider-${shape.id}`}
      format={(value) => value.toFixed(2)}
      renderedTitle={(rendered) => `rendered weight ${rendered.toFixed(2)} through every layer`}
    />
  );
}
