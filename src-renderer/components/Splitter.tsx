import type { PointerEvent as ReactPointerEvent } from 'react';
import { useRef } from 'react';

interface SplitterProps {
  /** 'columns' resizes left/right (a vertical bar); 'rows' up/down. */
  readonly direction: 'columns' | 'rows';
  readonly label: string;
  readonly testId: string;
  /** The pointer moved `deltaPx` from where the drag began (right / down positive). */
  readonly onDrag: (deltaPx: number) => void;
  /** The drag ended: remember the size. */
  readonly onDone: () => void;
  /** Double-click: back to the default size. */
  readonly onReset: () => void;
}

/** A bar between two panels that resizes them by dragging, as in video editors. */
export function Splitter({ direction, label, testId, onDrag, onDone, onReset }: SplitterProps) {
  const start = useRef<number | null>(null);
  const at = (event: ReactPointerEvent) => (direction === 'columns' ? event.clientX : event.clientY);
  return (
    <div
      className={`splitter splitter-${direction}`}
      role="separator"
      aria-orientation={direction === 'columns' ? 'vertical' : 'horizontal'}
      aria-label={label}
      title={`${label}: drag to resize, double-click for the default`}
      data-testid={testId}
      onPointerDown={(event) => {
        if (event.button !== 0) return;
        event.preventDefault();
        event.currentTarget.setPointerCapture(event.pointerId);
        start.current = at(event);
      }}
      onPointerMove={(event) => {
        if (start.current !== null) onDrag(at(event) - start.current);
      }}
      onPointerUp={() => {
        if (start.current === null) return;
        start.current = null;
        onDone();
      }}
      onPointerCancel={() => {
        start.current = null;
      }}
      onDoubleClick={onReset}
    />
  );
}
