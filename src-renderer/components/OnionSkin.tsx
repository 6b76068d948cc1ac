import { useThree } from '@react-three/fiber';
import { useLayoutEffect, useMemo } from 'react';
import type { FaceParamTrack } from '../../src-shared/face/face-param-track';
import { LANDMARK_COUNT } from '../../src-shared/face/topology';
import type { GeneratedTrack } from '../state/generation-state';
import { frameFacePointsCm, framePose, posePointsCm } from '../util/frame-landmarks';
import { CONTOUR_INDICES } from './landmark-scene';
import { onionGhosts } from '../util/onion-frames';

/** Colours of the ghosts: past frames red, future frames green (as onion skins in 2D animation tools). */
export const ONION_PAST = '#ff6a5a';
export const ONION_FUTURE = '#5ae08a';

/**
 * Onion skin: AniPortrait's contours of the `frames` ghosts before and after `frameIndex` (frames a
 * step apart, or the frames of the keys before and after: util/onion-frames.ts), fading with distance. Drawn in the same (posed, face-space) coordinates as the head.
 */
export function OnionSkin({ generated, track, frameIndex, frames, by }: { readonly generated: GeneratedTrack; readonly track: FaceParamTrack; readonly frameIndex: number; readonly frames: number; readonly by: Parameters<typeof onionGhosts>[3] }) {
  const invalidate = useThree((s) => s.invalidate);
  const ghosts = useMemo(() => {
    const face = new Float32Array(LANDMARK_COUNT * 3);
    const posed = new Float32Array(LANDMARK_COUNT * 3);
    return onionGhosts(frameIndex, track.frameCount, frames, by).map(({ frame, direction, k }) => {
      posePointsCm(frameFacePointsCm(generated.rig, generated.expression, track, frame, face), framePose(track, frame), posed);
      const lines = new Float32Array(CONTOUR_INDICES.length * 3);
      for (let i = 0; i < CONTOUR_INDICES.length; i++) lines.set(posed.subarray(CONTOUR_INDICES[i] * 3, CONTOUR_INDICES[i] * 3 + 3), i * 3);
      return { key: `${direction}:${k}:${frame}`, lines, color: direction < 0 ? ONION_PAST : ONION_FUTURE, opacity: 0.7 * (1 - (k - 1) / frames) };
    });
  }, [generated, track, frameIndex, frames, by]);
  useLayoutEffect(() => invalidate(), [ghosts, invalidate]);
  return (
    <group>
      {ghosts.map((ghost) => (
        <lineSegments key={`${ghost.key}:${frameIndex}`} frustumCulled={false}>
          <bufferGeometry>
            <bufferAttribute attach="attributes-position" args={[ghost.lines, 3]} />
          </bufferGeometry>
          <lineBasicMaterial color={ghost.color} transparent opacity={ghost.opacity} depthWrite={false} />
        </lineSegments>
      ))}
    </group>
  );
}
