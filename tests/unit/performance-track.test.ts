// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { loadCanonicalFace } from '../../src-main/face/canonical-face.js';
import { ExpressionRig, NEUTRAL_FACE } from '../../src-shared/face/expression-rig.js';
import type { FaceParams } from '../../src-shared/face/expression-rig.js';
import { LEFT_BROW, LEFT_EYE_LOWER, LEFT_EYE_UPPER, MOUTH_CORNERS, RIGHT_EYE_LOWER, RIGHT_EYE_UPPER } from '../../src-shared/face/landmark-regions.js';
import { LANDMARK_COUNT, POSE_LENGTH } from '../../src-shared/face/topology.js';
import { bridgeRowsInPlace, missingRuns } from '../../src-shared/performance/bridge-missing.js';
import { measureFace } from '../../src-shared/performance/face-measures.js';
import { mostNeutralFrames } from '../../src-shared/performance/neutral-frame.js';
import { zeroPhaseOneEuroInPlace } from '../../src-shared/performance/one-euro-filter.js';
import { ALL_PERFORMANCE_PARTS } from '../../src-shared/performance/performance-parts.js';
import type { PerformancePartSettings } from '../../src-shared/performance/performance-parts.js';
import { MAX_FACE_GAP_SEC, bridgedFramesNote, performanceProblem } from '../../src-shared/performance/performance-problem.js';
import { OFFSET_FILTER, buildPerformanceMotion, mirroredFrame } from '../../src-shared/performance/performance-track.js';
import type { TrackedFace } from '../../src-shared/performance/performance-track.js';
import { multiplyMat4, poseToMatrix } from '../../src-shared/projection/euler-pose.js';
import { seededRandom } from '../../src-shared/util/seeded-random.js';
import { pearson } from '../helpers/correlation.js';

const STRIDE = LANDMARK_COUNT * 3;

function restFace(): Float32Array {
  const rest = new Float32Array(STRIDE);
  rest.set(loadCanonicalFace().positionsCm);
  const centre = (ids: readonly number[]) => [0, 1, 2].map((a) => ids.reduce((s, i) => s + rest[i * 3 + a], 0) / ids.length);
  const right = centre([...RIGHT_EYE_UPPER, ...RIGHT_EYE_LOWER]);
  const left = centre([...LEFT_EYE_UPPER, ...LEFT_EYE_LOWER]);
  for (let i = 468; i < 478; i++) rest.set(i < 473 ? right : left, i * 3);
  return rest;
}

const rest = restFace();
const rig = new ExpressionRig(rest);
/** Where a face sits in the camera: 60 cm away, scaled as MediaPipe's metric face. */
const CAMERA = Float64Array.from([1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, -60, 0, 0, 0, 1]);

/** A source frame: the rest face with an expression, at a head pose relative to CAMERA. */
function frame(params: Partial<FaceParams>, pose: readonly number[] = [0, 0, 0, 0, 0, 0], face = rest, faceRig = rig): TrackedFace {
  const offsets = faceRig.offsets({ ...NEUTRAL_FACE, ...params });
  const lmks3dCm = new Float32Array(STRIDE);
  for (let k = 0; k < STRIDE; k++) lmks3dCm[k] = face[k] + offsets[k];
  return { lmks3dCm, transMat: multiplyMat4(CAMERA, poseToMatrix(pose)) };
}

const FPS = 30;
const jawAt = (f: number) => Math.max(0, Math.sin(f / 4)) * 0.8;
const poseAt = (f: number) => [6 * Math.sin(f / 11), 9 * Math.sin(f / 7), 2 * Math.sin(f / 13), 0.3 * Math.sin(f / 9), 0, 0];

function sourceFrames(count: number): TrackedFace[] {
  return Array.from({ length: count }, (_, f) => frame({ jawOpen: jawAt(f) }, poseAt(f)));
}

const mouthOpening = (offsets: Float32Array, f: number, face = rest) => {
  const y = (i: number) => face[i * 3 + 1] + offsets[f * STRIDE + i * 3 + 1];
  return y(13) - y(14);
};

describe('one-euro filter', () => {
  it('smooths jitter on a still signal (at least 2.5x less spread) and follows a fast step within 2 frames when run forwards and backwards', () => {
    const random = seededRandom(7);
    const noisy = Float32Array.from({ length: 300 }, () => (random() - 0.5) * 0.06);
    const spread = (v: Float32Array) => Math.sqrt(v.reduce((s, x) => s + x * x, 0) / v.length);
    const before = spread(noisy);
    zeroPhaseOneEuroInPlace(noisy, 1, FPS, OFFSET_FILTER);
    expect(spread(noisy)).toBeLessThan(before / 2.5);

    // A mouth snapping shut: 1.2 cm to 0 in one frame.
    const step = Float32Array.from({ length: 60 }, (_, f) => (f < 30 ? 1.2 : 0));
    zeroPhaseOneEuroInPlace(step, 1, FPS, OFFSET_FILTER);
    expect(step[27]).toBeGreaterThan(1.0);
    expect(step[32]).toBeLessThan(0.2);
    // Zero phase: the half-way crossing stays at the step, not a frame or more behind.
    const crossing = step.findIndex((v) => v < 0.6);
    expect(Math.abs(crossing - 30)).toBeLessThanOrEqual(1);
  });
});

