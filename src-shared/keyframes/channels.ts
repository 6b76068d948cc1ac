/**
 * Channels a keyframe layer can key. Pose channels add to the generated pose vector
 * (degrees, cm); expression channels add to the engine's mouth/eye/brow parameters (0..1 scale).
 */
export const POSE_CHANNELS = ['pitchDeg', 'yawDeg', 'rollDeg', 'txCm', 'tyCm', 'tzCm'] as const;
export const EXPRESSION_CHANNELS = ['jawOpen', 'lipFunnel', 'smile', 'blinkLeft', 'blinkRight', 'browRaise'] as const;
export const CHANNELS = [...POSE_CHANNELS, ...EXPRESSION_CHANNELS] as const;

export type PoseChannel = (typeof POSE_CHANNELS)[number];
export type ExpressionChannel = (typeof EXPRESSION_CHANNELS)[number];
export type ChannelId = (typeof CHANNELS)[number];

/** Index of a pose channel inside the LandmarkTrack pose vector [rx, ry, rz, tx, ty, tz]. */
export const POSE_CHANNEL_INDEX: Readonly<Record<PoseChannel, number>> = {
  pitchDeg: 0,
  yawDeg: 1,
  rollDeg: 2,
  txCm: 3,
  tyCm: 4,
  tzCm: 5,
};

export function isPoseChannel(channel: ChannelId): channel is PoseChannel {
  return Object.hasOwn(POSE_CHANNEL_INDEX, channel);
}
