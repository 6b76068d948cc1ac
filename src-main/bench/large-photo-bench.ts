import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { referenceCrop } from '../engines/shared/reference-crop.js';
import { analyzePhoto } from '../face/analyze-photo.js';
import { forkForPeakRss, padPhotoFile } from '../media/bench-media.js';

/**
 * Peak RSS of the studio's process (ffmpeg's own decoding not included) for face analysis and the
 * 512x512 reference crop of huge photos with the face small in them: `photo` padded with grey to
 * 3000x3000 (the face upscaled by the crop) and 12000x12000. Each runs in a fresh process.
 */
export async function largePhotoFigures(photo: string): Promise<Record<string, number | string>> {
  if (!existsSync(photo)) return { large_photo: 'skipped: needs a photo' };
  const dir = mkdtempSync(join(tmpdir(), 'aniportrait-bench-large-'));
  const figures: Record<string, number> = {};
  try {
    for (const [sidePx, facePhotoPx] of [[3000, 512], [12000, 1536]]) {
      const path = join(dir, `large-${sidePx}.png`);
      padPhotoFile(photo, facePhotoPx, sidePx, path);
      figures[`reference_crop_peak_rss_mb_${sidePx}px`] = await forkForPeakRss(fileURLToPath(import.meta.url), ['--child-large-photo', path]);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return figures;
}

/** `bench.js --child-large-photo PHOTO`: analysis + reference crop, reporting peak RSS to the parent. */
export async function childLargePhoto(path: string): Promise<void> {
  const { rig } = await analyzePhoto(path, path);
  await referenceCrop(path, path, rig, 512, 512);
  process.send?.({ peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024) });
}
