import { useState } from 'react';
import { deleteShape, renameShape } from '../../src-shared/edits/shape-edits';
import type { ShapeId } from '../../src-shared/keyframes/shape-channels';
import { FALLOFF_RADIUS_LIMITS_CM } from '../../src-shared/sculpt/falloff';
import type { SculptShape } from '../../src-shared/sculpt/shape-schema';
import { useStudio, useStudioSelector } from '../state/studio-context';
import { combinePick, parseLandmarkNumbers } from '../util/landmark-pick';

const NO_SHAPES: readonly SculptShape[] = [];

/**
 * Sculpt mode's options: the shape strokes go to (a new one, or one of the document's; rename,
 * delete), box or lasso picking, mirror across the face's symmetry, the falloff radius, and the
 * picked count.
 */
export function SculptToolbar() {
  const { view, edits } = useStudio();
  const sculpt = useStudioSelector((s) => s.ephemeral.sculpt);
  const shapes = useStudioSelector((s) => s.document?.shapes ?? NO_SHAPES);
  const shape = shapes.find((s) => s.id === sculpt.shapeId) ?? null;
  const [draftName, setDraftName] = useState<string | null>(null);
  const commitName = () => {
    if (shape !== null && draftName !== null) edits.edit(renameShape(shape.id, draftName));
    setDraftName(null);
  };
  return (
    <div className="viewport-overlay top-left sculpt-toolbar" role="toolbar" aria-label="Sculpt" data-testid="sculpt-toolbar">
      <label className="sculpt-field" title="The shape strokes sculpt; a new one is made by the first stroke">
        <span>Shape</span>
        <select data-testid="sculpt-shape" value={shape?.id ?? ''} onChange={(e) => view.setSculpt({ shapeId: e.target.value === '' ? null : (e.target.value as ShapeId) })}>
          <option value="">New shape</option>
          {shapes.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      </label>
      {shape !== null && (
        <>
          <input
            className="sculpt-name"
            data-testid="sculpt-shape-name"
            aria-label="Shape name"
            value={draftName ?? shape.name}
            onChange={(e) => setDraftName(e.target.value)}
            onBlur={commitName}
            onKeyDown={(e) => {
              if (e.key === 'Enter') commitName();
              if (e.key === 'Escape') setDraftName(null);
              e.stopPropagation();
            }}
          />
          <button type="button" className="display-toggle" data-testid="sculpt-delete" title="Delete the shape and its keys" onClick={() => {
            edits.edit(deleteShape(shape.id));
            view.setSculpt({ shapeId: null });
          }}>
            Delete
          </button>
        </>
      )}
      <span className="sculpt-sep" />
      <button type="button" className="display-toggle" data-testid="sculpt-tool-box" aria-pressed={sculpt.tool === 'box'} title="Drag on empty space: box pick (Shift adds, Alt/Ctrl removes)" onClick={() => view.setSculpt({ tool: 'box' })}>
        Box
      </button>
      <button type="button" className="display-toggle" data-testid="sculpt-tool-lasso" aria-pressed={sculpt.tool === 'lasso'} title="Drag on empty space: lasso pick (Shift adds, Alt/Ctrl removes)" onClick={() => view.setSculpt({ tool: 'lasso' })}>
        Lasso
      </button>
      <button type="button" className="display-toggle" data-testid="sculpt-mirror" aria-pressed={sculpt.mirror} title="Strokes also move the mirror landmarks across the face's symmetry (x flipped)" onClick={() => view.setSculpt({ mirror: !sculpt.mirror })}>
        Mirror X
      </button>
      <button type="button" className="display-toggle" data-testid="sculpt-xray" aria-pressed={sculpt.xray} title="X-ray: picks also take landmarks hidden behind the face (off: only the landmarks you see)" onClick={() => view.setSculpt({ xray: !sculpt.xray })}>
        X-ray
      </button>
      <label className="sculpt-field" title="Soft falloff: neighbours within this distance follow smoothly (Blender's Smooth proportional editing)">
        <span>Falloff</span>
        <input
          type="range"
          data-testid="sculpt-radius"
          min={FALLOFF_RADIUS_LIMITS_CM[0]}
          max={FALLOFF_RADIUS_LIMITS_CM[1]}
          step={0.1}
          value={sculpt.radiusCm}
          onChange={(e) => view.setSculpt({ radiusCm: Number(e.target.value) })}
        />
        <span className="sculpt-value" data-testid="sculpt-radius-value">{sculpt.radiusCm.toFixed(1)} cm</span>
      </label>
      <input
        className="sculpt-name sculpt-indices"
        data-testid="sculpt-pick-indices"
        aria-label="Pick landmarks by number"
        placeholder="Pick #…"
        title="Pick landmarks by their MediaPipe numbers, e.g. 61, 291 (Enter); Shift+Enter adds"
        onKeyDown={(e) => {
          e.stopPropagation();
          if (e.key !== 'Enter') return;
          const numbers = parseLandmarkNumbers(e.currentTarget.value);
          if (numbers === null) return;
          view.setSculpt({ picked: combinePick(sculpt.picked, numbers, e.shiftKey ? 'add' : 'replace') });
          e.currentTarget.value = '';
        }}
      />
      <span className="sculpt-value" data-testid="sculpt-picked" data-count={sculpt.picked.length} data-picked={sculpt.picked.join(',')}>
        {sculpt.picked.length} picked
      </span>
      {sculpt.picked.length > 0 && (
        <button type="button" className="display-toggle" data-testid="sculpt-clear" title="Pick nothing" onClick={() => view.setSculpt({ picked: [] })}>
          Clear
        </button>
      )}
    </div>
  );
}
