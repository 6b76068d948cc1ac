import { TINY_BANK, TINY_DIMS, TINY_REF_SUM_SCALE, W2V_KERNEL, W2V_STRIDE, type TinyWeights } from './tiny-aniportrait.js';

/**
 * The oracle for the tiny AniPortrait graphs (tiny-aniportrait.ts): the same math as plain loops over
 * row-major (frame-major) arrays, with the weights the builder wrote. Sums accumulate in float64, so
 * ONNX Runtime's float32 results agree to ~1e-6 relative. Inputs and outputs use the manifest names.
 */

/** A row-major tensor: `data.length` is the product of `dims`. `id_seed` is int64, everything else float32. */
export interface RefTensor { dims: readonly number[]; data: Float32Array | BigInt64Array }
export type RefFeeds = Record<string, RefTensor>;
export type RefOutputs = Record<string, { dims: number[]; data: Float32Array }>;
export type TinyReferenceFn = (weights: TinyWeights, feeds: RefFeeds) => RefOutputs;

const D = TINY_DIMS;

function input(feeds: RefFeeds, name: string, rank: number): { dims: readonly number[]; data: Float32Array } {
  const t = feeds[name] as RefTensor | undefined;
  if (!t || !(t.data instanceof Float32Array)) throw new Error(`reference: float32 input ${name} is missing`);
  if (t.dims.length !== rank) throw new Error(`reference: ${name} has rank ${t.dims.length}, want ${rank}`);
  if (t.dims.reduce((a, b) => a * b, 1) !== t.data.length) throw new Error(`reference: ${name} has ${t.data.length} values for [${t.dims.join(',')}]`);
  return { dims: t.dims, data: t.data };
}

function weight(weights: TinyWeights, key: string): Float32Array {
  const w = weights[key] as Float32Array | undefined;
  if (!w) throw new Error(`reference: no weight ${key}`);
  return w;
}

/** y[r, o] = b[o] + Σ_i x[r, i]·w[i, o] for `rows` rows (w is [inDim, outDim] as in MatMul). */
function linear(x: Float32Array, rows: number, inDim: number, w: Float32Array, outDim: number, b?: Float32Array): Float32Array {
  const y = new Float32Array(rows * outDim);
  for (let r = 0; r < rows; r++) {
    for (let o = 0; o < outDim; o++) {
      let sum = b ? b[o] : 0;
      for (let i = 0; i < inDim; i++) sum += x[r * inDim + i] * w[i * outDim + o];
      y[r * outDim + o] = sum;
    }
  }
  return y;
}

/** Mean over k×k blocks of [n, c, h, w] → [n, c, h/k, w/k]. */
function avgPool(x: Float32Array, n: number, c: number, h: number, w: number, k: number): Float32Array {
  const ho = h / k;
  const wo = w / k;
  const y = new Float32Array(n * c * ho * wo);
  for (let p = 0; p < n * c; p++) {
    for (let oy = 0; oy < ho; oy++) {
      for (let ox = 0; ox < wo; ox++) {
        let sum = 0;
        for (let dy = 0; dy < k; dy++) for (let dx = 0; dx < k; dx++) sum += x[p * h * w + (oy * k + dy) * w + ox * k + dx];
        y[(p * ho + oy) * wo + ox] = sum / (k * k);
      }
    }
  }
  return y;
}

/** 1×1 convolution of [n, cin, hw] with w [cout, cin] (+ b [cout]) → [n, cout, hw]. */
function conv1x1(x: Float32Array, n: number, cin: number, hw: number, w: Float32Array, cout: number, b?: Float32Array): Float32Array {
  const y = new Float32Array(n * cout * hw);
  for (let s = 0; s < n; s++) {
    for (let o = 0; o < cout; o++) {
      for (let p = 0; p < hw; p++) {
        let sum = b ? b[o] : 0;
        for (let i = 0; i < cin; i++) sum += w[o * cin + i] * x[(s * cin + i) * hw + p];
        y[(s * cout + o) * hw + p] = sum;
      }
    }
  }
  return y;
}

export const referenceW2vFeatureEncoder: TinyReferenceFn = (weights, feeds) => {
  const x = input(feeds, 'input_values', 2);
  const n = x.dims[1];
  const frames = Math.floor((n - W2V_KERNEL) / W2V_STRIDE) + 1;
  const w = weight(weights, 'w2v_feature_encoder.conv_w');
  const y = new Float32Array(frames * D.AUDIO_FEAT);
  for (let l = 0; l < frames; l++) {
    for (let a = 0; a < D.AUDIO_FEAT; a++) {
      let sum = 0;
      for (let k = 0; k < W2V_KERNEL; k++) sum += w[a * W2V_KERNEL + k] * x.data[l * W2V_STRIDE + k];
      y[l * D.AUDIO_FEAT + a] = sum;
    }
  }
  return { extract_features: { dims: [1, frames, D.AUDIO_FEAT], data: y } };
};

