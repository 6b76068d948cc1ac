import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ExpressionRig } from '../../src-shared/face/expression-rig.js';
import { frameParams } from '../../src-shared/face/face-param-track.js';
import { LOWER_LIP_INNER_MID, UPPER_LIP_INNER_MID } from '../../src-shared/face/landmark-regions.js';
import { generateBuiltinTrack } from '../engines/builtin/generate-track.js';
import { analyzePhoto, buildRig } from '../face/analyze-photo.js';
import { detectFaces } from '../face/human-face-mesh.js';
import { decodeAudioClip } from '../media/decode-audio-clip.js';
import { decodeVideoFrames } from '../media/decode-video-frames.js';

/**
 * `npm run compare:lipsync`: how our mouth follows AniPortrait's. Tracks the right half of
 * ../shared/fixtures/aniportrait/demo_*.mp4 (AniPortrait's own result for that audio) with the
 * studio's face analysis, and prints the Pearson correlation of mouth opening (inner-lip gap in
 * face space, cm) between that and the built-in track for the same photo and audio.
 */
const FIXTURES = resolve(process.argv[2] ?? join('..', 'shared', 'fixtures', 'aniportrait'));
const FPS = 30;

function lipGapCm(points: Float32Array): number {
  const dy = points[UPPER_LIP_INNER_MID * 3 + 1] - points[LOWER_LIP_INNER_MID * 3 + 1];
  const dz = points[UPPER_LIP_INNER_MID * 3 + 2] - points[LOWER_LIP_INNER_MID * 3 + 2];
  return Math.hypot(dy, dz);
}

function pearson(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = Math.min(a.length, b.length);
  let ma = 0;
  let mb = 0;
  for (let i = 0; i < n; i++) {
    ma += a[i] / n;
    mb += b[i] / n;
  }
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < n; i++) {
    sab += (a[i] - ma) * (b[i] - mb);
    saa += (a[i] - ma) ** 2;
    sbb += (b[i] - mb) ** 2;
  }
  return sab / Math.sqrt(saa * sbb);
}

async function compare(name: string): Promise<Record<string, number | string>> {
  const theirs: number[] = [];
  await decodeVideoFrames(join(FIXTURES, `demo_${name}.mp4`), `demo_${name}.mp4`, { fps: FPS, crop: { leftFraction: 0.5, widthFraction: 0.5 } }, async (rgb, _i, format) => {
    const face = (await detectFaces(rgb, format.widthPx, format.heightPx))[0];
    theirs.push(face ? lipGapCm(buildRig(face.mesh, format.widthPx, format.heightPx).lmks3dCm) : (theirs[theirs.length - 1] ?? 0));
  });
  const { rig } = await analyzePhoto(join(FIXTURES, `ref_${name}.png`), `ref_${name}.png`);
  const samples = await decodeAudioClip(join(FIXTURES, `speech_${name}.wav`), `speech_${name}.wav`);
  const track = await generateBuiltinTrack({ samples, fps: FPS, seed: 42, poseSource: { kind: 'audio' } });
  const expression = new ExpressionRig(rig.lmks3dCm);
  const ours: number[] = [];
  const offsets = new Float32Array(rig.lmks3dCm.length);
  for (let f = 0; f < track.frameCount; f++) {
    expression.offsets(frameParams(track, f), offsets);
    ours.push(lipGapCm(rig.lmks3dCm.map((v, i) => v + offsets[i])));
  }
  let bestLag = 0;
  let best = -Infinity;
  for (let lag = -4; lag <= 4; lag++) {
    const r = pearson(ours.slice(Math.max(0, lag)), theirs.slice(Math.max(0, -lag)));
    if (r > best) [best, bestLag] = [r, lag];
  }
  return { clip: name, frames: Math.min(ours.length, theirs.length), pearson: round(pearson(ours, theirs)), bestLagFrames: bestLag, pearsonAtBestLag: round(best) };
}

function round(v: number): number {
  return Math.round(v * 1000) / 1000;
}

async function main(): Promise<void> {
  if (!existsSync(join(FIXTURES, 'demo_cxk.mp4'))) {
    console.error(`compare:lipsync: no AniPortrait fixtures in ${FIXTURES}; pass their folder as the first argument.`);
    process.exit(2);
  }
  const results = [];
  for (const name of ['cxk', 'jijin']) results.push(await compare(name));
  console.log(JSON.stringify({ comparison: 'mouth opening vs AniPortrait demo (right half)', results }, null, 2));
}

void main();
