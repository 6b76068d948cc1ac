import type { PoseChannel } from '../keyframes/channels.js';

/** A drag must turn a channel at least this far (degrees) before it is keyed. */
export const DRAG_KEY_MIN_DEG = 1.5;
/**
 * ...and by at least this share of the drag's largest turn: a drag that is mostly sideways keys
 * yaw only, not the few degrees of pitch the hand drifted (which would then apply to the whole clip).
 */
export const DRAG_KEY_SHARE = 0.4;

/**
 * The channels a head drag keys, from each channel's turn since the drag began: those that moved
 * beyond DRAG_KEY_MIN_DEG and DRAG_KEY_SHARE of the largest turn. Decided afresh on every move
 * (the drag's updates replace each other), so a channel the drag no longer turns is not keyed.
 */
export function channelsMovedByDrag(deltasDeg: Partial<Record<PoseChannel, number>>): PoseChannel[] {
  const entries = Object.entries(deltasDeg) as [PoseChannel, number][];
  const largestDeg = Math.max(0, ...entries.map(([, delta]) => Math.abs(delta)));
  return entries.filter(([, delta]) => Math.abs(delta) >= DRAG_KEY_MIN_DEG && Math.abs(delta) >= DRAG_KEY_SHARE * largestDeg).map(([channel]) => channel);
}

const CHANNEL_WORDS: Readonly<Record<PoseChannel, string>> = { pitchDeg: 'pitch', yawDeg: 'yaw', rollDeg: 'roll', txCm: 'move X', tyCm: 'move Y', tzCm: 'move Z' };

/** What a drag keyed, for the status line: "Keyed yaw +25.0° at 0:01.000", or that it keyed nothing. */
export function describeDragKeys(values: readonly { readonly channel: PoseChannel; readonly value: number }[], at: string): string {
  if (values.length === 0) return 'The drag was too small to key anything';
  const parts = values.map(({ channel, value }) => `${CHANNEL_WORDS[channel]} ${value >= 0 ? '+' : ''}${value.toFixed(1)}${channel.endsWith('Deg') ? '°' : ' cm'}`);
  return `Keyed ${parts.join(', ')} at ${at}`;
}
