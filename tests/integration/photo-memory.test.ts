// @vitest-environment node
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { referenceCrop } from '../../src-main/engines/shared/reference-crop.js';
import { analyzePhoto } from '../../src-main/face/analyze-photo.js';
import { decodeImageScaled } from '../../src-main/media/decode-image.js';
import { ffmpegBinaries } from '../../src-main/media/ffmpeg-binaries.js';
import { fixture, present } from '../helpers/fixtures.js';

const REF_CXK_PNG = fixture('ref_cxk.png');

/** A huge photo with a small face: the crop is cut first and resampled after, so memory follows the output, not the photo. */
describe('reference crop of a huge photo', () => {
  it.skipIf(!REF_CXK_PNG)('a 3000x3000 photo with a small face adds little memory (the whole photo is not upscaled), and shows the same picture', async () => {
    const photo = present(REF_CXK_PNG);
    const dir = mkdtempSync(join(tmpdir(), 'aniportrait-big-photo-'));
    const small = join(dir, 'small.png');
    const big = join(dir, 'big.png');
    execFileSync(ffmpegBinaries().ffmpegPath, ['-v', 'error', '-i', photo, '-vf', 'scale=512:512', small]);
    execFileSync(ffmpegBinaries().ffmpegPath, ['-v', 'error', '-i', small, '-vf', 'pad=3000:3000:1200:1200:color=0x808080', big]);
    const { rig } = await analyzePhoto(big, 'big.png');
    const beforeMiB = process.resourceUsage().maxRSS / 1024;
    // 1024x1024 around a ~200 px face: the crop scale is about 3.4 (the whole photo upscaled would be 10000x10000).
    const { crop, image } = await referenceCrop(big, 'big.png', rig, 1024, 1024);
    const grownMiB = process.resourceUsage().maxRSS / 1024 - beforeMiB;
    console.log(`reference crop of a 3000x3000 photo at 1024x1024 (scale ${crop.scale.toFixed(2)}): peak RSS grew ${grownMiB.toFixed(0)} MiB`);
    expect(grownMiB).toBeLessThan(150);
    // The same pixels as the whole photo resampled to the crop's scale (where it fits in memory: the face's 512x512 square).
    const whole = await decodeImageScaled(small, 'small.png', 512 * crop.scale, 512 * crop.scale);
    let diff = 0;
    let count = 0;
    for (let row = 200; row < 824; row += 7) {
      for (let col = 200; col < 824; col += 7) {
        const sx = Math.round((crop.originXPx - 1200) * crop.scale + col);
        const sy = Math.round((crop.originYPx - 1200) * crop.scale + row);
        if (sx < 0 || sy < 0 || sx >= whole.widthPx || sy >= whole.heightPx) continue;
        for (let c = 0; c < 3; c++) diff += Math.abs(image.data[(row * 1024 + col) * 4 + c] - whole.rgb[(sy * whole.widthPx + sx) * 3 + c]);
        count += 3;
      }
    }
    expect(count).toBeGreaterThan(1000);
    expect(diff / count).toBeLessThan(3);
  });
});
