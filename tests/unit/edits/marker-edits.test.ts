import { describe, expect, it } from 'vitest';
import { renameMarker, setMarkerColour } from '../../../src-shared/edits/marker-edits';
import { projectDocumentSchema } from '../../../src-shared/project/project-schema';
import type { MarkerId } from '../../../src-shared/util/ids';
import { documentWith } from './edit-fixtures';

const M1 = 'marker_1' as MarkerId;
const M2 = 'marker_2' as MarkerId;

describe('marker edits', () => {
  it('renames one marker, and is a no-op for the same name', () => {
    const doc = documentWith({}, [1, 2]);
    const renamed = renameMarker(M1, 'Intro').apply(doc);
    expect(renamed.markers.map((m) => m.label)).toEqual(['Intro', 'M2']);
    expect(renameMarker(M1, 'M1').apply(doc)).toBe(doc);
  });

  it('colours markers; yellow is the default and is stored as no colour; the document still validates', () => {
    const doc = documentWith({}, [1, 2]);
    const red = setMarkerColour([M1, M2], 'red').apply(doc);
    expect(red.markers.map((m) => m.colour)).toEqual(['red', 'red']);
    const back = setMarkerColour([M2], 'yellow').apply(red);
    expect(back.markers[1]).not.toHaveProperty('colour');
    expect(setMarkerColour([M1], 'yellow').apply(doc), 'already the default').toBe(doc);
    expect(projectDocumentSchema.safeParse(back).success).toBe(true);
    expect(projectDocumentSchema.safeParse({ ...back, markers: [{ ...back.markers[0], colour: 'pink' }] }).success, 'only the palette').toBe(false);
  });
});
