// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { createEmptyTrack } from '../../src-shared/face/landmark-track.js';
import { LANDMARK_COUNT } from '../../src-shared/face/topology.js';
import { multiplyMat4, poseToMatrix } from '../../src-shared/projection/euler-pose.js';
import { DEPTH_SCALE, FOCAL, projectPoints } from '../../src-shared/projection/perspective-projection.js';
import { projectTrackFrame } from '../../src-shared/projection/project-frame.js';

const IDENTITY = [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1];
const ZERO_POSE = [0, 0, 0, 0, 0, 0];

describe('AniPortrait perspective projection (ANIPORTRAIT_ONNX.md 1.7, Appendix C)', () => {
  it('uses the float32 constants of the reference', () => {
    expect(FOCAL).toBe(1.6318516731262207);
    expect(DEPTH_SCALE).toBe(-1.000100016593933);
  });

  it('maps a point on the optical axis to the image centre, any aspect', () => {
    expect([...projectPoints([0, 0, -40], 1, IDENTITY, ZERO_POSE, { widthPx: 512, heightPx: 512 })]).toEqual([256, 256]);
    expect([...projectPoints([0, 0, -40], 1, IDENTITY, ZERO_POSE, { widthPx: 384, heightPx: 512 })]).toEqual([192, 256]);
  });

  it('matches the closed form ndc = (fa x, -f y) / (c z) with y flipped to a top-left origin', () => {
    const [x, y, z] = [3, 2, -30];
    const W = 384;
    const H = 512;
    const fa = Math.fround(FOCAL / (W / H));
    const expected = [((fa * x) / (DEPTH_SCALE * z) + 1) * 0.5 * W, ((-FOCAL * y) / (DEPTH_SCALE * z) + 1) * 0.5 * H];
    const got = projectPoints([x, y, z], 1, IDENTITY, ZERO_POSE, { widthPx: W, heightPx: H });
    expect(got[0]).toBeCloseTo(expected[0], 3);
    expect(got[1]).toBeCloseTo(expected[1], 3);
    // A point above the axis (y > 0) lands above the centre (smaller pixel y), right is right.
    expect(got[1]).toBeLessThan(H / 2);
    expect(got[0]).toBeGreaterThan(W / 2);
  });

  it('composes Euler angles extrinsically x, then y, then z (R = Rz Ry Rx), as scipy "xyz"', () => {
    const rx = poseToMatrix([90, 0, 0, 0, 0, 0]);
    // Rx(90) turns +y into +z.
    expect(rx[2 * 4 + 1]).toBeCloseTo(1, 12);
    const combined = poseToMatrix([30, 40, 50, 1, 2, 3]);
    const product = multiplyMat4(multiplyMat4(poseToMatrix([0, 0, 50, 0, 0, 0]), poseToMatrix([0, 40, 0, 0, 0, 0])), poseToMatrix([30, 0, 0, 0, 0, 0]));
    for (let r = 0; r < 3; r++) for (let c = 0; c < 3; c++) expect(combined[r * 4 + c]).toBeCloseTo(product[r * 4 + c], 12);
    expect([combined[3], combined[7], combined[11]]).toEqual([1, 2, 3]);
  });

  it('applies the pose in face space before the reference transMat (M = transMat * D)', () => {
    // transMat moves the face 40 cm in front of the camera; a yaw of 90 degrees turns the face's +x into -z.
    const trans = [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, -40, 0, 0, 0, 1];
    const turned = projectPoints([5, 0, 0], 1, trans, [0, 90, 0, 0, 0, 0], { widthPx: 512, heightPx: 512 });
    expect(turned[0]).toBeCloseTo(256, 4);
    const straight = projectPoints([5, 0, 0], 1, trans, ZERO_POSE, { widthPx: 512, heightPx: 512 });
    expect(straight[0]).toBeGreaterThan(256);
  });

  it('projects a track frame as rest face + offsets', () => {
    const lmks3dCm = new Float32Array(LANDMARK_COUNT * 3);
    for (let i = 0; i < LANDMARK_COUNT; i++) lmks3dCm[i * 3 + 2] = 0;
    const rig = {
      imageWidthPx: 512,
      imageHeightPx: 512,
      lmks3dCm,
      transMat: Float64Array.from([1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, -40, 0, 0, 0, 1]),
      landmarks2dPx: new Float32Array(LANDMARK_COUNT * 2),
    };
    const track = createEmptyTrack(30, 2);
    track.offsetsCm[(1 * LANDMARK_COUNT + 13) * 3 + 1] = -1; // landmark 13 drops 1 cm in frame 1
    const f0 = projectTrackFrame(rig, track, 0, { widthPx: 512, heightPx: 512 });
    const f1 = projectTrackFrame(rig, track, 1, { widthPx: 512, heightPx: 512 });
    expect(f0[13 * 2 + 1]).toBe(256);
    expect(f1[13 * 2 + 1]).toBeGreaterThan(256);
    expect(f1[12 * 2 + 1]).toBe(256);
    expect(() => projectTrackFrame(rig, track, 2, { widthPx: 512, heightPx: 512 })).toThrow(RangeError);
  });
});