export const referenceAudio2Mesh: TinyReferenceFn = (weights, feeds) => {
  const f = input(feeds, 'features', 3);
  const t = f.dims[1];
  const y = linear(f.data, t, D.AUDIO_FEAT, weight(weights, 'audio2mesh.w'), D.MESH_VALUES, weight(weights, 'audio2mesh.b'));
  return { offsets: { dims: [1, t, D.MESH_VALUES], data: y } };
};

export const referenceAudio2PoseEncoder: TinyReferenceFn = (weights, feeds) => {
  const f = input(feeds, 'features', 3);
  const s = f.dims[1];
  const y = linear(f.data, s, D.AUDIO_FEAT, weight(weights, 'audio2pose_encoder.w'), D.POSE_WIDTH, weight(weights, 'audio2pose_encoder.b'));
  return { memory: { dims: [1, s, D.POSE_WIDTH], data: y } };
};

/** pose = tanh(memory[t-1] @ Wp + 0.9·hist[t-1] + idTable[id_seed]) with t = pose_hist's length. */
export const referenceAudio2PoseStep: TinyReferenceFn = (weights, feeds) => {
  const hist = input(feeds, 'pose_hist', 3);
  const memory = input(feeds, 'memory', 3);
  const seed = feeds.id_seed as RefTensor | undefined;
  if (!seed || !(seed.data instanceof BigInt64Array)) throw new Error('reference: int64 input id_seed is missing');
  const id = Number(seed.data[0]);
  if (id < 0 || id >= 100) throw new Error(`reference: id_seed ${id} is outside 0..99`);
  const last = hist.dims[1] - 1;
  if (last >= memory.dims[1]) throw new Error(`reference: pose_hist has ${last + 1} rows but memory only ${memory.dims[1]}`);
  const P = D.POSE_WIDTH;
  const fromMemory = linear(memory.data.subarray(last * P, (last + 1) * P), 1, P, weight(weights, 'audio2pose_step.w'), 6);
  const table = weight(weights, 'audio2pose_step.id_table');
  const pose = new Float32Array(6);
  for (let j = 0; j < 6; j++) pose[j] = Math.tanh(fromMemory[j] + 0.9 * hist.data[last * 6 + j] + table[id * 6 + j]);
  return { pose: { dims: [1, 6], data: pose } };
};

export const referenceClipImageEncoder: TinyReferenceFn = (weights, feeds) => {
  const x = input(feeds, 'pixel_values', 4);
  const n = 3 * D.CLIP_SIZE * D.CLIP_SIZE;
  const y = linear(x.data, 1, n, weight(weights, 'clip_image_encoder.w'), D.EMBED, weight(weights, 'clip_image_encoder.b'));
  return { image_embeds: { dims: [1, D.EMBED], data: y } };
};

export const referenceVaeEncoder: TinyReferenceFn = (weights, feeds) => {
  const x = input(feeds, 'image', 4);
  const pooled = avgPool(x.data, 1, 3, D.IMG_H, D.IMG_W, D.IMG_H / D.LAT_H);
  const y = conv1x1(pooled, 1, 3, D.LAT_H * D.LAT_W, weight(weights, 'vae_encoder.w'), 4, weight(weights, 'vae_encoder.b'));
  return { latent_mean: { dims: [1, 4, D.LAT_H, D.LAT_W], data: y } };
};

/** CLIP term per channel: (encoder_hidden_states [1,1,E]) @ w [E, channels]. */
function clipTerm(weights: TinyWeights, feeds: RefFeeds, key: string, channels: number): Float32Array {
  return linear(input(feeds, 'encoder_hidden_states', 3).data, 1, D.EMBED, weight(weights, key), channels);
}

export const referenceReferenceUnet: TinyReferenceFn = (weights, feeds) => {
  const sample = input(feeds, 'sample', 4);
  const timeTerm = 0.001 * input(feeds, 'timestep', 1).data[0];
  const out: RefOutputs = {};
  for (const b of TINY_BANK) {
    const id = b.name.slice(4);
    const pooled = avgPool(sample.data, 1, 4, D.LAT_H, D.LAT_W, b.pool);
    const conv = conv1x1(pooled, 1, 4, b.tokens, weight(weights, `reference_unet.${id}_conv_w`), b.channels);
    const clip = clipTerm(weights, feeds, `reference_unet.${id}_embed_w`, b.channels);
    // [C, L] channel-major conv output → [L, C] tokens.
    const y = new Float32Array(b.tokens * b.channels);
    for (let l = 0; l < b.tokens; l++) for (let c = 0; c < b.channels; c++) y[l * b.channels + c] = conv[c * b.tokens + l] + clip[c] + timeTerm;
    out[b.name] = { dims: [1, b.tokens, b.channels], data: y };
  }
  return out;
};

