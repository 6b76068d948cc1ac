import { useThree } from '@react-three/fiber';
import { useLayoutEffect, useMemo } from 'react';
import type { FaceParamTrack } from '../../src-shared/face/face-param-track';
import { LANDMARK_COUNT } from '../../src-shared/face/topology';
import type { GeneratedTrack } from '../state/generation-state';
import { frameFacePointsCm, framePose, posePointsCm } from '../util/frame-landmarks';
import { CONTOUR_INDICES } from './landmark-scene';

/** Colours of the ghosts: past frames red, future frames green (as onion skins in 2D animation tools). */
export const ONION_PAST = '#ff6a5a';
export const ONION_FUTURE = '#5ae08a';

/**
 * Onion skin: AniPortrait's contours of the `frames` frames before and after `frameIndex`, `step`
 * frames apart, fading with distance. Drawn in the same (posed, face-space) coordinates as the head.
 */
export function OnionSkin({ generated, track, frameIndex, frames, step }: { readonly generated: GeneratedTrack; readonly track: FaceParamTrack; readonly frameIndex: number; readonly frames: number; readonly step: number }) {
  const invalidate = useThree((s) => s.invalidate);
  const ghosts = useMemo(() => {
    const face = new Float32Array(LANDMARK_COUNT * 3);
    const posed = new Float32Array(LANDMARK_COUNT * 3);
    const out: { key: string; lines: Float32Array; color: string; opacity: number }[] = [];
    for (let k = 1; k <= frames; k++) {
      for (const direction of [-1, 1] as const) {
        const f = frameIndex + direction * k * step;
        if (f < 0 || f >= track.frameCount) continue;
        posePointsCm(frameFacePointsCm(generated.rig, generated.expression, track, f, face), framePose(track, f), posed);
        const lines = new Float32Array(CONTOUR_INDICES.length * 3);
        for (let i = 0; i < CONTOUR_INDICES.length; i++) lines.set(posed.subarray(CONTOUR_INDICES[i] * 3, CONTOUR_INDICES[i] * 3 + 3), i * 3);
        out.push({ key: `${direction}:${k}`, lines, color: direction < 0 ? ONION_PAST : ONION_FUTURE, opacity: 0.7 * (1 - (k - 1) / frames) });
      }
    }
    return out;
  }, [generated, track, frameIndex, frames, step]);
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
