import type { ExpressionChannel } from '../../src-shared/keyframes/channels';
import { EXPRESSION_CHANNELS } from '../../src-shared/keyframes/channels';
import { CHANNEL_INFO } from '../util/channel-info';
import { ChannelKeySlider } from './ChannelKeySlider';

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
  return (
    <ChannelKeySlider
      channel={channel}
      info={CHANNEL_INFO[channel]}
      id={`expr-slider-${channel}`}
      format={(value) => `${value >= 0 ? '+' : ''}${value.toFixed(2)}`}
      renderedTitle={(rendered) => `final ${rendered.toFixed(2)} with the generated motion`}
    />
  );
}
