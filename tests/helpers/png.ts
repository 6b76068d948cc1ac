import { crc32, deflateSync } from 'node:zlib';

/** An 8-bit RGB PNG whose pixel (x, y) is `colorAt(x, y)`, encoded by hand (zlib only). */
export function encodePng(widthPx: number, heightPx: number, colorAt: (x: number, y: number) => readonly [number, number, number]): Buffer {
  const rows: Buffer[] = [];
  for (let y = 0; y < heightPx; y++) {
    const row = Buffer.alloc(1 + widthPx * 3); // filter byte 0 (None), then RGB
    for (let x = 0; x < widthPx; x++) row.set(colorAt(x, y), 1 + x * 3);
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(widthPx, 0);
  header.writeUInt32BE(heightPx, 4);
  header.set([8, 2, 0, 0, 0], 8); // bit depth 8, colour type RGB
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', header), chunk('IDAT', deflateSync(Buffer.concat(rows))), chunk('IEND', Buffer.alloc(0))]);
}

/** A solid-colour RGB PNG. */
export function solidPng(widthPx: number, heightPx: number, rgb: [number, number, number]): Buffer {
  return encodePng(widthPx, heightPx, () => rgb);
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}
