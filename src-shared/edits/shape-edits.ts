import type { ShapeId } from '../keyframes/shape-channels.js';
import { shapeChannel } from '../keyframes/shape-channels.js';
import type { ProjectDocument } from '../project/project-schema.js';
import type { SculptStroke } from '../sculpt/sculpt-stroke.js';
import { applySculptStroke } from '../sculpt/sculpt-stroke.js';
import type { SculptShape } from '../sculpt/shape-schema.js';
import { SHAPE_VALUE_COUNT } from '../sculpt/shape-schema.js';
import { randomId } from '../util/ids.js';
import type { DocumentEdit } from './document-edit.js';

// Edits of the sculpted shapes: create, rename, delete, and a sculpt stroke (docs/performance-editing.md).

/** The next free "Shape N" name. */
export function nextShapeName(doc: ProjectDocument): string {
  const used = new Set(doc.shapes.map((s) => s.name));
  let n = doc.shapes.length + 1;
  while (used.has(`Shape ${n}`)) n++;
  return `Shape ${n}`;
}

/** A new shape id (made by the caller once, so an edit re-applied during a drag keeps it). */
export function newShapeId(random: () => number = Math.random): ShapeId {
  return randomId<ShapeId>('shape', random);
}

function emptyShape(id: ShapeId, name: string): SculptShape {
  return { id, name, offsetsCm: new Array<number>(SHAPE_VALUE_COUNT).fill(0) };
}

/** Adds an empty shape (no offsets, no keys) named `name` or the next "Shape N". */
export function createShape(id: ShapeId, name?: string): DocumentEdit {
  return {
    label: 'New shape',
    apply: (doc) => (doc.shapes.some((s) => s.id === id) ? doc : { ...doc, shapes: [...doc.shapes, emptyShape(id, name?.trim() || nextShapeName(doc))] }),
  };
}

export function renameShape(id: ShapeId, name: string): DocumentEdit {
  const trimmed = name.trim().slice(0, 200);
  return {
    label: 'Rename shape',
    apply: (doc) => {
      const shape = doc.shapes.find((s) => s.id === id);
      if (shape === undefined || trimmed === '' || shape.name === trimmed) return doc;
      return { ...doc, shapes: doc.shapes.map((s) => (s === shape ? { ...s, name: trimmed } : s)) };
    },
  };
}

/** Deletes a shape and its weight keys in every layer. */
export function deleteShape(id: ShapeId): DocumentEdit {
  const channel = shapeChannel(id);
  return {
    label: 'Delete shape',
    apply: (doc) => {
      if (!doc.shapes.some((s) => s.id === id)) return doc;
      const layers = doc.layers.map((layer) => {
        if (!(channel in layer.channels)) return layer;
        const { [channel]: _gone, ...channels } = layer.channels;
        return { ...layer, channels };
      });
      return { ...doc, shapes: doc.shapes.filter((s) => s.id !== id), layers };
    },
  };
}

/**
 * One sculpt stroke on shape `id` (created, named `name` or "Shape N", when the document has no
 * such shape: the first stroke makes the shape). `restCm` is the rest face the falloff measures
 * on (LANDMARK_COUNT x 3, face space). A drag re-applies this edit with the growing delta inside
 * one transaction, so the stroke is one undo step.
 */
export function sculptStroke(id: ShapeId, restCm: Float32Array, stroke: SculptStroke, name?: string): DocumentEdit {
  return {
    label: 'Sculpt shape',
    apply: (doc) => {
      const withShape = createShape(id, name).apply(doc);
      const shape = withShape.shapes.find((s) => s.id === id);
      if (shape === undefined) return doc;
      const offsetsCm = applySculptStroke(shape.offsetsCm, restCm, stroke);
      if (offsetsCm.every((v, i) => v === shape.offsetsCm[i])) return doc;
      return { ...withShape, shapes: withShape.shapes.map((s) => (s === shape ? { ...s, offsetsCm } : s)) };
    },
  };
}
