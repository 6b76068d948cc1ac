import { Canvas } from '@react-three/fiber';
import { useState } from 'react';
import { AxisGizmo } from './AxisGizmo';
import { FloorAxes } from './FloorAxes';
import { HeadPlaceholder } from './HeadPlaceholder';
import { Icon } from './Icon';
import { OrbitRig } from './OrbitRig';
import { DEFAULT_ORBIT } from './orbit-state';
import { Panel } from './Panel';

const BACKGROUND = '#232327';

/** The 3D landmark viewport. For now a head placeholder on a ground grid, to orbit around. */
export function ViewportPanel() {
  const [resetToken, setResetToken] = useState(0);
  const [orbit, setOrbit] = useState(DEFAULT_ORBIT);
  return (
    <Panel title="3D Viewport" info="Perspective">
      <div className="viewport-canvas-host">
        <Canvas
          frameloop="demand"
          dpr={[1, 2]}
          camera={{ fov: 40, near: 0.05, far: 200 }}
          gl={{ antialias: true }}
          onCreated={({ gl }) => {
            // Marks the real <canvas> (not Canvas's wrapper div) for tests and tools.
            gl.domElement.dataset.testid = 'viewport-canvas';
            gl.domElement.setAttribute('aria-label', '3D viewport: drag to orbit');
          }}
        >
          <color attach="background" args={[BACKGROUND]} />
          <hemisphereLight args={['#dfe6f0', '#2a2622', 1.4]} />
          <directionalLight position={[3, 5, 4]} intensity={2.2} />
          <directionalLight position={[-4, 2, -3]} intensity={0.6} color="#9db4d6" />
          <gridHelper args={[10, 20, '#5a5a62', '#38383e']} />
          <FloorAxes />
          <HeadPlaceholder />
          <OrbitRig initial={DEFAULT_ORBIT} resetToken={resetToken} onChange={setOrbit} />
        </Canvas>
      </div>
      <div className="viewport-overlay bottom-right">
        <AxisGizmo orbit={orbit} />
      </div>
      <div className="viewport-overlay bottom-left">Drag: orbit · Shift/right drag: pan · Wheel: zoom · Double-click: reset</div>
      <div className="viewport-overlay top-right">
        <button type="button" className="tool-button" data-tooltip="Reset the camera to the default view" aria-label="Reset view" onClick={() => setResetToken((n) => n + 1)}>
          <Icon name="reset-view" sizePx={14} />
          <span>Reset view</span>
        </button>
      </div>
    </Panel>
  );
}
