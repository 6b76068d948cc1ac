import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { resampleImage } from '../../src-shared/render/resample-image.js';

/**
 * resampleImage against Pillow's Image.resize (8-bit RGB). The hashes were made with Pillow 12.3
 * (whose 8-bit resampling is unchanged since Pillow 4, AniPortrait pins 9.5) from the same test
 * pattern, with numpy:
 *   y, x = np.mgrid[0:h, 0:w]
 *   img = np.stack([(x*7 + y*13 + c*31 + (x*y) % 17 + ((x//5 + y//3) % 2) * 90) % 256 for c in range(3)], -1).astype(np.uint8)
 *   np.array(Image.fromarray(img).resize((tw, th), Image.BICUBIC or Image.LANCZOS)).tobytes()
 */
function pattern(w: number, h: number): Uint8Array {
  const out = new Uint8Array(w * h * 3);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      for (let c = 0; c < 3; c++) out[(y * w + x) * 3 + c] = (x * 7 + y * 13 + c * 31 + ((x * y) % 17) + ((Math.floor(x / 5) + Math.floor(y / 3)) % 2) * 90) % 256;
    }
  }
  return out;
}

const CASES = [
  { w: 64, h: 64, tw: 224, th: 224, filter: 'bicubic', sha256: 'f4878e10b8c3223d10e599ac8b721c98dcf1d8bb72d19abf3e2befe6ee1de52e' },
  { w: 100, h: 80, tw: 64, th: 48, filter: 'lanczos', sha256: '50d97eafd33baf14ad31c7b9af58437c6f3e66313bd791dcd4d561f003b5bcff' },
  { w: 64, h: 64, tw: 90, th: 70, filter: 'lanczos', sha256: 'df8a49ba36af19f64515326f5a0d5cfa3d1f42a2788dd42d9917b8bb9b3ab86b' },
  { w: 300, h: 200, tw: 224, th: 224, filter: 'bicubic', sha256: 'de132ef4e6a9c2d30640dc46b4e01add5264da96a52c9512f5faa8c90c35eea3' },
] as const;

describe("resampleImage is byte-identical to Pillow's 8-bit resize", () => {
  for (const c of CASES) {
    it(`${c.filter} ${c.w}x${c.h} -> ${c.tw}x${c.th}`, () => {
      const out = resampleImage(pattern(c.w, c.h), c.w, c.h, 3, c.tw, c.th, c.filter);
      expect(out.length).toBe(c.tw * c.th * 3);
      expect(createHash('sha256').update(out).digest('hex')).toBe(c.sha256);
    });
  }

  it('returns a copy when the size does not change', () => {
    const input = pattern(8, 8);
    const out = resampleImage(input, 8, 8, 3, 8, 8, 'bicubic');
    expect(out).toEqual(input);
    expect(out).not.toBe(input);
  });
});
