import { accessSync, chmodSync, constants, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import ffmpeg from 'fluent-ffmpeg';
import { StudioError } from '../../src-shared/util/result.js';

const require = createRequire(import.meta.url);

export interface FfmpegBinaries {
  readonly ffmpegPath: string;
  readonly ffprobePath: string;
  /** Where they came from: the npm packages, or the ANIPORTRAIT_FFMPEG / ANIPORTRAIT_FFPROBE override. */
  readonly source: 'npm' | 'env';
}

let cached: FfmpegBinaries | undefined;

/**
 * ffmpeg and ffprobe ship on npm (@ffmpeg-installer/ffmpeg, @ffprobe-installer/ffprobe: static
 * builds with libx264 and AAC for Linux, macOS and Windows). Users may point ANIPORTRAIT_FFMPEG and
 * ANIPORTRAIT_FFPROBE at their own builds; a missing binary is an error, never a silent fallback.
 */
export function ffmpegBinaries(env: NodeJS.ProcessEnv = process.env): FfmpegBinaries {
  if (cached) return cached;
  const fromEnv = env.ANIPORTRAIT_FFMPEG !== undefined || env.ANIPORTRAIT_FFPROBE !== undefined;
  const ffmpegPath = env.ANIPORTRAIT_FFMPEG ?? npmBinary('@ffmpeg-installer/ffmpeg');
  const ffprobePath = env.ANIPORTRAIT_FFPROBE ?? npmBinary('@ffprobe-installer/ffprobe');
  ensureExecutable(ffmpegPath);
  ensureExecutable(ffprobePath);
  ffmpeg.setFfmpegPath(ffmpegPath);
  ffmpeg.setFfprobePath(ffprobePath);
  cached = { ffmpegPath, ffprobePath, source: fromEnv ? 'env' : 'npm' };
  return cached;
}

function npmBinary(pkg: string): string {
  try {
    return (require(pkg) as { path: string }).path;
  } catch (error) {
    throw new StudioError(
      'unavailable',
      `The ${pkg} package has no binary for this platform (${process.platform}-${process.arch}): ${(error as Error).message}. Set ANIPORTRAIT_FFMPEG and ANIPORTRAIT_FFPROBE to an ffmpeg build.`,
    );
  }
}

/** npm may unpack the binaries without their run bit when install scripts are blocked. */
function ensureExecutable(path: string): void {
  try {
    accessSync(path, constants.X_OK);
    return;
  } catch {
    // fall through
  }
  try {
    chmodSync(path, statSync(path).mode | 0o111);
    accessSync(path, constants.X_OK);
  } catch (error) {
    throw new StudioError('unavailable', `Cannot run ${path}: ${(error as Error).message}. Run "chmod +x ${path}" or reinstall.`);
  }
}
