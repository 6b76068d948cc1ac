// @vitest-environment node
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { referenceCrop } from '../../src-main/engines/shared/reference-crop.js';
import { analyzePhoto } from '../../src-main/face/analyze-photo.js';
import { ffmpegBinaries } from '../../src-main/media/ffmpeg-binaries.js';
import { bounds2d } from '../../src-shared/math/bounds.js';
import { MESH_VERTEX_COUNT } from '../../src-shared/face/topology.js';
import { fixture, present } from '../helpers/fixtures.js';

const REF_CXK_PNG = fixture('ref_cxk.png');
const REF_JIJIN_PNG = fixture('ref_jijin.png');

const dir = mkdtempSync(join(tmpdir(), 'aniportrait-framing-'));

/** Share of the frame's pixels that are the flat grey the photo was padded with. */
function greyShare(rgba: Uint8Array): number {
  let grey = 0;
  for (let i = 0; i < rgba.length; i += 4) if (Math.abs(rgba[i] - 128) < 3 && Math.abs(rgba[i + 1] - 128) < 3 && Math.abs(rgba[i + 2] - 128) < 3) grey++;
  return grey / (rgba.length / 4);
}

/** Where the output frame is cut from, for photos where the face covers much of the photo. */
describe('framing a large face', () => {
  it.skipIf(!REF_CXK_PNG)('a landscape photo with the face at the left frames the face, not grey background', async () => {
    const photo = present(REF_CXK_PNG);
    // A tight 320x320 crop around the face with 320 px of flat grey to its right: 640x320, the
    // face (about 20 % of the photo) at the left.
    const wide = join(dir, 'wide.png');
    execFileSync(ffmpegBinaries().ffmpegPath, ['-v', 'error', '-i', photo, '-vf', 'scale=512:512,crop=320:320:100:0,pad=640:320:0:0:color=0x808080', wide]);
    const { rig } = await analyzePhoto(wide, 'wide.png');
    const { image } = await referenceCrop(wide, 'wide.png', rig, 256, 256);
    expect(greyShare(image.data)).toBeLessThan(0.05);
  });

  it.skipIf(!REF_CXK_PNG || !REF_JIJIN_PNG)('two faces side by side: the largest is framed whole, and the warning says which one', async () => {
    const left = present(REF_CXK_PNG);
    const right = present(REF_JIJIN_PNG);
    const pair = join(dir, 'pair.png');
    // Two tight face crops side by side (640x320); the right one shrunk, so the left face is the largest.
    execFileSync(ffmpegBinaries().ffmpegPath, ['-v', 'error', '-i', left, '-i', right, '-filter_complex', '[0]scale=512:512,crop=320:320:100:0[l];[1]scale=512:512,crop=320:320:100:0,scale=260:260,pad=320:320:30:30:color=0x808080[r];[l][r]hstack', pair]);
    const { rig, warnings } = await analyzePhoto(pair, 'pair.png');
    expect(warnings.join(' ')).toMatch(/pair\.png shows 2 faces; the largest one, at the left \(x \d+\.\.\d+ px\), is animated and framed/);
    const { crop } = await referenceCrop(pair, 'pair.png', rig, 256, 256);
    const face = bounds2d(rig.landmarks2dPx, MESH_VERTEX_COUNT);
    const x1 = crop.originXPx + 256 / crop.scale;
    expect(crop.originXPx).toBeLessThanOrEqual(face.minX);
    expect(x1).toBeGreaterThanOrEqual(face.maxX);
    // Nothing of the other face's half.
    expect(x1).toBeLessThanOrEqual(320 + 1);
  });
});
