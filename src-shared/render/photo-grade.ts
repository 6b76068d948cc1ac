import type { RgbaImage } from './rgba-image.js';

/** Colour grades a photographer might have applied: the mouth and the matte must hold up under each. */
export const PHOTO_GRADES = ['desaturated', 'cool', 'warm', 'dark', 'low-contrast'] as const;
export type PhotoGrade = (typeof PHOTO_GRADES)[number];

/** A copy of `image` with `grade` applied (for contact sheets and tests of graded photos). */
export function gradePhoto(image: RgbaImage, grade: PhotoGrade): RgbaImage {
  const pixels = new Uint8Array(image.data);
  const out = { widthPx: image.widthPx, heightPx: image.heightPx, data: pixels, pixels: new Uint32Array(pixels.buffer) };
  for (let o = 0; o < pixels.length; o += 4) {
    let [r, g, b] = [pixels[o], pixels[o + 1], pixels[o + 2]];
    const luma = 0.299 * r + 0.587 * g + 0.114 * b;
    if (grade === 'desaturated') [r, g, b] = [r, g, b].map((v) => luma + (v - luma) * 0.15);
    else if (grade === 'cool') [r, g, b] = [r * 0.85, g * 0.97, b * 1.12 + 10];
    else if (grade === 'warm') [r, g, b] = [r * 1.1 + 8, g * 1.0, b * 0.82];
    else if (grade === 'dark') [r, g, b] = [r, g, b].map((v) => 255 * (v / 255) ** 1.8 * 0.7);
    else [r, g, b] = [r, g, b].map((v) => 128 + (v - 128) * 0.5);
    pixels[o] = Math.max(0, Math.min(255, Math.round(r)));
    pixels[o + 1] = Math.max(0, Math.min(255, Math.round(g)));
    pixels[o + 2] = Math.max(0, Math.min(255, Math.round(b)));
  }
  return out;
}
