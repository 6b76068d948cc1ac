import type { ProjectDocument } from '../project/project-schema.js';
import type { MouthEdit, MouthSettings, MouthShapeId } from '../mouth/mouth-schema.js';
import { LIP_SYNC_LIMITS, MOUTH_STRENGTH_LIMITS } from '../mouth/mouth-schema.js';
import type { LaneSegment } from '../mouth/mouth-segments.js';
import type { DocumentEdit } from './document-edit.js';

// Edits of the mouth lane and the lip sync's per-clip controls (document.mouth). Each is one undo
// step; a drag (a boundary, a strength or control slider) is one transaction of them.

type Span = Pick<LaneSegment, 'startSec' | 'endSec'>;

function withMouth(doc: ProjectDocument, mouth: MouthSettings): ProjectDocument {
  return mouth === doc.mouth ? doc : { ...doc, mouth };
}

const clamp = (value: number, [min, max]: readonly [number, number]) => Math.min(max, Math.max(min, value));
const same = (a: MouthEdit, b: MouthEdit) => a.id === b.id && a.startSec === b.startSec && a.endSec === b.endSec && a.shape === b.shape && a.strength === b.strength;

/**
 * The edits with `edit` put in (replacing the one of its id): edits it overlaps are cut back to
 * what lies outside it (a piece after it gets a derived id when a piece before it keeps the id), so edits never overlap.
 */
export function putMouthEdit(edits: readonly MouthEdit[], edit: MouthEdit): MouthEdit[] {
  const out: MouthEdit[] = [];
  for (const e of edits) {
    if (e.id === edit.id) continue;
    if (e.endSec <= edit.startSec + 1e-9 || e.startSec >= edit.endSec - 1e-9) {
      out.push(e);
      continue;
    }
    const before = e.startSec < edit.startSec - 1e-9;
    if (before) out.push({ ...e, endSec: edit.startSec });
    if (e.endSec > edit.endSec + 1e-9) out.push({ ...e, id: before ? `${e.id.slice(0, 40)}-${Math.round(edit.endSec * 1000)}` : e.id, startSec: edit.endSec });
  }
  out.push(edit);
  return out.sort((a, b) => a.startSec - b.startSec);
}

function putEdit(doc: ProjectDocument, edit: MouthEdit): ProjectDocument {
  const current = doc.mouth.edits.find((e) => e.id === edit.id);
  if (current !== undefined && same(current, edit)) return doc;
  return withMouth(doc, { ...doc.mouth, edits: putMouthEdit(doc.mouth.edits, edit) });
}

function editOf(doc: ProjectDocument, id: string | null): MouthEdit | undefined {
  return id === null ? undefined : doc.mouth.edits.find((e) => e.id === id);
}

/**
 * Palette: the segment takes `shape`. An edited segment keeps its span and strength; a generated
 * one becomes an edit `newId` over its span at strength 1.
 */
export function replaceMouthShape(segment: LaneSegment, shape: MouthShapeId, newId: string): DocumentEdit {
  return {
    label: `Mouth shape ${shape}`,
    apply: (doc) => {
      const current = editOf(doc, segment.editId);
      return putEdit(doc, current ? { ...current, shape } : { id: newId, startSec: segment.startSec, endSec: segment.endSec, shape, strength: 1 });
    },
  };
}

/**
 * The segment's strength (0 rest, 1 as charted, up to 1.5). A generated segment becomes an edit
 * `newId` that keeps the generated shape (shape null) scaled by the strength.
 */
export function setMouthStrength(segment: LaneSegment, strength: number, newId: string): DocumentEdit {
  const value = clamp(strength, MOUTH_STRENGTH_LIMITS);
  return {
    label: 'Mouth strength',
    apply: (doc) => {
      const current = editOf(doc, segment.editId);
      return putEdit(doc, current ? { ...current, strength: value } : { id: newId, startSec: segment.startSec, endSec: segment.endSec, shape: null, strength: value });
    },
  };
}

/**
 * Drags the boundary between two neighbouring lane segments to `boundarySec` (snapped to a frame;
 * an edit keeps at least one frame, a generated neighbour may be covered whole). An edit on the side that shrinks is cut back and an edit
 * on the side that grows grows. Where the side that shrinks is the generated mouth, the side that
 * grows must be an edit: a generated side becomes one (its shape at strength 1, id `newId`). Null
 * when the drag cannot change anything (two generated sides of a mesh track, whose 'open' is no shape).
 */
export function moveMouthBoundary(left: LaneSegment, right: LaneSegment, boundarySec: number, fps: number, newId: string): DocumentEdit {
  return {
    label: 'Move mouth boundary',
    apply: (doc) => {
      // An edit keeps a frame at least; a generated neighbour may be covered whole.
      const frame = 1 / fps;
      const b = clamp(Math.round(boundarySec * fps) / fps, [left.startSec + (left.editId === null ? 0 : frame), right.endSec - (right.editId === null ? 0 : frame)]);
      if (Math.abs(b - left.endSec) < 1e-9) return doc;
      const [grows, shrinks] = b > left.endSec ? [left, right] : [right, left];
      const grownSpan: Span = grows === left ? { startSec: left.startSec, endSec: b } : { startSec: b, endSec: right.endSec };
      const shrunkSpan: Span = shrinks === left ? { startSec: left.startSec, endSec: b } : { startSec: b, endSec: right.endSec };
      let next = doc;
      const shrinking = editOf(doc, shrinks.editId);
      if (shrinking) next = putEdit(next, { ...shrinking, ...shrunkSpan });
      const growing = editOf(doc, grows.editId);
      if (growing) return putEdit(next, { ...growing, ...grownSpan });
      if (shrinking || grows.shape === 'open') return next;
      return putEdit(next, { id: newId, ...grownSpan, shape: grows.shape, strength: 1 });
    },
  };
}

/** Whether a boundary between these neighbours can be dragged (an edit on one side, or two generated visemes). */
export function canMoveMouthBoundary(left: LaneSegment, right: LaneSegment): boolean {
  return left.editId !== null || right.editId !== null || (left.shape !== 'open' && right.shape !== 'open');
}

/** Reset: the segment's edit is removed and the generated mouth shows again. */
export function removeMouthEdit(editId: string): DocumentEdit {
  return {
    label: 'Reset mouth segment',
    apply: (doc) => (doc.mouth.edits.some((e) => e.id === editId) ? withMouth(doc, { ...doc.mouth, edits: doc.mouth.edits.filter((e) => e.id !== editId) }) : doc),
  };
}

export type LipSyncControl = 'amount' | 'articulation' | 'smoothingSec';
const CONTROL_LABEL: Readonly<Record<LipSyncControl, string>> = { amount: 'Mouth amount', articulation: 'Articulation', smoothingSec: 'Lip-sync smoothing' };

/** One per-clip lip-sync control, within its range. */
export function setLipSyncControl(control: LipSyncControl, value: number): DocumentEdit {
  const v = clamp(value, LIP_SYNC_LIMITS[control]);
  return { label: CONTROL_LABEL[control], apply: (doc) => (doc.mouth[control] === v ? doc : withMouth(doc, { ...doc.mouth, [control]: v })) };
}
