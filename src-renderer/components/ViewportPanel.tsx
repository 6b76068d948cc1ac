import { Canvas } from '@react-three/fiber';
import { useState } from 'react';
import { composedTrackOf } from '../hooks/use-composed-track';
import { useStudioSelector } from '../state/studio-context';
import { playheadFrame } from '../state/timeline-math';
import { AxisGizmo } from './AxisGizmo';
import { FloorAxes } from './FloorAxes';
import { HeadPlaceholder } from './HeadPlaceholder';
import { HeadPoseDrag } from './HeadPoseDrag';
import { Icon } from './Icon';
import { LandmarkHead } from './LandmarkHead';
import { OrbitRig } from './OrbitRig';
import { DEFAULT_ORBIT } from './orbit-state';
import { Panel } from './Panel';
import { PoseReadout } from './PoseReadout';

const BACKGROUND = '#232327';

/**
 * The 3D landmark viewport: the current frame's landmarks and AniPortrait's contour lines once a
 * track exists (a placeholder head before), an orbit camera, and the head-pose gizmo.
 */
export function ViewportPanel() {
  const [resetToken, setResetToken] = useState(0);
  const [orbit, setOrbit] = useState(DEFAULT_ORBIT);
  const [headHover, setHeadHover] = useState(false);
  const generated = useStudioSelector((s) => s.ephemeral.generated);
  const track = useStudioSelector(composedTrackOf);
  const frameIndex = useStudioSelector((s) => playheadFrame(s).frameIndex);
  const hasTrack = generated !== null && track !== null;

  return (
    <Panel title="3D Viewport" className="viewport-panel" info={hasTrack ? `Perspective · landmarks of frame ${Math.min(frameIndex, track.frameCount - 1)}` : 'Perspective'}>
      <div className="viewport-canvas-host" data-testid="viewport-host" data-has-track={hasTrack}>
        <Canvas
          frameloop="demand"
          dpr={[1, 2]}
          camera={{ fov: 40, near: 0.05, far: 200 }}
          gl={{ antialias: true }}
          onCreated={({ gl }) => {
            // Marks the real <canvas> (not Canvas's wrapper div) for tests and tools.
            gl.domElement.dataset.testid = 'viewport-canvas';
            gl.domElement.setAttribute('aria-label', '3D viewport: drag to orbit, drag the head to turn it');
          }}
        >
          <color attach="background" args={[BACKGROUND]} />
          <hemisphereLight args={['#dfe6f0', '#2a2622', 1.4]} />
          <directionalLight position={[3, 5, 4]} intensity={2.2} />
          <directionalLight position={[-4, 2, -3]} intensity={0.6} color="#9db4d6" />
          <gridHelper args={[10, 20, '#5a5a62', '#38383e']} />
          <FloorAxes />
          {hasTrack ? <LandmarkHead generated={generated} track={track} frameIndex={frameIndex} highlight={headHover} /> : <HeadPlaceholder />}
          {hasTrack && <HeadPoseDrag onHover={setHeadHover} />}
          <OrbitRig initial={DEFAULT_ORBIT} resetToken={resetToken} onChange={setOrbit} />
        </Canvas>
      </div>
      {hasTrack && <PoseReadout track={track} frameIndex={Math.min(frameIndex, track.frameCount - 1)} />}
      <div className="viewport-overlay bottom-right">
        <AxisGizmo orbit={orbit} />
      </div>
      <div className="viewport-overlay bottom-left">
        {hasTrack ? 'Drag the head: yaw/pitch · Alt+drag: roll · elsewhere: orbit · Shift/right drag: pan · Wheel: zoom' : 'Drag: orbit · Shift/right drag: pan · Wheel: zoom · Double-click: reset'}
      </div>
      <div className="viewport-overlay top-right">
        <button type="button" className="tool-button" data-tooltip="Reset the camera to the default view" aria-label="Reset view" onClick={() => setResetToken((n) => n + 1)}>
          <Icon name="reset-view" sizePx={14} />
          <span>Reset view</span>
        </button>
      </div>
    </Panel>
  );
}
