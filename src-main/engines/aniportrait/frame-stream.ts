import { filmSchedule, interpolatedLength } from '../../../src-shared/diffusion/film-schedule.js';
import { VAE_SCALE } from '../../../src-shared/aniportrait/preprocess.js';
import { StudioError } from '../../../src-shared/util/result.js';
import { floats } from '../../onnx-runtime/onnx-graph.js';
import type { AniPortraitModels } from './model-set.js';

/**
 * The frames of a diffused video, made in order on demand: key frames decoded by the VAE one at a
 * time, the frames between them filled by FILM with AniPortrait's -acc schedule. Holds two key
 * frames and the current pair's in-betweens, so memory stays flat in the video's length.
 */
export class FrameStream {
  /** Output frames: (keys - 1) * filmStep + 1 (the tail after the last key frame is not made). */
  readonly frameCount: number;
  readonly widthPx: number;
  readonly heightPx: number;
  private readonly keys = new Map<number, Float32Array>();
  private pair: { index: number; frames: Map<number, Float32Array> } | undefined;

  constructor(
    private readonly models: AniPortraitModels,
    /** Final latents, frame-major [keys, 4, h, w] (read by parity checks against PyTorch). */
    readonly latents: Float32Array,
    private readonly keyCount: number,
    private readonly filmStep: number,
    private readonly signal?: AbortSignal,
  ) {
    this.frameCount = interpolatedLength(keyCount, filmStep);
    this.widthPx = models.dim('IMG_W');
    this.heightPx = models.dim('IMG_H');
  }

  /** Writes output frame `index` into `out` as RGB bytes (trunc(x * 255), as AniPortrait saves). */
  async frameInto(index: number, out: Uint8Array): Promise<void> {
    if (!Number.isInteger(index) || index < 0 || index >= this.frameCount) throw new RangeError(`frame ${index} outside 0..${this.frameCount - 1}`);
    const pair = Math.floor(index / this.filmStep);
    const position = index % this.filmStep;
    const planar = position === 0 ? await this.key(pair) : await this.inBetween(pair, position);
    toRgbBytes(planar, this.widthPx * this.heightPx, out);
  }

  /** Planar [3, H, W] in [0, 1] of key frame k. */
  private async key(k: number): Promise<Float32Array> {
    let frame = this.keys.get(k);
    if (!frame) {
      this.checkCancelled();
      const h = this.models.dim('LAT_H');
      const w = this.models.dim('LAT_W');
      const size = 4 * h * w;
      const latent = this.latents.slice(k * size, (k + 1) * size).map((v) => v / VAE_SCALE);
      const decoder = await this.models.session('vae_decoder.onnx');
      const image = floats((await decoder.run({ latent: { data: latent, dims: [1, 4, h, w] } }, this.signal)).image);
      frame = image.map((v) => clamp01(v / 2 + 0.5));
      for (const old of this.keys.keys()) if (old < k - 1) this.keys.delete(old);
      this.keys.set(k, frame);
    }
    return frame;
  }

  private async inBetween(pairIndex: number, position: number): Promise<Float32Array> {
    if (this.pair?.index !== pairIndex) {
      const frames = new Map<number, Float32Array>([
        [0, await this.key(pairIndex)],
        [this.filmStep, await this.key(pairIndex + 1)],
      ]);
      const film = await this.models.session('film_net.onnx');
      const dims = [1, 3, this.heightPx, this.widthPx];
      for (const call of filmSchedule(this.filmStep)) {
        this.checkCancelled();
        const x0 = frames.get(call.left);
        const x1 = frames.get(call.right);
        if (!x0 || !x1) throw new Error('FILM schedule refers to a frame not made yet');
        const result = await film.run({ x0: { data: x0, dims }, x1: { data: x1, dims }, dt: { data: Float32Array.of(call.dt), dims: [1, 1] } }, this.signal);
        frames.set(call.target, floats(result.image).map(clamp01));
      }
      this.pair = { index: pairIndex, frames };
    }
    const frame = this.pair.frames.get(position);
    if (!frame) throw new Error(`FILM made no frame at ${position}`);
    return frame;
  }

  private checkCancelled(): void {
    if (this.signal?.aborted) throw new StudioError('cancelled', 'The job was cancelled.');
  }
}

function clamp01(v: number): number {
  return v < 0 ? 0 : v > 1 ? 1 : v;
}

function toRgbBytes(planar: Float32Array, plane: number, out: Uint8Array): void {
  for (let i = 0; i < plane; i++) {
    out[i * 3] = Math.trunc(planar[i] * 255);
    out[i * 3 + 1] = Math.trunc(planar[plane + i] * 255);
    out[i * 3 + 2] = Math.trunc(planar[2 * plane + i] * 255);
  }
}

