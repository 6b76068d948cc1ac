// @vitest-environment node
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzePhoto } from '../../src-main/face/analyze-photo.js';
import { loadCanonicalFace } from '../../src-main/face/canonical-face.js';
import { ffmpegBinaries } from '../../src-main/media/ffmpeg-binaries.js';
import { similarityScale } from '../../src-shared/math/weighted-procrustes.js';
import { projectPoints } from '../../src-shared/projection/perspective-projection.js';
import { fixture, present } from '../helpers/fixtures.js';
import { solidPng } from '../helpers/png.js';

const REF_CXK_PNG = fixture('ref_cxk.png');
const REF_JIJIN_PNG = fixture('ref_jijin.png');

const dir = mkdtempSync(join(tmpdir(), 'aniportrait-face-'));

describe('canonical face from @mediapipe/face_mesh', () => {
  it('has 468 vertices, 898 triangles and the 33 Procrustes weights of the metadata', () => {
    const face = loadCanonicalFace();
    expect(face.positionsCm.length).toBe(468 * 3);
    expect(face.triangles.length).toBe(898 * 3);
    const weighted = [...face.procrustesWeights].map((w, i) => [i, w]).filter(([, w]) => w > 0);
    expect(weighted.length).toBe(33);
    expect(face.procrustesWeights[4]).toBeCloseTo(0.0709099, 6);
    expect(face.procrustesWeights[358]).toBeCloseTo(0.120625, 6);
  });
});

describe('face analysis of the reference photo', () => {
  it.skipIf(!REF_CXK_PNG)('builds a FaceRig whose projection reproduces the photo landmarks (AniPortrait camera)', async () => {
    const photo = present(REF_CXK_PNG);
    const { rig, warnings } = await analyzePhoto(photo, 'ref_cxk.png');
    expect(warnings).toEqual([]);
    expect([rig.imageWidthPx, rig.imageHeightPx]).toEqual([515, 516]);
    // MediaPipe-like metric pose: unit scale, face 20-80 cm in front of the camera.
    expect(similarityScale(rig.transMat)).toBeGreaterThan(0.8);
    expect(similarityScale(rig.transMat)).toBeLessThan(1.25);
    expect(rig.transMat[11]).toBeLessThan(-20);
    expect(rig.transMat[11]).toBeGreaterThan(-80);
    const projected = projectPoints(rig.lmks3dCm, 478, rig.transMat, [0, 0, 0, 0, 0, 0], { widthPx: rig.imageWidthPx, heightPx: rig.imageHeightPx });
    let worst = 0;
    for (let i = 0; i < 478 * 2; i++) worst = Math.max(worst, Math.abs(projected[i] - rig.landmarks2dPx[i]));
    expect(worst).toBeLessThan(0.5);
    // Landmarks sit on the face: nose tip near the middle of the photo, chin below the mouth.
    expect(rig.landmarks2dPx[1 * 2]).toBeGreaterThan(180);
    expect(rig.landmarks2dPx[1 * 2]).toBeLessThan(340);
    expect(rig.landmarks2dPx[152 * 2 + 1]).toBeGreaterThan(rig.landmarks2dPx[14 * 2 + 1]);
  });

  it('says which photo shows no face, and what to do', async () => {
    const blank = join(dir, 'wall.png');
    writeFileSync(blank, solidPng(320, 240, [180, 170, 160]));
    await expect(analyzePhoto(blank, 'The photo "wall.png"')).rejects.toThrow(/"wall\.png" shows no face.*one face/);
    const text = join(dir, 'notes.png');
    writeFileSync(text, 'not an image');
    await expect(analyzePhoto(text, 'The photo "notes.png"')).rejects.toThrow(/notes\.png.*not a readable image/);
  });

  it.skipIf(!REF_CXK_PNG || !REF_JIJIN_PNG)('animates the largest of several faces and says so; refuses a face too small', async () => {
    const a = present(REF_CXK_PNG);
    const b = present(REF_JIJIN_PNG);
    const { ffmpegPath } = ffmpegBinaries();
    const pair = join(dir, 'pair.png');
    execFileSync(ffmpegPath, ['-v', 'error', '-y', '-i', a, '-i', b, '-filter_complex', '[1]scale=258:258,pad=515:516:0:129[s];[0][s]hstack', pair]);
    const { rig, warnings } = await analyzePhoto(pair, 'pair.png');
    expect(warnings.join(' ')).toMatch(/2 faces; the largest one/);
    expect(rig.landmarks2dPx[1 * 2]).toBeLessThan(515);
    const tiny = join(dir, 'tiny.png');
    execFileSync(ffmpegPath, ['-v', 'error', '-y', '-i', a, '-vf', 'scale=90:90,pad=400:400:150:150', tiny]);
    await expect(analyzePhoto(tiny, 'tiny.png')).rejects.toThrow(/too small|no face/);
  });
});
