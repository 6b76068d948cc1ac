import ffmpeg from 'fluent-ffmpeg';
import type { FfprobeData } from 'fluent-ffmpeg';
import { StudioError } from '../../src-shared/util/result.js';
import { checkInputFile } from './check-input-file.js';
import { ffmpegBinaries } from './ffmpeg-binaries.js';
import { measureStreamDurationSec } from './measure-duration.js';

export interface AudioFacts {
  readonly kind: 'audio';
  readonly durationSec: number;
  readonly sampleRateHz: number;
  readonly channelCount: number;
  readonly codec: string;
}

export interface ImageFacts {
  readonly kind: 'image';
  readonly widthPx: number;
  readonly heightPx: number;
  readonly codec: string;
}

const IMAGE_CODECS = new Set(['png', 'mjpeg', 'jpeg2000', 'webp', 'bmp', 'tiff', 'gif']);

/** What ffprobe says of a file; `label` names the file in errors. */
async function ffprobe(path: string, label: string): Promise<FfprobeData> {
  await checkInputFile(path, label);
  ffmpegBinaries();
  return new Promise((resolve, reject) => {
    ffmpeg.ffprobe(path, (error: Error | null, data: FfprobeData) => {
      if (error) reject(new StudioError('unsupported-media', `${label} is not a readable audio, video or image file. Use WAV, MP3, M4A, OGG or FLAC for a voice, PNG, JPEG or WebP for a photo, MP4, MOV or WebM for a performance video.`));
      else resolve(data);
    });
  });
}

/** The container's duration, or (when it gives none, as a MediaRecorder WebM) the stream's decoded length. */
async function knownOrMeasured(durationSec: number, path: string, label: string, stream: 'a' | 'v'): Promise<number> {
  return Number.isFinite(durationSec) && durationSec > 0 ? durationSec : measureStreamDurationSec(path, label, stream);
}

export async function probeAudio(path: string, label: string): Promise<AudioFacts> {
  const data = await ffprobe(path, label);
  const stream = data.streams.find((s) => s.codec_type === 'audio');
  if (!stream) throw new StudioError('unsupported-media', `${label} has no audio stream. Choose a voice recording (WAV, MP3, M4A, OGG, FLAC).`);
  const durationSec = await knownOrMeasured(Number(stream.duration ?? data.format.duration), path, label, 'a');
  const sampleRateHz = Number(stream.sample_rate);
  if (!(durationSec > 0)) throw new StudioError('unsupported-media', `${label} is empty (no audio samples). Choose a recording with speech.`);
  return {
    kind: 'audio',
    durationSec,
    sampleRateHz,
    channelCount: stream.channels ?? 1,
    codec: stream.codec_name ?? 'unknown',
  };
}

export async function probeImage(path: string, label: string): Promise<ImageFacts> {
  const data = await ffprobe(path, label);
  const stream = data.streams.find((s) => s.codec_type === 'video' && IMAGE_CODECS.has(s.codec_name ?? ''));
  if (!stream?.width || !stream.height) {
    throw new StudioError('unsupported-media', `${label} is not a readable image. Choose a PNG, JPEG or WebP portrait photo.`);
  }
  return { kind: 'image', widthPx: stream.width, heightPx: stream.height, codec: stream.codec_name ?? 'unknown' };
}

export interface VideoFacts {
  readonly kind: 'video';
  readonly widthPx: number;
  readonly heightPx: number;
  readonly durationSec: number;
  /**
   * True when the container does not promise one frame rate (its nominal and average rates differ,
   * or one is unknown: phone videos, MediaRecorder WebM). Decoding resamples to the project's fps.
   */
  readonly variableFrameRate: boolean;
}

/** "30000/1001" -> 29.97; NaN for "0/0" or nothing. */
function frameRate(text: string | undefined): number {
  const [num, den] = (text ?? '').split('/').map(Number);
  return den > 0 ? num / den : NaN;
}

export async function probeVideo(path: string, label: string): Promise<VideoFacts> {
  const data = await ffprobe(path, label);
  const stream = data.streams.find((s) => s.codec_type === 'video' && !IMAGE_CODECS.has(s.codec_name ?? ''));
  const durationSec = stream?.width && stream.height ? await knownOrMeasured(Number(stream.duration ?? data.format.duration), path, label, 'v') : NaN;
  if (!stream?.width || !stream.height || !(durationSec > 0)) {
    throw new StudioError('unsupported-media', `${label} has no video stream. Choose a video of a talking person (MP4, MOV, WebM).`);
  }
  const nominal = frameRate(stream.r_frame_rate);
  const average = frameRate(stream.avg_frame_rate);
  const variableFrameRate = !(nominal > 0 && average > 0 && Math.abs(nominal - average) <= 0.01 * average);
  return { kind: 'video', widthPx: stream.width, heightPx: stream.height, durationSec, variableFrameRate };
}
