import { Canvas } from '@react-three/fiber';
import { useState } from 'react';
import { composedTrackOf } from '../hooks/use-composed-track';
import { useStudio, useStudioSelector } from '../state/studio-context';
import { useFaceMeshTriangles } from '../hooks/use-face-mesh';
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
  const { studio, view } = useStudio();
  const display = useStudioSelector((s) => s.ephemeral.viewportDisplay);
  const mesh = useFaceMeshTriangles(studio);

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
          {hasTrack ? <LandmarkHead generated={generated} track={track} frameIndex={frameIndex} highlight={headHover} display={display} triangles={mesh.triangles} /> : <HeadPlaceholder />}
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
      {hasTrack && (
        <div className="viewport-overlay top-right-below viewport-display" role="toolbar" aria-label="What the viewport shows">
          <DisplayToggle testId="view-surface" label="Surface" pressed={display.surface} title={mesh.error ?? 'Shaded face surface from the mesh triangles'} disabled={mesh.triangles === null} onClick={() => view.setViewportDisplay({ surface: !display.surface })} />
          <DisplayToggle testId="view-points" label="Points" pressed={display.points} title="The 478 landmarks" onClick={() => view.setViewportDisplay({ points: !display.points })} />
          <DisplayToggle testId="view-contours" label="Contours" pressed={display.contours} title="AniPortrait's coloured pose-image contours" onClick={() => view.setViewportDisplay({ contours: !display.contours })} />
          <DisplayToggle
            testId="view-onion"
            label={display.onionFrames > 0 ? `Onion ±${display.onionFrames}` : 'Onion skin'}
            pressed={display.onionFrames > 0}
            title="Ghosts of the frames before (red) and after (green) the playhead, 2 frames apart; click again for more, then off"
            onClick={() => view.setViewportDisplay({ onionFrames: display.onionFrames === 0 ? 2 : display.onionFrames >= 4 ? 0 : display.onionFrames + 2 })}
          />
        </div>
      )}
      <div className="viewport-overlay top-right">
        <button type="button" className="tool-button" data-tooltip="Reset the camera to the default view" aria-label="Reset view" onClick={() => setResetToken((n) => n + 1)}>
          <Icon name="reset-view" sizePx={14} />
          <span>Reset view</span>
        </button>
      </div>
    </Panel>
  );
}

function DisplayToggle({ testId, label, pressed, title, disabled, onClick }: { readonly testId: string; readonly label: string; readonly pressed: boolean; readonly title: string; readonly disabled?: boolean; readonly onClick: () => void }) {
  return (
    <button type="button" className="display-toggle" data-testid={testId} aria-pressed={pressed} title={title} disabled={disabled} onClick={onClick}>
      {label}
    </button>
  );
}