describe('bridging frames without a face', () => {
  it('finds the runs and bridges them linearly, holding the ends', () => {
    const frames = [null, 1, null, null, 4, null];
    expect(missingRuns(frames)).toEqual([
      { startFrame: 0, frameCount: 1 },
      { startFrame: 2, frameCount: 2 },
      { startFrame: 5, frameCount: 1 },
    ]);
    const rows = Float32Array.from([0, 1, 0, 0, 4, 0]);
    bridgeRowsInPlace(rows, 1, frames.map((f) => f !== null));
    expect([...rows]).toEqual([1, 1, 2, 3, 4, 4]);
  });

  it(`refuses a face lost for more than ${MAX_FACE_GAP_SEC} s (saying how long and where) and a video with no face; notes bridged frames`, () => {
    const face = {};
    const gap = Math.round((MAX_FACE_GAP_SEC + 0.5) * FPS);
    const lost = [face, ...Array<null>(gap).fill(null), face];
    expect(performanceProblem(lost, FPS, 'The video "a.mp4"')).toMatch(/^The video "a.mp4" loses the face for 2\.5 s \(from 0\.0 s\); gaps of up to 2 s are bridged/);
    expect(performanceProblem([null, null], FPS, 'The video "b.mp4"')).toMatch(/shows no face .* in any of its 2 frames/);
    expect(performanceProblem([], FPS, 'The video "c.mp4"')).toMatch(/no frames/);
    const short = [face, null, null, face];
    expect(performanceProblem(short, FPS, 'v')).toBeNull();
    expect(bridgedFramesNote(short, FPS, 'The video "d.mp4"')).toBe('The video "d.mp4": 2 of 4 frames showed no face and were bridged (at 0.0 s).');
    expect(bridgedFramesNote([face], FPS, 'v')).toBeNull();
  });
});

describe('the most neutral frame', () => {
  it('is a frame with the mouth closed, the eyes open and the brows at rest', () => {
    const frames: Partial<FaceParams>[] = [{ jawOpen: 0.7 }, { jawOpen: 0.2, browRaise: 0.8 }, { blinkLeft: 1, blinkRight: 1 }, {}, { jawOpen: 0.4 }, { smile: 0.9 }];
    const measures = frames.map((p) => measureFace(frame(p).lmks3dCm));
    expect(mostNeutralFrames(measures, 1)).toEqual([3]);
  });
});

