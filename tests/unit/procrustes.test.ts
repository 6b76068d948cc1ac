// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { invertSimilarity, similarityScale, weightedProcrustes } from '../../src-shared/math/weighted-procrustes.js';
import { matrixToPose, multiplyMat4, poseToMatrix } from '../../src-shared/projection/euler-pose.js';
import { seededRandom } from '../../src-shared/util/seeded-random.js';

function transform(m: ArrayLike<number>, points: Float64Array): Float64Array {
  const out = new Float64Array(points.length);
  for (let i = 0; i < points.length / 3; i++) {
    for (let a = 0; a < 3; a++) out[i * 3 + a] = m[a * 4] * points[i * 3] + m[a * 4 + 1] * points[i * 3 + 1] + m[a * 4 + 2] * points[i * 3 + 2] + m[a * 4 + 3];
  }
  return out;
}

describe('weighted Procrustes (MediaPipe geometry pipeline)', () => {
  it('recovers a similarity transform exactly, rotation, scale and translation', () => {
    const random = seededRandom(3);
    const source = Float64Array.from({ length: 60 }, () => random() * 10 - 5);
    const truth = poseToMatrix([20, -35, 10, 3, -2, -40]);
    for (let k = 0; k < 12; k++) if (k % 4 !== 3) truth[k] *= 1.7;
    truth[3] = 3;
    truth[7] = -2;
    truth[11] = -40;
    const fitted = weightedProcrustes(source, transform(truth, source), new Float32Array(20).fill(1));
    for (let k = 0; k < 16; k++) expect(fitted[k]).toBeCloseTo(truth[k], 9);
    expect(similarityScale(fitted)).toBeCloseTo(1.7, 9);
    const identity = multiplyMat4(invertSimilarity(fitted), fitted);
    for (let k = 0; k < 16; k++) expect(identity[k]).toBeCloseTo([1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1][k], 9);
  });

  it('ignores points of weight zero, so outliers there do not move the fit', () => {
    const random = seededRandom(5);
    const source = Float64Array.from({ length: 30 }, () => random() * 4);
    const truth = poseToMatrix([0, 0, 30, 1, 2, 3]);
    const target = transform(truth, source);
    target[0] += 100;
    const weights = new Float32Array(10).fill(1);
    weights[0] = 0;
    const fitted = weightedProcrustes(source, target, weights);
    for (let k = 0; k < 12; k++) expect(fitted[k]).toBeCloseTo(truth[k], 9);
  });

  it('turns a pose matrix back into the same Euler angles (scipy xyz) and translation', () => {
    const pose = [12.5, -7.25, 3, 0.5, -0.25, 1];
    const back = matrixToPose(poseToMatrix(pose));
    back.forEach((v, k) => expect(v).toBeCloseTo(pose[k], 9));
  });
});
