import type { PointerEvent as ReactPointerEvent, ReactNode } from 'react';
import { useRef } from 'react';
import { DraftInput } from './DraftInput';

interface DragValueFieldProps {
  readonly id: string;
  readonly testId: string;
  readonly label: ReactNode;
  readonly tooltip: string;
  readonly value: number;
  readonly decimals: number;
  /** Value change per pixel of a horizontal drag on the label (Shift: a tenth of it). */
  readonly perPx: number;
  readonly min: number;
  readonly max: number;
  /** A typed value (one undo step). */
  readonly onCommit: (value: number) => void;
  /** A drag on the label: begin, values while dragging, end (together one undo step). */
  readonly onDragBegin: () => void;
  readonly onDrag: (value: number) => void;
  readonly onDragEnd: () => void;
  /** Shown after the box, e.g. the final value with the generated motion. */
  readonly suffix?: ReactNode;
}

/** A number field whose label can be dragged left and right to change the value, as in Blender. */
export function DragValueField({ id, testId, label, tooltip, value, decimals, perPx, min, max, onCommit, onDragBegin, onDrag, onDragEnd, suffix }: DragValueFieldProps) {
  const drag = useRef<{ startX: number; startValue: number; moving: boolean } | null>(null);
  /** Set by a drag, so the click that ends it does not focus the box (keys then go to the studio). */
  const dragged = useRef(false);
  const clamp = (v: number) => Math.min(max, Math.max(min, v));

  const onDown = (event: ReactPointerEvent<HTMLLabelElement>) => {
    if (event.button !== 0) return;
    event.preventDefault();
    event.currentTarget.setPointerCapture(event.pointerId);
    drag.current = { startX: event.clientX, startValue: value, moving: false };
    dragged.current = false;
  };
  const onMove = (event: ReactPointerEvent<HTMLLabelElement>) => {
    const current = drag.current;
    if (current === null) return;
    const dxPx = event.clientX - current.startX;
    if (!current.moving) {
      if (Math.abs(dxPx) < 2) return;
      current.moving = true;
      dragged.current = true;
      onDragBegin();
    }
    const step = 10 ** -decimals;
    onDrag(Math.round(clamp(current.startValue + dxPx * perPx * (event.shiftKey ? 0.1 : 1)) / step) * step);
  };
  const onUp = () => {
    if (drag.current?.moving === true) onDragEnd();
    drag.current = null;
  };
  const commit = (text: string): string | null => {
    const parsed = Number(text);
    if (text.trim() === '' || !Number.isFinite(parsed)) return 'Type a number.';
    if (parsed < min || parsed > max) return `Use a value from ${min} to ${max}.`;
    onCommit(parsed);
    return null;
  };

  return (
    <div className="field">
      <label className="field-label drag-label" htmlFor={id} title={`${tooltip} — drag left/right to change (Shift: finer)`} onPointerDown={onDown} onPointerMove={onMove} onPointerUp={onUp} onPointerCancel={onUp} onClick={(event) => dragged.current && event.preventDefault()}>
        {label}
      </label>
      <DraftInput id={id} testId={testId} type="number" value={value.toFixed(decimals)} commit={commit} suffix={suffix} />
    </div>
  );
}
