// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { createWarpRenderer } from '../../src-main/engines/builtin/warp-renderer-for-photo.js';
import { referenceCrop } from '../../src-main/engines/shared/reference-crop.js';
import { analyzePhoto } from '../../src-main/face/analyze-photo.js';
import { ExpressionRig, NEUTRAL_FACE } from '../../src-shared/face/expression-rig.js';
import { LANDMARK_COUNT } from '../../src-shared/face/topology.js';
import { dilate } from '../../src-shared/render/person-layers.js';
import { FACE_OVAL } from '../../src-shared/render/warp-mesh.js';
import { createRgbaImage } from '../../src-shared/render/rgba-image.js';
import { fixture, present } from '../helpers/fixtures.js';

const SIZE_PX = 512;
/** The person's reach for the still-background check: the rest matte's hole and the frame's warped matte, grown by this (px). */
const REACH_PX = 2;
const EXTREMES: readonly (readonly number[])[] = [
  [0, 30, 0],
  [0, -30, 0],
  [20, 0, 0],
  [-20, 0, 0],
  [0, 0, 15],
  [0, 0, -15],
  [12, -25, 10],
];

/** Largest per-channel difference of two RGBA frames at the pixels where `mask` is 0, and how many such pixels there are. */
function outsideDifference(a: Uint8Array, b: Uint8Array, mask: Uint8Array): { max: number; pixels: number } {
  let max = 0;
  let pixels = 0;
  for (let p = 0; p < mask.length; p++) {
    if (mask[p]) continue;
    pixels++;
    for (let c = 0; c < 3; c++) max = Math.max(max, Math.abs(a[p * 4 + c] - b[p * 4 + c]));
  }
  return { max, pixels };
}

/** The head as the warp moves it: the face oval of a frame's landmarks grown to the outer helper ring (WarpMesh's 1.75). */
function headRegion(landmarksPx: ArrayLike<number>): Uint8Array {
  let cx = 0;
  let cy = 0;
  for (const i of FACE_OVAL) {
    cx += landmarksPx[i * 2] / FACE_OVAL.length;
    cy += landmarksPx[i * 2 + 1] / FACE_OVAL.length;
  }
  const polygon = FACE_OVAL.map((i) => [cx + (landmarksPx[i * 2] - cx) * 1.75, cy + (landmarksPx[i * 2 + 1] - cy) * 1.75] as const);
  const out = new Uint8Array(SIZE_PX * SIZE_PX);
  for (let y = 0; y < SIZE_PX; y++) {
    for (let x = 0; x < SIZE_PX; x++) {
      let inside = false;
      for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
        const [ax, ay] = polygon[j];
        const [bx, by] = polygon[i];
        if (ay > y + 0.5 !== by > y + 0.5 && x + 0.5 < ((bx - ax) * (y + 0.5 - ay)) / (by - ay) + ax) inside = !inside;
      }
      if (inside) out[y * SIZE_PX + x] = 1;
    }
  }
  return out;
}

function union(...masks: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(masks[0].length);
  for (const mask of masks) for (let p = 0; p < out.length; p++) if (mask[p]) out[p] = 1;
  return out;
}

describe.each(['ref_cxk.png', 'ref_jijin.png'])('the built-in engine on %s: a still background under the person', (name) => {
  const path = fixture(name);
  it.skipIf(!path)('outside the person (the dilated matte, at rest and warped) every frame is the photo within 1 level, at the extremes of yaw, pitch and roll', async () => {
    const photo = present(path);
    const { rig } = await analyzePhoto(photo, name);
    const renderer = await createWarpRenderer(photo, name, rig, SIZE_PX, SIZE_PX);
    const layers = present(renderer.layers);
    const { image: crop } = await referenceCrop(photo, name, rig, SIZE_PX, SIZE_PX);
    const expression = new ExpressionRig(rig.lmks3dCm);
    const frame = createRgbaImage(SIZE_PX, SIZE_PX);
    // The matte is a real segmentation: the person is a good part of the frame, not all of it.
    const holeShare = layers.hole.reduce((sum, v) => sum + v, 0) / layers.hole.length;
    expect(holeShare).toBeGreaterThan(0.2);
    expect(holeShare).toBeLessThan(0.9);
    for (const angles of EXTREMES) {
      for (const face of [NEUTRAL_FACE, { ...NEUTRAL_FACE, jawOpen: 1, smile: 0.5 }]) {
        const offsets = expression.offsets(face);
        const pose = [...angles, 0, 0, 0];
        renderer.render(offsets, pose, frame);
        const person = dilate(union(layers.hole, renderer.warpedMatte(offsets, pose)), SIZE_PX, SIZE_PX, REACH_PX);
        const { max, pixels } = outsideDifference(frame.data, crop.data, person);
        expect(pixels, `pose ${angles.join(', ')}`).toBeGreaterThan(SIZE_PX * SIZE_PX * 0.08);
        expect(max, `pose ${angles.join(', ')}`).toBeLessThanOrEqual(1);
      }
    }
    // The person itself moved: the turned frame differs from the photo inside the matte.
    renderer.render(new Float32Array(LANDMARK_COUNT * 3), [0, 30, 0, 0, 0, 0], frame);
    let changed = 0;
    for (let p = 0; p < SIZE_PX * SIZE_PX; p++) if (layers.hole[p] && Math.abs(frame.data[p * 4 + 1] - crop.data[p * 4 + 1]) > 10) changed++;
    expect(changed).toBeGreaterThan(SIZE_PX * SIZE_PX * 0.05);
  });

  it.skipIf(!path)('does not flicker at the matte edge: at rest, with the face talking and blinking, nothing changes outside the moving head', async () => {
    const photo = present(path);
    const { rig } = await analyzePhoto(photo, name);
    const renderer = await createWarpRenderer(photo, name, rig, SIZE_PX, SIZE_PX);
    const expression = new ExpressionRig(rig.lmks3dCm);
    const previous = createRgbaImage(SIZE_PX, SIZE_PX);
    const current = createRgbaImage(SIZE_PX, SIZE_PX);
    const pose = [0.4, -0.3, 0.2, 0, 0, 0];
    const faceAt = (k: number) => ({ ...NEUTRAL_FACE, jawOpen: 0.3 + 0.3 * Math.sin(k), blinkLeft: k === 3 ? 1 : 0, blinkRight: k === 3 ? 1 : 0 });
    renderer.render(expression.offsets(faceAt(0)), pose, previous);
    const layers = present(renderer.layers);
    let previousHead = headRegion(renderer.frameLandmarksPx);
    for (let k = 1; k < 6; k++) {
      renderer.render(expression.offsets(faceAt(k)), pose, current);
      const head = headRegion(renderer.frameLandmarksPx);
      const moving = dilate(union(head, previousHead), SIZE_PX, SIZE_PX, 4);
      // The matte's soft edge (hair tips, shoulders) outside the moving head is part of what is checked.
      let edgeOutside = 0;
      for (let p = 0; p < moving.length; p++) if (!moving[p] && layers.person.data[p * 4 + 3] > 0 && layers.person.data[p * 4 + 3] < 255) edgeOutside++;
      expect(edgeOutside).toBeGreaterThan(200);
      const still = outsideDifference(current.data, previous.data, moving);
      expect(still.pixels).toBeGreaterThan(SIZE_PX * SIZE_PX * 0.05);
      expect(still.max, `frame ${k}`).toBeLessThanOrEqual(1);
      previousHead = head;
      previous.data.set(current.data);
    }
  });
});