export const referencePoseGuider: TinyReferenceFn = (weights, feeds) => {
  const pose = input(feeds, 'pose', 4);
  const frames = pose.dims[0];
  const levels: [number, number][] = [[8, D.C0], [16, D.C0], [32, D.C1], [64, D.C2], [64, D.C2]];
  const out: RefOutputs = {};
  levels.forEach(([pool, channels], i) => {
    const side = D.IMG_H / pool;
    const pooled = avgPool(pose.data, frames, 3, D.IMG_H, D.IMG_W, pool);
    const y = conv1x1(pooled, frames, 3, side * side, weight(weights, `pose_guider.w${i}`), channels, weight(weights, `pose_guider.b${i}`));
    out[`pose_fea_${i}`] = { dims: [frames, channels, side, side], data: y };
  });
  return out;
};

/**
 * 0.5·x + 0.3·mean_frames(x) + Conv1x1(pose_fea_0) + 0.1·mean(pose_fea_4[f]) + CLIP term per channel
 * + 0.0005·timestep + TINY_REF_SUM_SCALE·Σ(all bank values). Pose features 1-3 are inputs the math ignores.
 */
export const referenceDenoisingUnet: TinyReferenceFn = (weights, feeds) => {
  const sample = input(feeds, 'sample', 4);
  const frames = sample.dims[0];
  const hw = D.LAT_H * D.LAT_W;
  const fea0 = input(feeds, 'pose_fea_0', 4).data;
  const fea4 = input(feeds, 'pose_fea_4', 4).data;
  const pose = conv1x1(fea0, frames, D.C0, hw, weight(weights, 'denoising_unet.pose_w'), 4);
  const clip = clipTerm(weights, feeds, 'denoising_unet.embed_w', 4);
  let bankSum = 0;
  for (const b of TINY_BANK) for (const v of input(feeds, b.name, 3).data) bankSum += v;
  const constant = 0.0005 * input(feeds, 'timestep', 1).data[0] + TINY_REF_SUM_SCALE * bankSum;
  const fea4Size = D.C2 * D.LAT_H8 * D.LAT_W8;
  const y = new Float32Array(sample.data.length);
  for (let f = 0; f < frames; f++) {
    let deep = 0;
    for (let i = 0; i < fea4Size; i++) deep += fea4[f * fea4Size + i];
    deep /= fea4Size;
    for (let c = 0; c < 4; c++) {
      for (let p = 0; p < hw; p++) {
        let frameMean = 0;
        for (let g = 0; g < frames; g++) frameMean += sample.data[(g * 4 + c) * hw + p];
        frameMean /= frames;
        const at = (f * 4 + c) * hw + p;
        y[at] = 0.5 * sample.data[at] + 0.3 * frameMean + pose[at] + 0.1 * deep + clip[c] + constant;
      }
    }
  }
  return { model_output: { dims: [...sample.dims], data: y } };
};

export const referenceVaeDecoder: TinyReferenceFn = (weights, feeds) => {
  const latent = input(feeds, 'latent', 4);
  const n = latent.dims[0];
  const conv = conv1x1(latent.data, n, 4, D.LAT_H * D.LAT_W, weight(weights, 'vae_decoder.w'), 3, weight(weights, 'vae_decoder.b'));
  const up = D.IMG_H / D.LAT_H;
  const y = new Float32Array(n * 3 * D.IMG_H * D.IMG_W);
  for (let p = 0; p < n * 3; p++) {
    for (let yy = 0; yy < D.IMG_H; yy++) {
      for (let x = 0; x < D.IMG_W; x++) {
        y[(p * D.IMG_H + yy) * D.IMG_W + x] = Math.tanh(conv[(p * D.LAT_H + Math.floor(yy / up)) * D.LAT_W + Math.floor(x / up)]);
      }
    }
  }
  return { image: { dims: [n, 3, D.IMG_H, D.IMG_W], data: y } };
};

export const referenceFilmNet: TinyReferenceFn = (_weights, feeds) => {
  const x0 = input(feeds, 'x0', 4).data;
  const x1 = input(feeds, 'x1', 4).data;
  const dt = input(feeds, 'dt', 2).data[0];
  const y = x0.map((a, i) => (1 - dt) * a + dt * x1[i] + 0.05 * a * x1[i]);
  return { image: { dims: [1, 3, D.IMG_H, D.IMG_W], data: y } };
};

/** The oracle of each manifest file. */
export const TINY_REFERENCE: Record<string, TinyReferenceFn> = {
  'w2v_feature_encoder.onnx': referenceW2vFeatureEncoder,
  'audio2mesh.onnx': referenceAudio2Mesh,
  'audio2pose_encoder.onnx': referenceAudio2PoseEncoder,
  'audio2pose_step.onnx': referenceAudio2PoseStep,
  'clip_image_encoder.onnx': referenceClipImageEncoder,
  'vae_encoder.onnx': referenceVaeEncoder,
  'reference_unet.onnx': referenceReferenceUnet,
  'pose_guider.onnx': referencePoseGuider,
  'denoising_unet.onnx': referenceDenoisingUnet,
  'vae_decoder.onnx': referenceVaeDecoder,
  'film_net.onnx': referenceFilmNet,
};