describe('performance motion (pose removed, offsets from the neutral face, retargeted)', () => {
  it('recovers the performed mouth opening and head pose (r >= 0.99 against the known motion)', () => {
    const count = 90;
    const motion = buildPerformanceMotion({ frames: sourceFrames(count), fps: FPS, targetRestCm: rest, frameCount: count, parts: ALL_PERFORMANCE_PARTS });
    const known = Array.from({ length: count }, (_, f) => jawAt(f));
    const opening = Array.from({ length: count }, (_, f) => mouthOpening(motion.meshOffsetsCm, f));
    expect(pearson(known, opening)).toBeGreaterThan(0.99);
    for (const channel of [0, 1]) {
      const performed = Array.from({ length: count }, (_, f) => poseAt(f)[channel] - poseAt(0)[channel]);
      const recovered = Array.from({ length: count }, (_, f) => motion.poses[f * POSE_LENGTH + channel]);
      expect(pearson(performed, recovered)).toBeGreaterThan(0.99);
      // Relative to the first frame, in degrees.
      expect(Math.max(...recovered.map((v, f) => Math.abs(v - performed[f])))).toBeLessThan(1.5);
    }
    expect(motion.report.referenceFrame).toBe(0);
    expect(jawAt(motion.report.neutralFrames[0])).toBe(0);
    // A chosen reference frame: its pose is the rest pose.
    const chosen = buildPerformanceMotion({ frames: sourceFrames(count), fps: FPS, targetRestCm: rest, frameCount: count, parts: ALL_PERFORMANCE_PARTS, referenceFrame: 40 });
    expect(chosen.report.referenceFrame).toBe(40);
    expect(Math.abs(chosen.poses[40 * POSE_LENGTH + 1])).toBeLessThan(1);
    expect(Math.abs(chosen.poses[1] - (poseAt(0)[1] - poseAt(40)[1]))).toBeLessThan(1.5);
  });

  it('scales the offsets by the region sizes: a face with a mouth 1.5x as wide gets 1.5x the mouth-width motion', () => {
    const wide = Float32Array.from(rest);
    const [a, b] = MOUTH_CORNERS;
    const midX = (rest[a * 3] + rest[b * 3]) / 2;
    wide[a * 3] = midX + (rest[a * 3] - midX) * 1.5;
    wide[b * 3] = midX + (rest[b * 3] - midX) * 1.5;
    // A wide mouth held for 12 frames (the filter settles on it) between frames at rest (the neutral face).
    const widened = frame({});
    widened.lmks3dCm[a * 3] -= 0.4;
    widened.lmks3dCm[b * 3] += 0.4;
    const frames = Array.from({ length: 36 }, (_, f) => (f >= 12 && f < 24 ? widened : frame({})));
    const on = (target: Float32Array) => buildPerformanceMotion({ frames, fps: FPS, targetRestCm: target, frameCount: 36, parts: ALL_PERFORMANCE_PARTS });
    const cornerX = (m: ReturnType<typeof on>) => m.meshOffsetsCm[18 * STRIDE + b * 3];
    expect(on(wide).report.ratios.mouthWidth).toBeCloseTo(1.5, 2);
    // The one-euro filter is not linear (its cutoff follows the speed): within 0.05.
    expect(cornerX(on(wide)) / cornerX(on(rest))).toBeCloseTo(1.5, 1);
  });

  it('drops each part that is not kept and scales by its strength', () => {
    const frames = Array.from({ length: 30 }, (_, f) => frame({ jawOpen: jawAt(f), blinkLeft: f % 10 === 5 ? 1 : 0, browRaise: f % 7 === 3 ? 1 : 0 }, poseAt(f)));
    const run = (parts: PerformancePartSettings) => buildPerformanceMotion({ frames, fps: FPS, targetRestCm: rest, frameCount: 30, parts });
    const full = run(ALL_PERFORMANCE_PARTS);
    const energy = (m: ReturnType<typeof run>, ids: readonly number[]) => ids.reduce((s, i) => s + Array.from({ length: 30 }, (_, f) => Math.abs(m.meshOffsetsCm[f * STRIDE + i * 3 + 1])).reduce((x, y) => x + y, 0), 0);
    const lids = [...LEFT_EYE_UPPER];
    const lips = [14, 17, 152];
    const brows = [...LEFT_BROW];
    expect(energy(full, lids)).toBeGreaterThan(0.1);
    expect(energy(full, lips)).toBeGreaterThan(1);
    expect(energy(full, brows)).toBeGreaterThan(0.1);
    const noMouth = run({ ...ALL_PERFORMANCE_PARTS, mouth: { keep: false, strength: 1 } });
    expect(energy(noMouth, lips)).toBe(0);
    expect(energy(noMouth, lids)).toBeCloseTo(energy(full, lids), 5);
    const noBlinks = run({ ...ALL_PERFORMANCE_PARTS, blinks: { keep: false, strength: 1 } });
    expect(energy(noBlinks, lids)).toBe(0);
    const noExpression = run({ ...ALL_PERFORMANCE_PARTS, expression: { keep: false, strength: 1 } });
    expect(energy(noExpression, brows)).toBe(0);
    const halfMouth = run({ ...ALL_PERFORMANCE_PARTS, mouth: { keep: true, strength: 0.5 } });
    expect(energy(halfMouth, lips) / energy(full, lips)).toBeCloseTo(0.5, 3);
    const still = run({ ...ALL_PERFORMANCE_PARTS, pose: { keep: false, strength: 1 } });
    expect(still.poses.every((v) => v === 0)).toBe(true);
  });

  it('bridges frames without a face and loops a short source mirrored to the audio length', () => {
    const frames: (TrackedFace | null)[] = sourceFrames(20);
    frames[8] = null;
    frames[9] = null;
    const motion = buildPerformanceMotion({ frames, fps: FPS, targetRestCm: rest, frameCount: 50, parts: ALL_PERFORMANCE_PARTS });
    expect(motion.report.missing).toEqual([{ startFrame: 8, frameCount: 2 }]);
    expect(motion.poses.length).toBe(50 * POSE_LENGTH);
    expect(motion.meshOffsetsCm.length).toBe(50 * STRIDE);
    expect(Number.isFinite(mouthOpening(motion.meshOffsetsCm, 8))).toBe(true);
    // Frame 8 lies between frames 7 and 10.
    const between = (v: number, x: number, y: number) => v >= Math.min(x, y) - 0.05 && v <= Math.max(x, y) + 0.05;
    expect(between(mouthOpening(motion.meshOffsetsCm, 8), mouthOpening(motion.meshOffsetsCm, 7), mouthOpening(motion.meshOffsetsCm, 10))).toBe(true);
    expect([0, 19, 20, 37, 38, 39].map((f) => mirroredFrame(f, 20))).toEqual([0, 19, 18, 1, 0, 1]);
    expect(motion.poses.subarray(20 * POSE_LENGTH, 21 * POSE_LENGTH)).toEqual(motion.poses.subarray(18 * POSE_LENGTH, 19 * POSE_LENGTH));
  });
});
