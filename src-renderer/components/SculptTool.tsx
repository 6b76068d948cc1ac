import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useRef } from 'react';
import { Vector3 } from 'three';
import type { FaceParamTrack } from '../../src-shared/face/face-param-track';
import { LANDMARK_COUNT } from '../../src-shared/face/topology';
import { newShapeId, sculptStroke } from '../../src-shared/edits/shape-edits';
import { poseToMatrix } from '../../src-shared/projection/euler-pose';
import type { GeneratedTrack } from '../state/generation-state';
import { useStudio } from '../state/studio-context';
import { setStatus } from '../state/store-updates';
import { frameFacePointsCm, framePose, posePointsCm } from '../util/frame-landmarks';
import { combinePick, nearestPoint, pickModeOf, pointsInBox, pointsInLasso } from '../util/landmark-pick';
import { visiblePoints } from '../../src-shared/sculpt/visible-points';
import { headOffset, SCENE_UNITS_PER_CM } from './landmark-scene';

/** How far (cm) behind the face surface a landmark must lie to be hidden from picks without X-ray. */
const HIDDEN_BEHIND_CM = 0.3;
/** How near (px) a press must be to a landmark to pick or grab it. */
const GRAB_RADIUS_PX = 9;
const DRAG_THRESHOLD_PX = 3;

/** What the viewport draws over the canvas for the sculpt tool (client pixels relative to the canvas). */
export interface SculptOverlay {
  readonly box: { readonly x: number; readonly y: number; readonly width: number; readonly height: number } | null;
  readonly lasso: readonly { readonly x: number; readonly y: number }[] | null;
  /** The falloff circle around the picked landmarks' centre, or null with none picked. */
  readonly falloff: { readonly x: number; readonly y: number; readonly radiusPx: number } | null;
}

interface SculptToolProps {
  readonly generated: GeneratedTrack;
  /** The face mesh's triangles (face:mesh): what hides landmarks from picking without X-ray; null while not loaded (all count as visible). */
  readonly triangles: Uint32Array | null;
  /** The track the viewport shows (the sculpted shape at full weight). */
  readonly track: FaceParamTrack;
  readonly frameIndex: number;
  readonly onOverlay: (overlay: SculptOverlay) => void;
}

type Gesture =
  | { kind: 'pick'; tool: 'box' | 'lasso'; start: { x: number; y: number }; path: { x: number; y: number }[]; moving: boolean; event: PointerEvent }
  | { kind: 'move'; startX: number; startY: number; moving: boolean; shapeId: ReturnType<typeof newShapeId>; centreWorld: Vector3 };

/**
 * Sculpt mode's pointer handling on the 3D canvas: click a landmark to pick it, drag anywhere but on
 * a picked landmark for a box or lasso (Shift adds, Alt/Ctrl removes), drag a picked landmark to move the picked ones
 * in the view plane with the soft falloff: one sculpt stroke, one undo step. Listens in the capture
 * phase ahead of the orbit camera and takes only the left button (middle orbits, right pans).
 */
