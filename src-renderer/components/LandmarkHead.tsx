import { useThree } from '@react-three/fiber';
import { useLayoutEffect, useMemo, useRef } from 'react';
import type { BufferAttribute, BufferGeometry, Group } from 'three';
import { DoubleSide, Matrix4 } from 'three';
import type { ViewportDisplay } from '../state/studio-state';
import { FACE_SURFACE_COLORS } from './face-surface-colors';
import { OnionSkin } from './OnionSkin';
import type { FaceParamTrack } from '../../src-shared/face/face-param-track';
import { LANDMARK_COUNT } from '../../src-shared/face/topology';
import { poseToMatrix } from '../../src-shared/projection/euler-pose';
import type { GeneratedTrack } from '../state/generation-state';
import { frameFacePointsCm, framePose, posePointsCm } from '../util/frame-landmarks';
import { CONTOUR_COLORS, CONTOUR_INDICES, SCENE_UNITS_PER_CM, headOffset } from './landmark-scene';

const RING_RADIUS_CM = 11;
const RING_SEGMENTS = 64;

/** A circle of RING_RADIUS_CM in the plane spanned by two axes (0 = x, 1 = y, 2 = z). */
function ringPositions(a: number, b: number): Float32Array {
  const out = new Float32Array(RING_SEGMENTS * 3);
  for (let i = 0; i < RING_SEGMENTS; i++) {
    const angle = (i / RING_SEGMENTS) * Math.PI * 2;
    out[i * 3 + a] = Math.cos(angle) * RING_RADIUS_CM;
    out[i * 3 + b] = Math.sin(angle) * RING_RADIUS_CM;
  }
  return out;
}

const RINGS = [
  { key: 'pitch', positions: ringPositions(1, 2), color: '#e0524a' },
  { key: 'yaw', positions: ringPositions(0, 2), color: '#7cc14f' },
  { key: 'roll', positions: ringPositions(0, 1), color: '#4f8fe0' },
] as const;

interface LandmarkHeadProps {
  readonly generated: GeneratedTrack;
  readonly track: FaceParamTrack;
  readonly frameIndex: number;
  readonly highlight: boolean;
  readonly display: ViewportDisplay;
  /** The face mesh's triangles (face:mesh), or null while they are not there (no surface then). */
  readonly triangles: Uint32Array | null;
  /** Sculpt mode: every landmark shown as a point, the picked ones highlighted; null outside it. */
  readonly sculptPicked: readonly number[] | null;
  /** What the onion skin ghosts: frames a step apart or the key frames around the playhead. */
  readonly onionBy: Parameters<typeof OnionSkin>[0]['by'];
}

/**
 * The current frame's 478 landmarks in face space (cm, y up), posed by the frame's pose
 * (D = Rz Ry Rx + t): a shaded surface from the mesh triangles (lit by the scene's lights, lips
 * in AniPortrait's colours), points, AniPortrait's coloured contour lines, an onion skin of nearby
 * frames, and three pose rings (red pitch, green yaw, blue roll) that turn with the head.
 */
