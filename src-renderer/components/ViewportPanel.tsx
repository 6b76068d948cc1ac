import { Canvas } from '@react-three/fiber';
import { useMemo, useState } from 'react';
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
import { DEFAULT_ORBIT, SCULPT_ORBIT } from './orbit-state';
import { Panel } from './Panel';
import { PoseReadout } from './PoseReadout';
import type { SculptOverlay } from './SculptTool';
import { SculptTool } from './SculptTool';
import { SculptToolbar } from './SculptToolbar';
import { withShapeAtFull } from '../util/sculpt-preview';
import { keyFrames, onionGhosts } from '../util/onion-frames';

const BACKGROUND = '#232327';
const ONION_BY_LABEL = { frames: 'by frames', 'keys-selected': 'by keys (selected)', 'keys-any': 'by keys (any)' } as const;

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
  const sculpt = useStudioSelector((s) => s.ephemeral.sculpt);
  const sculptedShape = useStudioSelector((s) => (sculpt.active ? (s.document?.shapes.find((shape) => shape.id === sculpt.shapeId) ?? null) : null));
  const [overlay, setOverlay] = useState<SculptOverlay>({ box: null, lasso: null, falloff: null });
  // While sculpting, the viewport shows the shape at full weight (as Blender shows the shape key being edited).
  const shown = useMemo(() => (track !== null && sculptedShape !== null ? withShapeAtFull(track, sculptedShape) : track), [track, sculptedShape]);
  const sculpting = hasTrack && sculpt.active;
  const layers = useStudioSelector((s) => s.document?.layers ?? null);
  const selectedKeys = useStudioSelector((s) => s.ephemeral.selection.keys);
  const fps = useStudioSelector((s) => s.document?.settings.fps ?? 30);
  const onionBy = useMemo(() => {
    if (display.onionBy === 'frames') return { kind: 'frames' as const, step: display.onionStep };
    const channels = display.onionBy === 'keys-any' ? null : [...new Set(selectedKeys.map((k) => k.channel))];
    return { kind: 'keys' as const, keyFramesSorted: keyFrames(layers ?? [], channels, fps) };
  }, [display.onionBy, display.onionStep, selectedKeys, layers, fps]);
  const ghostFrames = hasTrack && display.onionFrames > 0 ? onionGhosts(Math.min(frameIndex, track.frameCount - 1), track.frameCount, display.onionFrames, onionBy).map((g) => g.frame) : [];

  return (
    <Panel title="3D Viewport" className="viewport-panel" info={hasTrack ? `Perspective · landmarks of frame ${Math.min(frameIndex, track.frameCount - 1)}` : 'Perspective'}>
      <div className="viewport-canvas-host" data-testid="viewport-host" data-has-track={hasTrack} data-sculpt={sculpting} data-onion-frames={ghostFrames.join(',')}>
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
          {hasTrack && shown !== null ? (
            <LandmarkHead generated={generated} track={shown} frameIndex={frameIndex} highlight={headHover && !sculpting} display={display} triangles={mesh.triangles} sculptPicked={sculpting ? sculpt.picked : null} onionBy={onionBy} />
          ) : (
            <HeadPlaceholder />
          )}
          {hasTrack && !sculpting && <HeadPoseDrag onHover={setHeadHover} />}
          {sculpting && shown !== null && <SculptTool generated={generated} triangles={mesh.triangles} track={shown} frameIndex={frameIndex} onOverlay={setOverlay} />}
          <OrbitRig initial={sculpting ? SCULPT_ORBIT : DEFAULT_ORBIT} resetToken={resetToken} onChange={setOrbit} />
        </Canvas>
        {sculpting && (
          <svg className="sculpt-overlay" data-testid="sculpt-overlay" aria-hidden="true">
            {overlay.falloff !== null && (
              <>
                <circle className="falloff" data-testid="sculpt-falloff" cx={overlay.falloff.x} cy={overlay.falloff.y} r={overlay.falloff.radiusPx} />
                <circle className="falloff-centre" cx={overlay.falloff.x} cy={overlay.falloff.y} r={2} />
              </>
            )}
            {overlay.box !== null && <rect className="pick-box" x={overlay.box.x} y={overlay.box.y} width={overlay.box.width} height={overlay.box.height} />}
            {overlay.lasso !== null && <polygon className="pick-lasso" points={overlay.lasso.map((p) => `${p.x},${p.y}`).join(' ')} />}
          </svg>
        )}
      </div>
      {hasTrack && <PoseReadout track={track} frameIndex={Math.min(frameIndex, track.frameCount - 1)} />}
      <div className="viewport-overlay bottom-right">
        <AxisGizmo orbit={orbit} />
      </div>
      <div className="viewport-overlay bottom-left">
        {sculpting
          ? 'Click: pick · drag: box/lasso · Shift adds · Alt/Ctrl removes · drag orange: move'
          : hasTrack
            ? 'Drag the head: yaw/pitch · Alt+drag: roll · elsewhere: orbit · Shift/right drag: pan · Wheel: zoom' : 'Drag: orbit · Shift/right drag: pan · Wheel: zoom · Double-click: reset'}
      </div>
      {hasTrack && (
        <div className="viewport-overlay top-right-below viewport-display" role="toolbar" aria-label="What the viewport shows">
          <DisplayToggle testId="view-surface" label="Surface" pressed={display.surface} title={mesh.error ?? 'Shaded face surface from the mesh triangles'} disabled={mesh.triangles === null} onClick={() => view.setViewportDisplay({ surface: !display.surface })} />
          <DisplayToggle testId="view-points" label="Points" pressed={display.points} title="The 478 landmarks" onClick={() => view.setViewportDisplay({ points: !display.points })} />
          <DisplayToggle testId="view-contours" label="Contours" pressed={display.contours} title="AniPortrait's coloured pose-image contours" onClick={() => view.setViewportDisplay({ contours: !display.contours })} />
          <DisplayToggle
            testId="view-sculpt"
            label="Sculpt"
            pressed={sculpt.active}
            title="Sculpt mode: pick landmarks and drag them into a named shape (its own lane, keyed 0..1)"
            onClick={() => view.setSculpt({ active: !sculpt.active })}
          />
          <DisplayToggle
            testId="view-onion"
            label={display.onionFrames > 0 ? `Onion ±${display.onionFrames}` : 'Onion skin'}
            pressed={display.onionFrames > 0}
            title="Ghosts of the frames before (red) and after (green) the playhead, 2 frames apart; click again for more, then off"
            onClick={() => view.setViewportDisplay({ onionFrames: display.onionFrames === 0 ? 2 : display.onionFrames >= 4 ? 0 : display.onionFrames + 2 })}
          />
          {display.onionFrames > 0 && (
            <DisplayToggle
              testId="view-onion-by"
              label={ONION_BY_LABEL[display.onionBy]}
              pressed={display.onionBy !== 'frames'}
              title="Ghosts of frames 2 apart, or of the keys before and after the playhead: of the selected keys' channels, or of any channel"
              onClick={() => view.setViewportDisplay({ onionBy: display.onionBy === 'frames' ? 'keys-selected' : display.onionBy === 'keys-selected' ? 'keys-any' : 'frames' })}
            />
          )}
        </div>
      )}
      {sculpting && <SculptToolbar />}
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
