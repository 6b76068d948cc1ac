import type { FaceParamTrack } from '../../src-shared/face/face-param-track';
import { framePose } from '../util/frame-landmarks';

/** The frame's final head pose (generated + keys), top left over the viewport. */
export function PoseReadout({ track, frameIndex }: { readonly track: FaceParamTrack; readonly frameIndex: number }) {
  const [pitch, yaw, roll] = framePose(track, frameIndex);
  const deg = (v: number) => `${v >= 0 ? '+' : ''}${v.toFixed(1)}°`;
  return (
    <div className="viewport-overlay top-left pose-readout" data-testid="pose-readout">
      <span className="pose-pitch">pitch {deg(pitch)}</span>
      <span className="pose-yaw">yaw {deg(yaw)}</span>
      <span className="pose-roll">roll {deg(roll)}</span>
    </div>
  );
}
