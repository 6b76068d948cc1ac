import { crc32, deflateSync } from 'node:zlib';
import type { RgbaImage } from '../../src-shared/render/rgba-image.js';

/** An 8-bit RGB PNG of an RGBA image (alpha dropped), encoded with zlib only. */
export function encodePng(image: RgbaImage): Buffer {
  const { widthPx, heightPx, data } = image;
  const raw = Buffer.alloc((1 + widthPx * 3) * heightPx);
  for (let y = 0, o = 0; y < heightPx; y++) {
    raw[o++] = 0; // filter: none
    for (let x = 0; x < widthPx; x++) {
      const i = (y * widthPx + x) * 4;
      raw[o++] = data[i];
      raw[o++] = data[i + 1];
      raw[o++] = data[i + 2];
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(widthPx, 0);
  header.writeUInt32BE(heightPx, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

function chunk(type: string, body: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(body.length);
  const typed = Buffer.concat([Buffer.from(type, 'ascii'), body]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}
