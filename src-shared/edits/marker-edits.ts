import type { Marker, MarkerColour } from '../keyframes/keyframe-schema.js';
import type { ProjectDocument } from '../project/project-schema.js';
import type { MarkerId } from '../util/ids.js';
import { randomId } from '../util/ids.js';
import type { DocumentEdit } from './document-edit.js';

const byTime = (a: Marker, b: Marker) => a.timeSec - b.timeSec;

/** A marker at `timeSec` named M1, M2, … (the next free number). */
export function addMarker(doc: ProjectDocument, timeSec: number): { edit: DocumentEdit; id: MarkerId } {
  const id = randomId<MarkerId>('marker');
  const used = new Set(doc.markers.map((m) => m.label));
  let n = doc.markers.length + 1;
  while (used.has(`M${n}`)) n++;
  const label = `M${n}`;
  return {
    id,
    edit: { label: 'Add marker', apply: (d) => ({ ...d, markers: [...d.markers, { id, timeSec: Math.max(0, timeSec), label }].sort(byTime) }) },
  };
}

export function moveMarkers(ids: readonly MarkerId[], deltaSec: number): DocumentEdit {
  return {
    label: ids.length === 1 ? 'Move marker' : `Move ${ids.length} markers`,
    apply: (doc) => {
      const moving = doc.markers.filter((m) => ids.includes(m.id));
      const clampedSec = Math.max(deltaSec, -Math.min(...moving.map((m) => m.timeSec)));
      if (moving.length === 0 || clampedSec === 0) return doc;
      return { ...doc, markers: doc.markers.map((m) => (ids.includes(m.id) ? { ...m, timeSec: m.timeSec + clampedSec } : m)).sort(byTime) };
    },
  };
}

export function deleteMarkers(ids: readonly MarkerId[]): DocumentEdit {
  return {
    label: ids.length === 1 ? 'Delete marker' : `Delete ${ids.length} markers`,
    apply: (doc) => (doc.markers.some((m) => ids.includes(m.id)) ? { ...doc, markers: doc.markers.filter((m) => !ids.includes(m.id)) } : doc),
  };
}

export function renameMarker(id: MarkerId, label: string): DocumentEdit {
  return {
    label: 'Rename marker',
    apply: (doc) => (doc.markers.some((m) => m.id === id && m.label !== label) ? { ...doc, markers: doc.markers.map((m) => (m.id === id ? { ...m, label } : m)) } : doc),
  };
}

/** Colours the markers `ids`; 'yellow' is the default and is stored as no colour. */
export function setMarkerColour(ids: readonly MarkerId[], colour: MarkerColour): DocumentEdit {
  return {
    label: ids.length === 1 ? 'Colour marker' : `Colour ${ids.length} markers`,
    apply: (doc) => {
      const changes = (m: Marker) => ids.includes(m.id) && (m.colour ?? 'yellow') !== colour;
      if (!doc.markers.some(changes)) return doc;
      return {
        ...doc,
        markers: doc.markers.map((m) => {
          if (!changes(m)) return m;
          const { colour: _old, ...rest } = m;
          return colour === 'yellow' ? rest : { ...rest, colour };
        }),
      };
    },
  };
}
