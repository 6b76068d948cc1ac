import type { RgbaImage } from './rgba-image.js';

/** Pixels whose centre is within this distance (px) of an edge are smoothed, fading out with distance. */
const REACH_PX = 1.25;
/** Pixel updates buffered before they are written (each edge's band is read before any write). */
const BATCH = 16384;

const at = new Int32Array(BATCH);
const rgb = new Uint8Array(BATCH * 3);

/**
 * Anti-aliases hard edges the warp leaves where one surface passes over another (the outline of
 * a turned-away cheek, the nose over the far cheek): pixels near each segment are blended towards
 * the mean of their 3x3 neighbourhood, fully on the line and not at all REACH_PX away. `edges`
 * holds vertex pairs into `pointsPx` ([x, y] pairs).
 */
export function smoothEdges(image: RgbaImage, pointsPx: ArrayLike<number>, edges: Uint32Array, edgeCount: number): void {
  const { widthPx: W, heightPx: H, data } = image;
  const row = W * 4;
  let pending = 0;
  for (let e = 0; e < edgeCount; e++) {
    const ax = pointsPx[edges[e * 2] * 2];
    const ay = pointsPx[edges[e * 2] * 2 + 1];
    const dx = pointsPx[edges[e * 2 + 1] * 2] - ax;
    const dy = pointsPx[edges[e * 2 + 1] * 2 + 1] - ay;
    const lengthSq = dx * dx + dy * dy;
    const x0 = Math.max(1, Math.floor(Math.min(ax, ax + dx) - REACH_PX));
    const x1 = Math.min(W - 2, Math.ceil(Math.max(ax, ax + dx) + REACH_PX));
    const y0 = Math.max(1, Math.floor(Math.min(ay, ay + dy) - REACH_PX));
    const y1 = Math.min(H - 2, Math.ceil(Math.max(ay, ay + dy) + REACH_PX));
    if ((x1 - x0 + 1) * (y1 - y0 + 1) > BATCH - pending) {
      flush(data, pending);
      pending = 0;
      if ((x1 - x0 + 1) * (y1 - y0 + 1) > BATCH) continue;
    }
    // Along a row, only pixels within the band around the edge's line can be near the segment.
    // (A near-horizontal edge keeps its box's full width.)
    const steep = Math.abs(dy) > 1e-3;
    const bandHalfWidthPx = (REACH_PX * Math.sqrt(lengthSq)) / Math.abs(dy);
    for (let y = y0; y <= y1; y++) {
      let rowX0 = x0;
      let rowX1 = x1;
      if (steep) {
        const lineX = ax + (dx * (y + 0.5 - ay)) / dy;
        rowX0 = Math.max(x0, Math.floor(lineX - bandHalfWidthPx - 0.5));
        rowX1 = Math.min(x1, Math.ceil(lineX + bandHalfWidthPx - 0.5));
      }
      for (let x = rowX0; x <= rowX1; x++) {
        const px = x + 0.5 - ax;
        const py = y + 0.5 - ay;
        const along = lengthSq > 0 ? Math.min(1, Math.max(0, (px * dx + py * dy) / lengthSq)) : 0;
        const ex = px - along * dx;
        const ey = py - along * dy;
        const distanceSq = ex * ex + ey * ey;
        if (distanceSq >= REACH_PX * REACH_PX) continue;
        const weight = (1 - Math.sqrt(distanceSq) / REACH_PX) / 9;
        const i = (y * W + x) * 4;
        let r = 0;
        let g = 0;
        let b = 0;
        for (let j = i - row - 4; j <= i + row - 4; j += row) {
          r += data[j] + data[j + 4] + data[j + 8];
          g += data[j + 1] + data[j + 5] + data[j + 9];
          b += data[j + 2] + data[j + 6] + data[j + 10];
        }
        at[pending] = i;
        rgb[pending * 3] = Math.round(data[i] + (r - 9 * data[i]) * weight);
        rgb[pending * 3 + 1] = Math.round(data[i + 1] + (g - 9 * data[i + 1]) * weight);
        rgb[pending * 3 + 2] = Math.round(data[i + 2] + (b - 9 * data[i + 2]) * weight);
        pending++;
      }
    }
  }
  flush(data, pending);
}

function flush(data: Uint8Array, count: number): void {
  for (let k = 0; k < count; k++) {
    data[at[k]] = rgb[k * 3];
    data[at[k] + 1] = rgb[k * 3 + 1];
    data[at[k] + 2] = rgb[k * 3 + 2];
  }
}