export function SculptTool({ generated, triangles, track, frameIndex, onOverlay }: SculptToolProps) {
  const { store, edits, view } = useStudio();
  const camera = useThree((s) => s.camera);
  const element = useThree((s) => s.gl.domElement);
  const latest = useRef({ generated, triangles, track, frameIndex, onOverlay });
  useEffect(() => {
    latest.current = { generated, triangles, track, frameIndex, onOverlay };
  }, [generated, triangles, track, frameIndex, onOverlay]);
  const republish = useRef<() => void>(() => undefined);

  useEffect(() => {
    const face = new Float32Array(LANDMARK_COUNT * 3);
    const posed = new Float32Array(LANDMARK_COUNT * 3);
    const screen = new Float32Array(LANDMARK_COUNT * 2);
    const depth = new Float32Array(LANDMARK_COUNT);
    /** Distance in front of the camera (scene units), for the visibility test. */
    const viewDepth = new Float32Array(LANDMARK_COUNT);
    const v = new Vector3();
    const inView = new Vector3();

    /** The shown landmarks in world space and on screen (px relative to the canvas). */
    const project = () => {
      const { generated: g, track: t, frameIndex: f } = latest.current;
      const index = Math.min(f, t.frameCount - 1);
      posePointsCm(frameFacePointsCm(g.rig, g.expression, t, index, face), framePose(t, index), posed);
      const [ox, oy, oz] = headOffset(g.rig.lmks3dCm);
      const bounds = element.getBoundingClientRect();
      for (let i = 0; i < LANDMARK_COUNT; i++) {
        v.set(ox + posed[i * 3] * SCENE_UNITS_PER_CM, oy + posed[i * 3 + 1] * SCENE_UNITS_PER_CM, oz + posed[i * 3 + 2] * SCENE_UNITS_PER_CM);
        viewDepth[i] = -inView.copy(v).applyMatrix4(camera.matrixWorldInverse).z;
        v.project(camera);
        screen[i * 2] = ((v.x + 1) / 2) * bounds.width;
        screen[i * 2 + 1] = ((1 - v.y) / 2) * bounds.height;
        depth[i] = v.z;
      }
      return { bounds, offset: [ox, oy, oz] as const, index };
    };
    /** After project(): 1 for each landmark a pick may take (all with X-ray or before the mesh is loaded; else those the camera sees). */
    const pickable = (): Uint8Array => {
      const mesh = latest.current.triangles;
      if (store.getState().ephemeral.sculpt.xray || mesh === null) return new Uint8Array(LANDMARK_COUNT).fill(1);
      return visiblePoints(screen, viewDepth, mesh, HIDDEN_BEHIND_CM * SCENE_UNITS_PER_CM);
    };
    const worldOf = (i: number, offset: readonly number[]) => new Vector3(offset[0] + posed[i * 3] * SCENE_UNITS_PER_CM, offset[1] + posed[i * 3 + 1] * SCENE_UNITS_PER_CM, offset[2] + posed[i * 3 + 2] * SCENE_UNITS_PER_CM);

    /** The falloff circle: the picked centre on screen and the radius (cm on the face) in pixels at its depth. */
    const falloffOf = (picked: readonly number[], radiusCm: number): SculptOverlay['falloff'] => {
      if (picked.length === 0) return null;
      const { bounds, offset } = project();
      const centre = new Vector3();
      for (const i of picked) centre.add(worldOf(i, offset));
      centre.divideScalar(picked.length);
      const right = new Vector3().setFromMatrixColumn(camera.matrixWorld, 0).multiplyScalar(Math.max(radiusCm, 0.05) * SCENE_UNITS_PER_CM);
      const a = centre.clone().project(camera);
      const b = centre.clone().add(right).project(camera);
      const x = ((a.x + 1) / 2) * bounds.width;
      const y = ((1 - a.y) / 2) * bounds.height;
      return { x, y, radiusPx: Math.hypot(((b.x + 1) / 2) * bounds.width - x, ((1 - b.y) / 2) * bounds.height - y) };
    };
    let shown = '';
    const publish = (extra: Partial<SculptOverlay> = {}) => {
      const { picked, radiusCm } = store.getState().ephemeral.sculpt;
      const overlay: SculptOverlay = { box: null, lasso: null, falloff: falloffOf(picked, radiusCm), ...extra };
      const text = JSON.stringify(overlay);
      if (text === shown) return;
      shown = text;
      latest.current.onOverlay(overlay);
    };
    republish.current = () => {
      if (gesture === null) publish();
    };

    let gesture: Gesture | null = null;
    const local = (event: PointerEvent) => {
      const bounds = element.getBoundingClientRect();
      return { x: event.clientX - bounds.left, y: event.clientY - bounds.top };
    };

    const onDown = (event: PointerEvent) => {
      const state = store.getState();
      if (event.button !== 0 || !state.ephemeral.sculpt.active || state.document === null) return;
      event.stopImmediatePropagation();
      element.setPointerCapture(event.pointerId);
      project();
      const at = local(event);
      const sculpt = state.ephemeral.sculpt;
      const mode = pickModeOf(event);
      const canPick = pickable();
      // Press on a picked landmark (no modifier): a drag moves the picked ones. Anywhere else: click, box or lasso.
      const grabbed = mode === 'replace' && sculpt.picked.some((i) => canPick[i] === 1 && Math.hypot(screen[i * 2] - at.x, screen[i * 2 + 1] - at.y) <= GRAB_RADIUS_PX);
      if (grabbed) {
        const picked = sculpt.picked;
        const { offset } = project();
        const centreWorld = new Vector3();
        for (const i of picked) centreWorld.add(worldOf(i, offset));
        centreWorld.divideScalar(picked.length);
        gesture = { kind: 'move', startX: event.clientX, startY: event.clientY, moving: false, shapeId: sculpt.shapeId ?? newShapeId(), centreWorld };
        publish();
        return;
      }
      gesture = { kind: 'pick', tool: sculpt.tool, start: at, path: [at], moving: false, event };
    };

    const onMove = (event: PointerEvent) => {
      const current = gesture;
      if (current === null) return;
      event.stopImmediatePropagation();
      if (current.kind === 'pick') {
        const at = local(event);
        current.path.push(at);
        if (!current.moving && Math.hypot(at.x - current.start.x, at.y - current.start.y) < DRAG_THRESHOLD_PX) return;
        current.moving = true;
        if (current.tool === 'box') publish({ box: { x: Math.min(at.x, current.start.x), y: Math.min(at.y, current.start.y), width: Math.abs(at.x - current.start.x), height: Math.abs(at.y - current.start.y) } });
        else publish({ lasso: [...current.path] });
        return;
      }
      const dxPx = event.clientX - current.startX;
      const dyPx = event.clientY - current.startY;
      if (!current.moving) {
        if (Math.hypot(dxPx, dyPx) < DRAG_THRESHOLD_PX) return;
        current.moving = true;
        edits.begin('Sculpt shape');
        if (store.getState().ephemeral.sculpt.shapeId !== current.shapeId) view.setSculpt({ shapeId: current.shapeId });
      } else if (!edits.inTransaction()) return;
      const state = store.getState();
      const { picked, radiusCm, mirror } = state.ephemeral.sculpt;
      // The pointer's move in the view plane at the picked centre's depth, in world units...
      const bounds = element.getBoundingClientRect();
      const ndc = current.centreWorld.clone().project(camera);
      const target = new Vector3(ndc.x + (2 * dxPx) / bounds.width, ndc.y - (2 * dyPx) / bounds.height, ndc.z).unproject(camera);
      const world = target.sub(current.centreWorld).divideScalar(SCENE_UNITS_PER_CM);
      // ...then in face space: the head's rotation undone (R^T), so the shape turns with the head.
      const { track: t, frameIndex: f } = latest.current;
      const m = poseToMatrix(framePose(t, Math.min(f, t.frameCount - 1)));
      const deltaCm: [number, number, number] = [
        m[0] * world.x + m[4] * world.y + m[8] * world.z,
        m[1] * world.x + m[5] * world.y + m[9] * world.z,
        m[2] * world.x + m[6] * world.y + m[10] * world.z,
      ];
      edits.update(sculptStroke(current.shapeId, latest.current.generated.rig.lmks3dCm, { picked, deltaCm, radiusCm, mirror }));
    };

    const onUp = (event: PointerEvent) => {
      const current = gesture;
      gesture = null;
      if (current === null) return;
      event.stopImmediatePropagation();
      if (element.hasPointerCapture(event.pointerId)) element.releasePointerCapture(event.pointerId);
      if (current.kind === 'move') {
        if (current.moving) {
          edits.commit();
          const { picked, mirror } = store.getState().ephemeral.sculpt;
          const name = store.getState().document?.shapes.find((s) => s.id === current.shapeId)?.name ?? 'the shape';
          store.update((s) => setStatus(s, 'info', `Sculpted ${picked.length} landmark${picked.length === 1 ? '' : 's'}${mirror ? ' (mirrored)' : ''} into ${name}; key its lane to use it`));
        } else {
          // A click on a picked landmark, without a drag, picks it alone.
          project();
          const at = local(event);
          const hit = nearestPoint(screen, depth, at.x, at.y, GRAB_RADIUS_PX, pickable());
          if (hit !== null) view.setSculpt({ picked: [hit] });
        }
        publish();
        return;
      }
      project();
      const mode = pickModeOf(current.event);
      const sculpt = store.getState().ephemeral.sculpt;
      const canPick = pickable();
      let hits: number[];
      if (!current.moving) {
        const at = current.start;
        const hit = nearestPoint(screen, depth, at.x, at.y, GRAB_RADIUS_PX, canPick);
        hits = hit === null ? [] : [hit];
      } else if (current.tool === 'box') {
        hits = pointsInBox(screen, current.start, local(event)).filter((i) => canPick[i] === 1);
      } else {
        hits = pointsInLasso(screen, current.path).filter((i) => canPick[i] === 1);
      }
      view.setSculpt({ picked: combinePick(sculpt.picked, hits, mode) });
      publish();
    };

    element.addEventListener('pointerdown', onDown, { capture: true });
    element.addEventListener('pointermove', onMove, { capture: true });
    element.addEventListener('pointerup', onUp, { capture: true });
    element.addEventListener('pointercancel', onUp, { capture: true });
    const unsubscribe = store.subscribe(() => republish.current());
    publish();
    return () => {
      element.removeEventListener('pointerdown', onDown, { capture: true });
      element.removeEventListener('pointermove', onMove, { capture: true });
      element.removeEventListener('pointerup', onUp, { capture: true });
      element.removeEventListener('pointercancel', onUp, { capture: true });
      unsubscribe();
      republish.current = () => undefined;
      latest.current.onOverlay({ box: null, lasso: null, falloff: null });
    };
  }, [camera, element, store, edits, view]);
  // After every drawn frame (orbit, zoom, a new playhead frame): the circle follows the picked landmarks.
  useFrame(() => republish.current());

  return null;
}
