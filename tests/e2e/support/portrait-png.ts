import { writeFile } from 'node:fs/promises';
import { encodePng } from '../../helpers/png';

/**
 * Writes a small RGB PNG of a cartoon face (skin oval, eyes, mouth on a blue backdrop), so the
 * test needs no fixture file. Returns its size.
 */
export async function writePortraitPng(path: string, widthPx = 256, heightPx = 320): Promise<{ widthPx: number; heightPx: number }> {
  await writeFile(path, encodePng(widthPx, heightPx, (x, y) => colorAt(x / widthPx, y / heightPx)));
  return { widthPx, heightPx };
}

/** Colour at (u, v) in 0..1 image coordinates. */
function colorAt(u: number, v: number): [number, number, number] {
  const inEllipse = (cx: number, cy: number, rx: number, ry: number) => ((u - cx) / rx) ** 2 + ((v - cy) / ry) ** 2 <= 1;
  if (inEllipse(0.4, 0.42, 0.05, 0.03) || inEllipse(0.6, 0.42, 0.05, 0.03)) return [40, 48, 60];
  if (inEllipse(0.5, 0.66, 0.12, 0.035)) return [150, 60, 60];
  if (inEllipse(0.5, 0.48, 0.27, 0.3)) return [224, 186, 160];
  if (inEllipse(0.5, 1.05, 0.45, 0.25)) return [70, 90, 130];
  return [Math.round(60 + 60 * v), Math.round(90 + 50 * v), 160];
}
