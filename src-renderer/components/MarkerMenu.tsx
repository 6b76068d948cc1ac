import { useEffect, useRef } from 'react';
import { createPortal } from 'react-dom';
import type { MarkerColour } from '../../src-shared/keyframes/keyframe-schema';
import { MARKER_COLOURS } from '../../src-shared/keyframes/keyframe-schema';

interface MarkerMenuProps {
  readonly xPx: number;
  readonly yPx: number;
  readonly colour: MarkerColour;
  readonly onRename: () => void;
  readonly onColour: (colour: MarkerColour) => void;
  readonly onDelete: () => void;
  readonly onClose: () => void;
}

/** A marker's right-click menu: rename, colour, delete. Escape or a click elsewhere closes it. */
export function MarkerMenu({ xPx, yPx, colour, onRename, onColour, onDelete, onClose }: MarkerMenuProps) {
  const menu = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const onPointer = (event: PointerEvent) => {
      if (!(event.target instanceof Node) || menu.current?.contains(event.target) !== true) onClose();
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        event.stopPropagation();
        onClose();
      }
    };
    window.addEventListener('pointerdown', onPointer, { capture: true });
    window.addEventListener('keydown', onKey, { capture: true });
    menu.current?.querySelector<HTMLButtonElement>('button')?.focus();
    return () => {
      window.removeEventListener('pointerdown', onPointer, { capture: true });
      window.removeEventListener('keydown', onKey, { capture: true });
    };
  }, [onClose]);
  const run = (action: () => void) => () => {
    action();
    onClose();
  };
  // On the page's body: the ruler under the marker would take the pointer (it scrubs).
  return createPortal(
    <div
      ref={menu}
      className="context-menu"
      role="menu"
      aria-label="Marker"
      data-testid="marker-menu"
      style={{ left: xPx, top: yPx }}
      // React passes a portal's events on to the marker under it (which would start a drag): not these.
      onPointerDown={(event) => event.stopPropagation()}
      onPointerMove={(event) => event.stopPropagation()}
      onPointerUp={(event) => event.stopPropagation()}
      onDoubleClick={(event) => event.stopPropagation()}
      onContextMenu={(event) => {
        event.preventDefault();
        event.stopPropagation();
      }}
    >
      <button type="button" role="menuitem" className="menu-item" data-testid="marker-menu-rename" onClick={run(onRename)}>
        Rename…
      </button>
      <div className="context-colours" role="group" aria-label="Colour">
        {MARKER_COLOURS.map((c) => (
          <button key={c} type="button" role="menuitemradio" aria-checked={c === colour} aria-label={c} title={c} className="context-swatch" data-colour={c} data-testid="marker-menu-colour" onClick={run(() => onColour(c))} />
        ))}
      </div>
      <button type="button" role="menuitem" className="menu-item danger" data-testid="marker-menu-delete" onClick={run(onDelete)}>
        Delete
      </button>
    </div>,
    document.body,
  );
}
