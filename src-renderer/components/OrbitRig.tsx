import { useThree } from '@react-three/fiber';
import { useEffect, useRef } from 'react';
import { PerspectiveCamera } from 'three';
import type { OrbitState } from './orbit-state';
import { cameraPosition, dolly, pan, rotate } from './orbit-state';

interface OrbitRigProps {
  readonly initial: OrbitState;
  /** Changing it puts the camera back at `initial` (the Reset view button). */
  readonly resetToken: number;
  /** Told of every camera move (the axis gizmo follows it). */
  readonly onChange?: (orbit: OrbitState) => void;
}

/**
 * A small orbit control: left drag orbits, right/middle or Shift+left drag pans, the wheel
 * dollies. The canvas renders on demand, so every camera change asks for one frame.
 */
export function OrbitRig({ initial, resetToken, onChange }: OrbitRigProps) {
  const camera = useThree((s) => s.camera);
  const element = useThree((s) => s.gl.domElement);
  const invalidate = useThree((s) => s.invalidate);
  const orbit = useRef(initial);
  // Read through a ref so a new callback identity does not reinstall the pointer handlers.
  const changed = useRef(onChange);
  useEffect(() => {
    changed.current = onChange;
  }, [onChange]);

  useEffect(() => {
    const apply = (next: OrbitState) => {
      orbit.current = next;
      camera.position.set(...cameraPosition(next));
      camera.lookAt(...next.target);
      invalidate();
      changed.current?.(next);
    };
    apply(initial);

    let drag: { mode: 'rotate' | 'pan'; x: number; y: number } | null = null;
    const onDown = (event: PointerEvent) => {
      // Right drag and Shift+drag pan; middle drag orbits as in Blender (left drags pick landmarks in sculpt mode).
      const panning = event.button === 2 || event.shiftKey;
      drag = { mode: panning ? 'pan' : 'rotate', x: event.clientX, y: event.clientY };
      element.setPointerCapture(event.pointerId);
    };
    const onMove = (event: PointerEvent) => {
      if (drag === null) return;
      const dxPx = event.clientX - drag.x;
      const dyPx = event.clientY - drag.y;
      drag = { ...drag, x: event.clientX, y: event.clientY };
      const heightPx = element.clientHeight;
      const fovDeg = camera instanceof PerspectiveCamera ? camera.fov : 50;
      apply(drag.mode === 'rotate' ? rotate(orbit.current, dxPx, dyPx, heightPx) : pan(orbit.current, dxPx, dyPx, heightPx, fovDeg));
    };
    const onUp = (event: PointerEvent) => {
      drag = null;
      if (element.hasPointerCapture(event.pointerId)) element.releasePointerCapture(event.pointerId);
    };
    const onWheel = (event: WheelEvent) => {
      event.preventDefault();
      apply(dolly(orbit.current, event.deltaY));
    };
    const onDoubleClick = () => apply(initial);
    // Right-drag pans, so the context menu would only get in the way.
    const onContextMenu = (event: MouseEvent) => event.preventDefault();

    element.addEventListener('pointerdown', onDown);
    element.addEventListener('pointermove', onMove);
    element.addEventListener('pointerup', onUp);
    element.addEventListener('pointercancel', onUp);
    element.addEventListener('wheel', onWheel, { passive: false });
    element.addEventListener('dblclick', onDoubleClick);
    element.addEventListener('contextmenu', onContextMenu);
    return () => {
      element.removeEventListener('pointerdown', onDown);
      element.removeEventListener('pointermove', onMove);
      element.removeEventListener('pointerup', onUp);
      element.removeEventListener('pointercancel', onUp);
      element.removeEventListener('wheel', onWheel);
      element.removeEventListener('dblclick', onDoubleClick);
      element.removeEventListener('contextmenu', onContextMenu);
    };
  }, [camera, element, invalidate, initial, resetToken]);

  return null;
}