export function LandmarkHead({ generated, track, frameIndex, highlight, display, triangles, sculptPicked, onionBy }: LandmarkHeadProps) {
  const invalidate = useThree((s) => s.invalidate);
  const pointsAttribute = useRef<BufferAttribute>(null);
  const linesAttribute = useRef<BufferAttribute>(null);
  const surfaceAttribute = useRef<BufferAttribute>(null);
  const surfaceGeometry = useRef<BufferGeometry>(null);
  const ringGroup = useRef<Group>(null);
  const pickedAttribute = useRef<BufferAttribute>(null);
  const pickedPositions = useMemo(() => new Float32Array(Math.max(1, sculptPicked?.length ?? 0) * 3), [sculptPicked]);
  const buffers = useMemo(
    () => ({ face: new Float32Array(LANDMARK_COUNT * 3), posed: new Float32Array(LANDMARK_COUNT * 3), lines: new Float32Array(CONTOUR_INDICES.length * 3) }),
    [],
  );
  // Centre the rest face at HEAD_CENTRE; the pose still turns about face space's own origin, as AniPortrait's does.
  const offset = useMemo(() => headOffset(generated.rig.lmks3dCm), [generated]);

  useLayoutEffect(() => {
    const index = Math.min(frameIndex, track.frameCount - 1);
    const pose = framePose(track, index);
    posePointsCm(frameFacePointsCm(generated.rig, generated.expression, track, index, buffers.face), pose, buffers.posed);
    for (let i = 0; i < CONTOUR_INDICES.length; i++) {
      const v = CONTOUR_INDICES[i];
      buffers.lines.set(buffers.posed.subarray(v * 3, v * 3 + 3), i * 3);
    }
    if (sculptPicked !== null) sculptPicked.forEach((v, i) => pickedPositions.set(buffers.posed.subarray(v * 3, v * 3 + 3), i * 3));
    if (pickedAttribute.current !== null) pickedAttribute.current.needsUpdate = true;
    if (pointsAttribute.current !== null) pointsAttribute.current.needsUpdate = true;
    if (linesAttribute.current !== null) linesAttribute.current.needsUpdate = true;
    if (surfaceAttribute.current !== null) surfaceAttribute.current.needsUpdate = true;
    surfaceGeometry.current?.computeVertexNormals();
    const m = poseToMatrix(pose);
    ringGroup.current?.matrix.copy(new Matrix4().set(...(Array.from(m) as Parameters<Matrix4['set']>)));
    if (ringGroup.current !== null) ringGroup.current.matrixWorldNeedsUpdate = true;
    invalidate();
  }, [generated, track, frameIndex, buffers, invalidate, triangles, display.surface, sculptPicked, pickedPositions]);

  return (
    <group position={offset} scale={SCENE_UNITS_PER_CM}>
      {display.surface && triangles !== null && (
        <mesh frustumCulled={false} key={triangles.length}>
          <bufferGeometry ref={surfaceGeometry}>
            <bufferAttribute ref={surfaceAttribute} attach="attributes-position" args={[buffers.posed, 3]} />
            <bufferAttribute attach="attributes-color" args={[FACE_SURFACE_COLORS, 3]} />
            <bufferAttribute attach="index" args={[triangles, 1]} />
          </bufferGeometry>
          {/* Pushed back a little so the contours drawn on it stay visible. */}
          <meshStandardMaterial vertexColors roughness={0.62} metalness={0} side={DoubleSide} polygonOffset polygonOffsetFactor={1} polygonOffsetUnits={1} />
        </mesh>
      )}
      {sculptPicked !== null && sculptPicked.length > 0 && (
        <points frustumCulled={false} key={pickedPositions.length} renderOrder={2}>
          <bufferGeometry>
            <bufferAttribute ref={pickedAttribute} attach="attributes-position" args={[pickedPositions, 3]} />
          </bufferGeometry>
          {/* Blender's selected-vertex orange, on top of the surface. */}
          <pointsMaterial color="#ff9a1f" size={0.05} sizeAttenuation depthTest={false} />
        </points>
      )}
      <points frustumCulled={false} visible={display.points || sculptPicked !== null}>
        <bufferGeometry>
          <bufferAttribute ref={pointsAttribute} attach="attributes-position" args={[buffers.posed, 3]} />
        </bufferGeometry>
        <pointsMaterial color={display.surface ? '#3a3f48' : '#cfd6df'} size={0.022} sizeAttenuation />
      </points>
      <lineSegments frustumCulled={false} visible={display.contours}>
        <bufferGeometry>
          <bufferAttribute ref={linesAttribute} attach="attributes-position" args={[buffers.lines, 3]} />
          <bufferAttribute attach="attributes-color" args={[CONTOUR_COLORS, 3]} />
        </bufferGeometry>
        <lineBasicMaterial vertexColors />
      </lineSegments>
      {display.onionFrames > 0 && <OnionSkin generated={generated} track={track} frameIndex={frameIndex} frames={display.onionFrames} by={onionBy} />}
      <group ref={ringGroup} matrixAutoUpdate={false}>
        {RINGS.map((ring) => (
          <lineLoop key={ring.key} frustumCulled={false}>
            <bufferGeometry>
              <bufferAttribute attach="attributes-position" args={[ring.positions, 3]} />
            </bufferGeometry>
            <lineBasicMaterial color={ring.color} transparent opacity={highlight ? 0.95 : 0.4} />
          </lineLoop>
        ))}
      </group>
    </group>
  );
}
