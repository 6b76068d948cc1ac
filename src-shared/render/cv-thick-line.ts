/**
 * OpenCV's `cv::line(img, p0, p1, color, thickness, LINE_8, shift = 0)` on an 8-bit 3-channel
 * image, ported from opencv/modules/imgproc/src/drawing.cpp (ThickLine, Line, Line2,
 * FillConvexPoly, Circle, clipLine) so that it writes the same bytes as OpenCV does.
 *
 * thickness 1 is Bresenham (LineIterator, 8-connected). thickness >= 2 is a filled convex quad
 * of half-width thickness/2 in 16.16 fixed point (edges traced with Line2, spans filled in between)
 * plus a filled integer circle of radius round(thickness/2) at each end. OpenCV does this in int64;
 * here every intermediate is an integer below 2^53 (or goes through BigInt), C division truncates
 * toward zero and `>>` is a floor division by a power of two, so the results are exact.
 *
 * Verified byte for byte against Python cv2 4.6.0 (scripts/pose-image-golden.py), clipping
 * included. OpenCV 4.14 draws lines with an end point outside the image differently (its clipping
 * changed); with both end points inside, as in every pose image, 4.6 and 4.14 write the same bytes.
 */

/** An 8-bit image with 3 interleaved channels, rows top to bottom (OpenCV CV_8UC3 memory order). */
export interface Image8UC3 {
  /** widthPx * heightPx * 3 bytes; channel k of pixel (x, y) at (y * widthPx + x) * 3 + k. */
  readonly data: Uint8Array;
  readonly widthPx: number;
  readonly heightPx: number;
}

/** Bytes written per pixel, in array order (OpenCV's "BGR" tuple as given). */
export type Color3 = readonly [number, number, number];

/** Largest |coordinate| and thickness accepted: beyond, OpenCV's own int64 intermediates may overflow. */
export const MAX_LINE_COORD_PX = 8192;

const XY_SHIFT = 16;
const XY_ONE = 1 << XY_SHIFT;
const XY_HALF = XY_ONE >> 1;

/**
 * Draws one line exactly as `cv2.line(img, (x0, y0), (x1, y1), color, thickness)` does (LINE_8,
 * no sub-pixel shift). Points are integer pixel coordinates and may lie outside the image.
 */
export function drawCvLine(img: Image8UC3, x0: number, y0: number, x1: number, y1: number, color: Color3, thickness: number): void {
  for (const v of [x0, y0, x1, y1]) {
    if (!Number.isInteger(v) || Math.abs(v) > MAX_LINE_COORD_PX) throw new RangeError(`drawCvLine: coordinate ${v} is not an integer within +-${MAX_LINE_COORD_PX}`);
  }
  // OpenCV 4.x asserts 0 < thickness as well.
  if (!Number.isInteger(thickness) || thickness < 1 || thickness > MAX_LINE_COORD_PX) {
    throw new RangeError(`drawCvLine: thickness ${thickness} is not an integer in 1..${MAX_LINE_COORD_PX}`);
  }
  if (thickness === 1) {
    thinLine(img, x0, y0, x1, y1, color);
    return;
  }
  // ThickLine with shift 0: points in 16.16 fixed point.
  const p0x = x0 * XY_ONE;
  const p0y = y0 * XY_ONE;
  const p1x = x1 * XY_ONE;
  const p1y = y1 * XY_ONE;
  const halfWidthFx = thickness << (XY_SHIFT - 1);
  const dx = (p0x - p1x) / XY_ONE;
  const dy = (p1y - p0y) / XY_ONE;
  const r2 = dx * dx + dy * dy;
  if (Math.abs(r2) > Number.EPSILON) {
    // Odd thicknesses add half a pixel: (thickness + (t & 1) * XY_ONE * 0.5) / |d|.
    const r = (halfWidthFx + (thickness & 1) * XY_ONE * 0.5) / Math.sqrt(r2);
    const dpx = cvRound(dy * r);
    const dpy = cvRound(dx * r);
    fillConvexQuad(img, [p0x + dpx, p0y + dpy, p0x - dpx, p0y - dpy, p1x - dpx, p1y - dpy, p1x + dpx, p1y + dpy], color);
  }
  const radius = shr16(halfWidthFx + XY_HALF);
  fillCircle(img, shr16(p0x + XY_HALF), shr16(p0y + XY_HALF), radius, color);
  fillCircle(img, shr16(p1x + XY_HALF), shr16(p1y + XY_HALF), radius, color);
}

