import type { ChannelId } from '../../src-shared/keyframes/channels';
import type { KeyChannelId } from '../../src-shared/keyframes/shape-channels';
import { isShapeChannel, shapeIdOf } from '../../src-shared/keyframes/shape-channels';
import type { SculptShape } from '../../src-shared/sculpt/shape-schema';

export interface ChannelInfo {
  readonly label: string;
  /** Unit shown after values ('°', 'cm', or '' for the 0..1 expression scale). */
  readonly unit: string;
  readonly kind: 'pose' | 'expression' | 'shape';
  /** Value change per pixel of a drag on a value. */
  readonly perPx: number;
  /** Slider and field range (an offset over the generated track). */
  readonly min: number;
  readonly max: number;
  readonly decimals: number;
  readonly tooltip: string;
}

const pose = (label: string, unit: string, tooltip: string, perPx: number, range: number): ChannelInfo => ({ label, unit, kind: 'pose', perPx, min: -range, max: range, decimals: unit === '°' ? 1 : 2, tooltip });
const expression = (label: string, tooltip: string): ChannelInfo => ({ label, unit: '', kind: 'expression', perPx: 0.005, min: -1, max: 1, decimals: 2, tooltip });

/** How each keyable channel is named and edited in the UI. */
export const CHANNEL_INFO: Readonly<Record<ChannelId, ChannelInfo>> = {
  pitchDeg: pose('Pitch', '°', 'Head nod, degrees added to the generated pose (+ looks down)', 0.25, 60),
  yawDeg: pose('Yaw', '°', 'Head turn, degrees added to the generated pose (+ turns to the image right)', 0.25, 60),
  rollDeg: pose('Roll', '°', 'Head tilt, degrees added to the generated pose', 0.25, 60),
  txCm: pose('Move X', 'cm', 'Head moves sideways, cm added to the generated pose', 0.05, 20),
  tyCm: pose('Move Y', 'cm', 'Head moves up and down, cm added to the generated pose', 0.05, 20),
  tzCm: pose('Move Z', 'cm', 'Head moves towards the camera, cm added to the generated pose', 0.05, 20),
  jawOpen: expression('Jaw open', 'Mouth opening added to the lip sync (1 = wide open)'),
  lipFunnel: expression('Lip funnel', 'Lips rounded and pushed forward (/u/, /o/)'),
  smile: expression('Smile', 'Mouth corners up and back'),
  blinkLeft: expression('Blink L', 'Left eye closing (1 = closed)'),
  blinkRight: expression('Blink R', 'Right eye closing (1 = closed)'),
  browRaise: expression('Brow raise', 'Brows up'),
};

/** How a channel is named and edited: a built-in one's CHANNEL_INFO, or a sculpted shape's weight (0..1), named after the shape in `shapes`. */
export function channelInfo(channel: KeyChannelId, shapes: readonly SculptShape[] = []): ChannelInfo {
  if (!isShapeChannel(channel)) return CHANNEL_INFO[channel];
  const id = shapeIdOf(channel);
  const name = shapes.find((s) => s.id === id)?.name ?? 'Shape';
  return { label: name, unit: '', kind: 'shape', perPx: 0.005, min: 0, max: 1, decimals: 2, tooltip: `Weight of the sculpted shape "${name}": 0 = rest, 1 = as sculpted` };
}

export function formatChannelValue(channel: KeyChannelId, value: number): string {
  const info = channelInfo(channel);
  const text = value.toFixed(info.decimals);
  return `${value > 0 ? '+' : ''}${text === '-0.0' || text === '-0.00' ? text.slice(1) : text}${info.unit === 'cm' ? ' cm' : info.unit}`;
}
