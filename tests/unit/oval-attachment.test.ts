import { describe, expect, it } from 'vitest';
import { attachmentShare, ovalAttachments, placeAttachments } from '../../src-shared/render/oval-attachment.js';

// Landmarks 0..5: the eye corners 33 and 263 are needed too, so the arrays are long enough for them.
const COUNT = 264;
function points(pairs: Record<number, [number, number]>): Float32Array {
  const out = new Float32Array(COUNT * 2);
  for (const [i, [x, y]] of Object.entries(pairs)) out.set([x, y], Number(i) * 2);
  return out;
}

// A face oval of four landmarks (0 top, 1 right, 2 bottom, 3 left) around the centre (50, 50), eyes
// at y 30; a cheek triangle (4, 5, 6) in front of the right landmark covers it in the photo.
const rest = points({ 0: [50, 10], 1: [90, 50], 2: [50, 90], 3: [10, 50], 4: [70, 40], 5: [95, 45], 6: [85, 70], 33: [30, 30], 263: [70, 30] });
const oval = [0, 1, 2, 3];
const triangles = Uint32Array.from([4, 5, 6, 0, 1, 3, 1, 2, 3]);
const depth = new Float32Array(COUNT);
depth.set([0, 0, 0, 0, 1, 1, 1]);

describe('ovalAttachments', () => {
  it('attaches an oval landmark covered by a nearer triangle to that triangle, the others to themselves', () => {
    const { corners, weights } = ovalAttachments(rest, triangles, oval, depth);
    expect(Array.from(corners.subarray(3, 6))).toEqual([4, 5, 6]);
    // The weights give the landmark's rest position back.
    const x = weights[3] * 70 + weights[4] * 95 + weights[5] * 85;
    const y = weights[3] * 40 + weights[4] * 45 + weights[5] * 70;
    expect(x).toBeCloseTo(90, 4);
    expect(y).toBeCloseTo(50, 4);
    expect(Array.from(corners.subarray(6, 9))).toEqual([2, 2, 2]);
    // Without depths, or for a triangle behind the landmark, no attachment.
    expect(Array.from(ovalAttachments(rest, triangles, oval).corners.subarray(3, 6))).toEqual([1, 1, 1]);
    expect(Array.from(ovalAttachments(rest, triangles, oval, new Float32Array(COUNT).fill(-1).fill(0, 0, 4)).corners.subarray(3, 6))).toEqual([1, 1, 1]);
  });

  it('keeps oval landmarks above the eyes (the hair over the temple) to themselves', () => {
    const high = points({ 0: [50, 10], 1: [90, 20], 2: [50, 90], 3: [10, 50], 4: [70, 10], 5: [95, 15], 6: [85, 40], 33: [30, 30], 263: [70, 30] });
    expect(Array.from(ovalAttachments(high, triangles, oval, depth).corners.subarray(3, 6))).toEqual([1, 1, 1]);
  });
});

describe('placeAttachments', () => {
  const attachments = ovalAttachments(rest, triangles, oval, depth);
  const out = new Float32Array(8);

  it('follows the cheek when the oval comes out from behind it, by the share', () => {
    // The oval landmark moves out by 10 px, the cheek stays: the attachment stays with the cheek.
    const frame = Float32Array.from(rest);
    frame[2] = 100;
    placeAttachments(attachments, oval, frame, out, 0, 1);
    expect(out[2]).toBeCloseTo(90, 4);
    placeAttachments(attachments, oval, frame, out, 0, 0.5);
    expect(out[2]).toBeCloseTo(95, 4);
    placeAttachments(attachments, oval, frame, out, 0, 0);
    expect(out[2]).toBe(100);
    expect(out[4]).toBe(50);
  });

  it('stays on the oval where it slides behind the cheek', () => {
    const frame = Float32Array.from(rest);
    frame[2] = 80;
    placeAttachments(attachments, oval, frame, out, 0, 1);
    expect(out[2]).toBe(80);
  });

  it('grows with |sin yaw| and is full from 30 degrees', () => {
    expect(attachmentShare(0)).toBe(0);
    expect(attachmentShare(-15)).toBeCloseTo(Math.sin(Math.PI / 12) / 0.5, 6);
    expect(attachmentShare(30)).toBeCloseTo(1, 6);
    expect(attachmentShare(-40)).toBe(1);
  });
});
