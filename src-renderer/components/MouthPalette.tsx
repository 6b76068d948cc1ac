import { useEffect, useRef } from 'react';
import { removeMouthEdit, replaceMouthShape, setMouthStrength } from '../../src-shared/edits/mouth-edits';
import type { MouthShapeId } from '../../src-shared/mouth/mouth-schema';
import { MOUTH_SHAPE_IDS, MOUTH_SHAPE_LABELS, MOUTH_STRENGTH_LIMITS } from '../../src-shared/mouth/mouth-schema';
import type { MouthMode } from '../../src-shared/mouth/mouth-poses';
import type { LaneSegment } from '../../src-shared/mouth/mouth-segments';
import { randomId } from '../../src-shared/util/ids';
import { useStudio } from '../state/studio-context';
import { segmentLabel } from './MouthLane';

/** What each shape is for, in the palette's tooltips. */
const SHAPE_HINTS: Readonly<Record<MouthShapeId, string>> = {
  rest: 'closed, relaxed (silence)',
  A: 'open: "ah", "a"',
  I: 'small and spread: "ee"',
  U: 'small and round: "oo", "w"',
  E: 'half open, spread: "eh"',
  O: 'open and round: "oh"',
  N: 'relaxed, slightly open: n, l, schwa',
  M: 'lips pressed: m, b, p',
};

interface MouthPaletteProps {
  readonly segment: LaneSegment;
  readonly mode: MouthMode;
  readonly xPx: number;
  readonly yPx: number;
  readonly onClose: () => void;
}

/**
 * The palette of one mouth segment: replace its shape, set its strength (a slider drag is one undo
 * step), reset it to the generated mouth. On a mesh track the choice is a correction added to the mesh.
 */
export function MouthPalette({ segment, mode, xPx, yPx, onClose }: MouthPaletteProps) {
  const { edits } = useStudio();
  const element = useRef<HTMLDivElement>(null);
  // The id a generated segment's edit gets: new for each click, one for a whole strength drag.
  const dragId = useRef(randomId('mouth'));

  useEffect(() => {
    const onDown = (event: PointerEvent) => {
      const target = event.target as Element;
      if (element.current !== null && !element.current.contains(target) && target.closest?.('.mouth-seg') === null) onClose();
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onClose();
    };
    window.addEventListener('pointerdown', onDown, true);
    window.addEventListener('keydown', onKey, true);
    return () => {
      window.removeEventListener('pointerdown', onDown, true);
      window.removeEventListener('keydown', onKey, true);
    };
  }, [onClose]);

  const mesh = mode === 'mesh';
  const strengthEdit = (value: number) => setMouthStrength(segment, value, edits.inTransaction() ? dragId.current : randomId('mouth'));
  const left = Math.min(xPx, window.innerWidth - 300);
  const top = Math.max(4, yPx - 150);
  return (
    <div ref={element} className="context-menu mouth-palette" role="dialog" aria-label="Mouth shape" data-testid="mouth-palette" style={{ left, top }}>
      <div className="menu-title">
        {segment.startSec.toFixed(2)}–{segment.endSec.toFixed(2)} s · {segment.editId === null ? `generated ${segmentLabel(segment.shape)}` : mesh ? 'correction' : 'edited'}
      </div>
      {mesh && <div className="mouth-palette-note" data-testid="mouth-correction-note">A mesh (AniPortrait&apos;s Audio2Lmk or a performance video) makes this mouth: a shape here is a correction added to it.</div>}
      <div className="mouth-palette-shapes" role="group" aria-label="Shape">
        {MOUTH_SHAPE_IDS.map((shape) => (
          <button
            key={shape}
            type="button"
            className="mouth-shape-button"
            data-testid={`mouth-shape-${shape}`}
            data-shape={shape}
            aria-pressed={segment.editId !== null && !segment.keepsGenerated && segment.shape === shape}
            // A correction adds the shape's difference from rest: rest adds nothing to a mesh (Reset removes a correction).
            disabled={mesh && shape === 'rest'}
            title={mesh && shape === 'rest' ? 'Rest adds nothing to the mesh; Reset removes a correction' : `${mesh ? 'Add' : 'Use'} ${MOUTH_SHAPE_LABELS[shape]}: ${SHAPE_HINTS[shape]}`}
            // Keep the keyboard with the timeline (Ctrl+Z, Space) after a click, as the lane buttons do.
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => edits.edit(replaceMouthShape(segment, shape, randomId('mouth')))}
          >
            {mesh ? '+' : ''}
            {MOUTH_SHAPE_LABELS[shape]}
          </button>
        ))}
      </div>
      <label className="mouth-palette-strength">
        <span>Strength</span>
        <input
          type="range"
          data-testid="mouth-strength"
          min={MOUTH_STRENGTH_LIMITS[0]}
          max={MOUTH_STRENGTH_LIMITS[1]}
          step={0.05}
          value={segment.strength}
          onPointerDown={() => {
            dragId.current = randomId('mouth');
            edits.begin('Mouth strength');
          }}
          onPointerUp={(event) => {
            edits.commit();
            event.currentTarget.blur();
          }}
          onPointerCancel={() => edits.commit()}
          onChange={(event) => (edits.inTransaction() ? edits.update(strengthEdit(Number(event.target.value))) : edits.edit(strengthEdit(Number(event.target.value))))}
        />
        <span className="slider-value">{segment.strength.toFixed(2)}</span>
      </label>
      <button
        type="button"
        className="menu-item"
        data-testid="mouth-reset"
        disabled={segment.editId === null}
        onMouseDown={(event) => event.preventDefault()}
        onClick={() => {
          if (segment.editId !== null) edits.edit(removeMouthEdit(segment.editId));
        }}
      >
        Reset to generated
      </button>
    </div>
  );
}