/** `v >> 16` on an int64 held in a double (arithmetic shift = floor division). */
function shr16(v: number): number {
  return Math.floor(v / XY_ONE);
}

/** cvRound: nearest integer, ties to even (SSE2 cvtsd2si in the default rounding mode). */
function cvRound(v: number): number {
  const r = Math.round(v);
  return r - v === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/** C's `n / d` on integers (truncation toward zero), exact for |n| <= 2^52. */
function divTrunc(n: number, d: number): number {
  let q = Math.trunc(n / d);
  const rem = n - q * d;
  // n / d was rounded; if it rounded up to the next integer the remainder has the wrong sign.
  if (rem !== 0 && rem < 0 !== n < 0) q -= Math.sign(n) * Math.sign(d);
  return q;
}

/** C's `a * b / d` on int64, exact (BigInt where the product leaves the double's integer range). */
function mulDivTrunc(a: number, b: number, d: number): number {
  const product = a * b;
  if (Math.abs(product) <= 2 ** 52) return divTrunc(product, d);
  return Number((BigInt(a) * BigInt(b)) / BigInt(d));
}

/** Mutable segment for clipLine: (x1, y1) -> (x2, y2). */
interface Segment {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** cv::clipLine(Size2l(width, height), pt1, pt2): clips in place; false when nothing is inside. */
function clipLine(width: number, height: number, s: Segment): boolean {
  const right = width - 1;
  const bottom = height - 1;
  if (width <= 0 || height <= 0) return false;
  let c1 = outCode(s.x1, s.y1, right, bottom);
  let c2 = outCode(s.x2, s.y2, right, bottom);
  if ((c1 & c2) === 0 && (c1 | c2) !== 0) {
    if (c1 & 12) {
      const a = c1 < 8 ? 0 : bottom;
      s.x1 += mulDivTrunc(a - s.y1, s.x2 - s.x1, s.y2 - s.y1);
      s.y1 = a;
      c1 = (s.x1 < 0 ? 1 : 0) + (s.x1 > right ? 2 : 0);
    }
    if (c2 & 12) {
      const a = c2 < 8 ? 0 : bottom;
      s.x2 += mulDivTrunc(a - s.y2, s.x2 - s.x1, s.y2 - s.y1);
      s.y2 = a;
      c2 = (s.x2 < 0 ? 1 : 0) + (s.x2 > right ? 2 : 0);
    }
    if ((c1 & c2) === 0 && (c1 | c2) !== 0) {
      if (c1) {
        const a = c1 === 1 ? 0 : right;
        s.y1 += mulDivTrunc(a - s.x1, s.y2 - s.y1, s.x2 - s.x1);
        s.x1 = a;
        c1 = 0;
      }
      if (c2) {
        const a = c2 === 1 ? 0 : right;
        s.y2 += mulDivTrunc(a - s.x2, s.y2 - s.y1, s.x2 - s.x1);
        s.x2 = a;
        c2 = 0;
      }
    }
  }
  return (c1 | c2) === 0;
}

function outCode(x: number, y: number, right: number, bottom: number): number {
  return (x < 0 ? 1 : 0) + (x > right ? 2 : 0) + (y < 0 ? 4 : 0) + (y > bottom ? 8 : 0);
}

function putPixel(img: Image8UC3, x: number, y: number, color: Color3): void {
  const o = (y * img.widthPx + x) * 3;
  img.data[o] = color[0];
  img.data[o + 1] = color[1];
  img.data[o + 2] = color[2];
}

/** ICV_HLINE: pixels xl..xr (inclusive) of row y. */
function hline(img: Image8UC3, y: number, xl: number, xr: number, color: Color3): void {
  const { data } = img;
  const [c0, c1, c2] = color;
  const end = (y * img.widthPx + xr) * 3;
  for (let o = (y * img.widthPx + xl) * 3; o <= end; o += 3) {
    data[o] = c0;
    data[o + 1] = c1;
    data[o + 2] = c2;
  }
}

/** Line(img, pt1, pt2, color, 8): LineIterator, 8-connected, left to right, clipped to the image. */
function thinLine(img: Image8UC3, x1: number, y1: number, x2: number, y2: number, color: Color3): void {
  const w = img.widthPx;
  const h = img.heightPx;
  if (x1 < 0 || x1 >= w || x2 < 0 || x2 >= w || y1 < 0 || y1 >= h || y2 < 0 || y2 >= h) {
    const s: Segment = { x1, y1, x2, y2 };
    if (!clipLine(w, h, s)) return;
    ({ x1, y1, x2, y2 } = s);
  }
  let dx = x2 - x1;
  let dy = y2 - y1;
  if (dx < 0) {
    dx = -dx;
    dy = -dy;
    x1 = x2;
    y1 = y2;
  }
  const stepY = dy < 0 ? -1 : 1;
  dy = Math.abs(dy);
  const yMajor = dy > dx;
  if (yMajor) [dx, dy] = [dy, dx];
  // Major axis advances every pixel; the minor one when err goes negative.
  let err = dx - (dy + dy);
  const plusDelta = dx + dx;
  const minusDelta = -(dy + dy);
  let x = x1;
  let y = y1;
  for (let i = 0; i <= dx; i++) {
    putPixel(img, x, y, color);
    const minor = err < 0;
    err += minusDelta + (minor ? plusDelta : 0);
    if (yMajor) {
      y += stepY;
      if (minor) x += 1;
    } else {
      x += 1;
      if (minor) y += stepY;
    }
  }
}

/** Line2: a 1 px line between 16.16 fixed-point points, clipped to the image. */
function line2(img: Image8UC3, ax: number, ay: number, bx: number, by: number, color: Color3): void {
  const w = img.widthPx;
  const h = img.heightPx;
  const s: Segment = { x1: ax, y1: ay, x2: bx, y2: by };
  if (!clipLine(w * XY_ONE, h * XY_ONE, s)) return;
  let { x1, y1, x2, y2 } = s;
  const dx = x2 - x1;
  const dy = y2 - y1;
  const adx = Math.abs(dx);
  const ady = Math.abs(dy);
  let ecount: number;
  let xStep: number;
  let yStep: number;
  const xMajor = adx > ady;
  if (xMajor) {
    // Walk left to right; the swap also flips dy.
    const sdy = dx < 0 ? -dy : dy;
    if (dx < 0) [x1, x2, y1, y2] = [x2, x1, y2, y1];
    xStep = XY_ONE;
    yStep = divTrunc(sdy * XY_ONE, adx % 2 === 0 ? adx + 1 : adx);
    ecount = shr16(x2 - x1);
  } else {
    const sdx = dy < 0 ? -dx : dx;
    if (dy < 0) [x1, x2, y1, y2] = [x2, x1, y2, y1];
    xStep = divTrunc(sdx * XY_ONE, ady % 2 === 0 ? ady + 1 : ady);
    yStep = XY_ONE;
    ecount = shr16(y2 - y1);
  }
  x1 += XY_HALF;
  y1 += XY_HALF;

  const put = (x: number, y: number): void => {
    if (x >= 0 && x < w && y >= 0 && y < h) putPixel(img, x, y, color);
  };
  put(shr16(x2 + XY_HALF), shr16(y2 + XY_HALF));
  if (xMajor) {
    let x = shr16(x1);
    for (; ecount >= 0; ecount--) {
      put(x, shr16(y1));
      x++;
      y1 += yStep;
    }
  } else {
    let y = shr16(y1);
    for (; ecount >= 0; ecount--) {
      put(shr16(x1), y);
      x1 += xStep;
      y++;
    }
  }
}

/**
 * FillConvexPoly(img, v, 4, color, LINE_8, shift = XY_SHIFT) for the 4 vertices of a thick line
 * (x, y pairs in 16.16): outline with Line2, then horizontal spans between the two edge chains.
 */
function fillConvexQuad(img: Image8UC3, v: readonly number[], color: Color3): void {
  const npts = v.length / 2;
  const delta = XY_HALF;
  const w = img.widthPx;
  const h = img.heightPx;
  let imin = 0;
  let xmin = v[0];
  let xmax = v[0];
  let ymin = v[1];
  let ymax = v[1];
  let p0x = v[(npts - 1) * 2];
  let p0y = v[(npts - 1) * 2 + 1];
  for (let i = 0; i < npts; i++) {
    const px = v[i * 2];
    const py = v[i * 2 + 1];
    if (py < ymin) {
      ymin = py;
      imin = i;
    }
    ymax = Math.max(ymax, py);
    xmax = Math.max(xmax, px);
    xmin = Math.min(xmin, px);
    line2(img, p0x, p0y, px, py, color);
    p0x = px;
    p0y = py;
  }
  xmin = shr16(xmin + delta);
  xmax = shr16(xmax + delta);
  ymin = shr16(ymin + delta);
  ymax = shr16(ymax + delta);
  if (npts < 3 || xmax < 0 || ymax < 0 || xmin >= w || ymin >= h) return;
  ymax = Math.min(ymax, h - 1);

  // Two edge walkers going round the polygon in opposite directions from the top vertex.
  const idx = [imin, imin];
  const di = [1, npts - 1];
  const ex = [-XY_ONE, -XY_ONE];
  const edx = [0, 0];
  const ye = [ymin, ymin];
  let edges = npts;
  let y = ymin;
  do {
    for (let i = 0; i < 2; i++) {
      if (y < ye[i]) continue;
      let idx0 = idx[i];
      let next = idx0 + di[i];
      if (next >= npts) next -= npts;
      // `edges-- > 0`: the shared budget of polygon edges, decremented on every test.
      while (edges-- > 0) {
        const ty = shr16(v[next * 2 + 1] + delta);
        if (ty > y) {
          const xs = v[idx0 * 2];
          const xe = v[next * 2];
          ye[i] = ty;
          edx[i] = divTrunc((xe - xs) * 2 + (ty - y), 2 * (ty - y));
          ex[i] = xs;
          idx[i] = next;
          break;
        }
        idx0 = next;
        next += di[i];
        if (next >= npts) next -= npts;
      }
    }
    if (edges < 0) break;
    if (y >= 0) {
      const left = ex[0] > ex[1] ? 1 : 0;
      let xx1 = shr16(ex[left] + XY_HALF);
      let xx2 = shr16(ex[1 - left] + XY_HALF);
      if (xx2 >= 0 && xx1 < w) {
        if (xx1 < 0) xx1 = 0;
        if (xx2 >= w) xx2 = w - 1;
        hline(img, y, xx1, xx2, color);
      }
    }
    ex[0] += edx[0];
    ex[1] += edx[1];
  } while (++y <= ymax);
}

/** Circle(img, center, radius, color, fill = 1): midpoint circle, rows filled, clipped. */
function fillCircle(img: Image8UC3, cx: number, cy: number, radius: number, color: Color3): void {
  const w = img.widthPx;
  const h = img.heightPx;
  let err = 0;
  let dx = radius;
  let dy = 0;
  let plus = 1;
  let minus = (radius << 1) - 1;
  const inside = cx >= radius && cx < w - radius && cy >= radius && cy < h - radius;
  while (dx >= dy) {
    const y11 = cy - dy;
    const y12 = cy + dy;
    const y21 = cy - dx;
    const y22 = cy + dx;
    let x11 = cx - dx;
    let x12 = cx + dx;
    let x21 = cx - dy;
    let x22 = cx + dy;
    if (inside) {
      hline(img, y11, x11, x12, color);
      hline(img, y12, x11, x12, color);
      hline(img, y21, x21, x22, color);
      hline(img, y22, x21, x22, color);
    } else if (x11 < w && x12 >= 0 && y21 < h && y22 >= 0) {
      x11 = Math.max(x11, 0);
      x12 = Math.min(x12, w - 1);
      if (y11 >= 0 && y11 < h) hline(img, y11, x11, x12, color);
      if (y12 >= 0 && y12 < h) hline(img, y12, x11, x12, color);
      if (x21 < w && x22 >= 0) {
        x21 = Math.max(x21, 0);
        x22 = Math.min(x22, w - 1);
        if (y21 >= 0 && y21 < h) hline(img, y21, x21, x22, color);
        if (y22 >= 0 && y22 < h) hline(img, y22, x21, x22, color);
      }
    }
    dy++;
    err += plus;
    plus += 2;
    const mask = err <= 0 ? 0 : -1;
    err -= minus & mask;
    dx += mask;
    minus -= mask & 2;
  }
}
