import { useThree } from '@react-three/fiber';
import { useEffect, useRef } from 'react';
import { Vector3 } from 'three';
import type { PoseChannel } from '../../src-shared/keyframes/channels';
import { playheadFrameTimeSec } from '../state/edit-actions';
import { activeLayerValue } from '../../src-shared/edits/keyframe-queries';
import { channelsMovedByDrag, describeDragKeys } from '../../src-shared/edits/drag-keys';
import { setStatus } from '../state/store-updates';
import { formatTimecode } from '../util/format';
import { useStudio } from '../state/studio-context';
import { HEAD_CENTRE, HEAD_GRAB_RADIUS } from './landmark-scene';

/** Degrees of head turn per pixel of drag. */
const DEG_PER_PX = 0.3;

interface HeadPoseDragProps {
  /** Told when the pointer starts or stops hovering the head (the rings brighten). */
  readonly onHover: (hovering: boolean) => void;
}

/**
 * The head-pose gizmo: a drag that starts on the head turns it instead of orbiting the camera.
 * Horizontal drag = yaw, vertical = pitch, with Alt = roll; the drag keys those pose channels at
 * the playhead's frame and is one undo step. Listens in the capture phase on the canvas, ahead of
 * the OrbitRig, and stops the event there when it takes the drag.
 */
export function HeadPoseDrag({ onHover }: HeadPoseDragProps) {
  const { store, edits } = useStudio();
  const camera = useThree((s) => s.camera);
  const element = useThree((s) => s.gl.domElement);
  const hover = useRef(onHover);
  useEffect(() => {
    hover.current = onHover;
  }, [onHover]);

  useEffect(() => {
    const centre = new Vector3(...HEAD_CENTRE);
    const right = new Vector3();
    const onHead = (event: PointerEvent): boolean => {
      const bounds = element.getBoundingClientRect();
      const toPx = (v: Vector3) => {
        const ndc = v.clone().project(camera);
        return { x: ((ndc.x + 1) / 2) * bounds.width, y: ((1 - ndc.y) / 2) * bounds.height };
      };
      right.setFromMatrixColumn(camera.matrixWorld, 0).multiplyScalar(HEAD_GRAB_RADIUS);
      const middle = toPx(centre);
      const edge = toPx(centre.clone().add(right));
      const radiusPx = Math.hypot(edge.x - middle.x, edge.y - middle.y);
      return Math.hypot(event.clientX - bounds.left - middle.x, event.clientY - bounds.top - middle.y) <= radiusPx;
    };

    let drag: { startX: number; startY: number; base: Record<PoseChannel, number>; keyed: { channel: PoseChannel; value: number }[] } | null = null;
    let hovering = false;
    const setHover = (next: boolean) => {
      if (next === hovering) return;
      hovering = next;
      element.style.cursor = next ? 'move' : '';
      hover.current(next);
    };

    const onDown = (event: PointerEvent) => {
      const state = store.getState();
      if (event.button !== 0 || event.shiftKey || state.document === null || !onHead(event)) return;
      // Ours: the orbit control on the same element must not see it.
      event.stopImmediatePropagation();
      element.setPointerCapture(event.pointerId);
      const timeSec = playheadFrameTimeSec(state);
      const doc = state.document;
      const base = { pitchDeg: 0, yawDeg: 0, rollDeg: 0, txCm: 0, tyCm: 0, tzCm: 0 };
      for (const channel of ['pitchDeg', 'yawDeg', 'rollDeg'] as const) base[channel] = activeLayerValue(doc, channel, timeSec);
      drag = { startX: event.clientX, startY: event.clientY, base, keyed: [] };
      edits.begin('Turn head');
    };
    const onMove = (event: PointerEvent) => {
      const current = drag;
      if (current === null) {
        if (event.buttons === 0) setHover(store.getState().ephemeral.generated !== null && onHead(event));
        return;
      }
      event.stopImmediatePropagation();
      if (!edits.inTransaction()) return;
      const dxPx = event.clientX - current.startX;
      const dyPx = event.clientY - current.startY;
      // Nose follows the pointer: right turns +yaw, down tips +pitch; Alt rolls clockwise with a drag to the right.
      const deltas: Partial<Record<PoseChannel, number>> = event.altKey ? { rollDeg: -dxPx * DEG_PER_PX } : { yawDeg: dxPx * DEG_PER_PX, pitchDeg: dyPx * DEG_PER_PX };
      // Only the channels the drag turns beyond a threshold (src-shared/edits/drag-keys.ts), decided afresh each move.
      const values = channelsMovedByDrag(deltas).map((channel) => ({ channel, value: Math.round((current.base[channel] + (deltas[channel] ?? 0)) * 10) / 10 }));
      current.keyed = values;
      if (values.length > 0) edits.setKeysAtPlayhead(values, 'Turn head', true);
      else edits.update({ label: 'Turn head', apply: (doc) => doc });
    };
    const onUp = (event: PointerEvent) => {
      if (drag === null) return;
      event.stopImmediatePropagation();
      const { keyed } = drag;
      drag = null;
      if (element.hasPointerCapture(event.pointerId)) element.releasePointerCapture(event.pointerId);
      edits.commit();
      // Say what the drag keyed: the channels it turned, not the ones the hand drifted on.
      const message = describeDragKeys(keyed, formatTimecode(playheadFrameTimeSec(store.getState())));
      store.update((s) => setStatus(s, 'info', message));
    };
    const onLeave = () => setHover(false);

    element.addEventListener('pointerdown', onDown, { capture: true });
    element.addEventListener('pointermove', onMove, { capture: true });
    element.addEventListener('pointerup', onUp, { capture: true });
    element.addEventListener('pointercancel', onUp, { capture: true });
    element.addEventListener('pointerleave', onLeave);
    return () => {
      element.removeEventListener('pointerdown', onDown, { capture: true });
      element.removeEventListener('pointermove', onMove, { capture: true });
      element.removeEventListener('pointerup', onUp, { capture: true });
      element.removeEventListener('pointercancel', onUp, { capture: true });
      element.removeEventListener('pointerleave', onLeave);
      element.style.cursor = '';
    };
  }, [camera, element, store, edits]);

  return null;
}
