import ffmpeg from 'fluent-ffmpeg';
import { StudioError } from '../../src-shared/util/result.js';
import { ffmpegBinaries } from './ffmpeg-binaries.js';
import { lastLine } from './ffmpeg-error.js';

/** "00:01:02.50" -> 62.5. */
function timemarkSec(mark: string): number {
  const [h, m, s] = mark.split(':').map(Number);
  return h * 3600 + m * 60 + s;
}

/**
 * How long a stream of a file lasts, by decoding it to nothing: for files whose container does not
 * say (a WebM from the browser's MediaRecorder writes no duration). `stream` is 'a' or 'v'.
 */
export function measureStreamDurationSec(path: string, label: string, stream: 'a' | 'v'): Promise<number> {
  ffmpegBinaries();
  return new Promise((resolve, reject) => {
    let lastSec = 0;
    ffmpeg(path)
      .outputOptions(['-map', `0:${stream}:0`])
      .format('null')
      .output('-')
      .on('progress', (progress: { timemark?: string }) => {
        if (progress.timemark) lastSec = Math.max(lastSec, timemarkSec(progress.timemark));
      })
      .on('error', (error: Error) => reject(new StudioError('unsupported-media', `Could not read ${label}: ${lastLine(error.message)}`)))
      .on('end', (_stdout: string | null, stderr: string | null) => {
        // The last progress line may come before the end; the summary's final time= is the length.
        const marks = [...(stderr ?? '').matchAll(/time=(\d+:\d+:\d+(?:\.\d+)?)/g)];
        const final = marks.length > 0 ? timemarkSec(marks[marks.length - 1][1]) : 0;
        resolve(Math.max(lastSec, final));
      })
      .run();
  });
}
