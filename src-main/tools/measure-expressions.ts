import { join, resolve } from 'node:path';
import type { ExpressionMeasures } from '../../src-shared/face/expression-measures.js';
import { expressionMeasures } from '../../src-shared/face/expression-measures.js';
import type { FaceParams } from '../../src-shared/face/expression-rig.js';
import { ExpressionRig, NEUTRAL_FACE } from '../../src-shared/face/expression-rig.js';
import { analyzePhoto, buildRig } from '../face/analyze-photo.js';
import { detectFaces, largestFace } from '../face/human-face-mesh.js';
import { decodeVideoFrames } from '../media/decode-video-frames.js';

/**
 * `npm run measure:expressions -- [VIDEO] [PHOTO ...]`: how far real faces move. Tracks the video
 * (default ../shared/fixtures/aniportrait/pose_ref_video.mp4) with the studio's face mesh and
 * prints each expression measure's 2nd, 50th and 98th percentile over its frames (fractions of the
 * eye-corner distance), then what the expression rig does at +1 on each photo: the change of the
 * same measures, to set the rig so that +1 reaches the real range.
 */
const FIXTURES = join('..', 'shared', 'fixtures', 'aniportrait');
const [videoArg, ...photoArgs] = process.argv.slice(2);
const video = resolve(videoArg ?? join(FIXTURES, 'pose_ref_video.mp4'));
const photos = photoArgs.length > 0 ? photoArgs.map((p) => resolve(p)) : ['ref_cxk.png', 'ref_jijin.png'].map((name) => resolve(FIXTURES, name));
const KEYS = ['mouthSpread', 'cornerLift', 'browLift', 'eyeOpening', 'lipProtrusion'] as const;

function percentile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.round(q * (sorted.length - 1))))];
}

const round = (v: number) => Math.round(v * 1000) / 1000;

const frames: ExpressionMeasures[] = [];
await decodeVideoFrames(video, video, { fps: 10 }, async (rgb, _i, format) => {
  const face = largestFace(await detectFaces(rgb, format.widthPx, format.heightPx));
  if (face) frames.push(expressionMeasures(buildRig(face.mesh, format.widthPx, format.heightPx).lmks3dCm));
});
const footage: Record<string, Record<string, number>> = {};
for (const key of KEYS) {
  const values = frames.map((m) => m[key]).sort((a, b) => a - b);
  const [low, mid, high] = [0.02, 0.5, 0.98].map((q) => percentile(values, q));
  footage[key] = { p2: round(low), p50: round(mid), p98: round(high), up: round(high - mid), down: round(mid - low) };
}
const tests: Record<string, Partial<FaceParams>> = { smile: { smile: 1 }, browRaise: { browRaise: 1 }, blink: { blinkLeft: 1, blinkRight: 1 }, lipFunnel: { lipFunnel: 1 } };
const rigs: Record<string, Record<string, Record<string, number>>> = {};
for (const photo of photos) {
  const { rig } = await analyzePhoto(photo, photo);
  const expression = new ExpressionRig(rig.lmks3dCm);
  const rest = expressionMeasures(rig.lmks3dCm);
  rigs[photo] = {};
  for (const [name, params] of Object.entries(tests)) {
    const offsets = expression.offsets({ ...NEUTRAL_FACE, ...params });
    const moved = expressionMeasures(rig.lmks3dCm.map((v, i) => v + offsets[i]));
    rigs[photo][name] = Object.fromEntries(KEYS.map((key) => [key, round(moved[key] - rest[key])]));
  }
}
console.log(JSON.stringify({ video, trackedFrames: frames.length, footage, rigAtPlusOne: rigs }, null, 2));
process.exit(0);
