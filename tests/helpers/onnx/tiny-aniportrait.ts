import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { seededRandom } from '../../../src-shared/util/seeded-random.js';
import { attr, GraphBuilder, ONNX_DATA_TYPE, serializeModel, type OnnxDim, type OnnxElemType } from './onnx-proto-writer.js';

/**
 * Tiny stand-ins for the 11 AniPortrait graphs (ANIPORTRAIT_ONNX.md §4.1-4.2): the exact input/output
 * names, ranks and dtypes of models/aniportrait.manifest.json, small sizes, and simple math that a plain
 * TypeScript oracle (tiny-aniportrait-reference.ts) reproduces. The math keeps the properties the
 * orchestration depends on: frames in one denoiser call mix, the bank may have zero tokens, a pose step
 * sees only memory[t-1], dt changes the FILM output non-linearly.
 */

/** The `dims` of the tiny manifest (sizes the real manifest names, shrunk; MESH_VALUES kept). */
export const TINY_DIMS = {
  AUDIO_FEAT: 8, POSE_WIDTH: 8, MESH_VALUES: 1404, CLIP_SIZE: 16, EMBED: 16,
  IMG_H: 64, IMG_W: 64, LAT_H: 8, LAT_W: 8, LAT_H2: 4, LAT_W2: 4, LAT_H4: 2, LAT_W4: 2, LAT_H8: 1, LAT_W8: 1,
  C0: 32, C1: 64, C2: 128, L0: 64, L1: 16, L2: 4, L3: 1,
} as const satisfies Record<string, number>;

/** wav2vec2's CNN receptive field and hop in samples: L = floor((N - 400) / 320) + 1. */
export const W2V_KERNEL = 400;
export const W2V_STRIDE = 320;

/** The 16 bank tensors in manifest order: token pooling factor over the latent, channels, token count. */
export const TINY_BANK: readonly { name: string; pool: number; channels: number; tokens: number }[] = (
  [['d00', 0, 'C0'], ['d01', 0, 'C0'], ['d10', 1, 'C1'], ['d11', 1, 'C1'], ['d20', 2, 'C2'], ['d21', 2, 'C2'], ['m', 3, 'C2'],
    ['u10', 2, 'C2'], ['u11', 2, 'C2'], ['u12', 2, 'C2'], ['u20', 1, 'C1'], ['u21', 1, 'C1'], ['u22', 1, 'C1'],
    ['u30', 0, 'C0'], ['u31', 0, 'C0'], ['u32', 0, 'C0']] as const
).map(([id, level, c]) => ({ name: `ref_${id}`, pool: 2 ** level, channels: TINY_DIMS[c], tokens: TINY_DIMS.L0 / 4 ** level }));

/** Element count of a full tiny bank (all 16 tensors, 18 048 values). */
export const TINY_BANK_ELEMENTS = TINY_BANK.reduce((n, b) => n + b.tokens * b.channels, 0);

/**
 * Scale of the bank sum in the tiny denoiser. Full banks from the tiny reference UNet sum to about
 * ±15..150 (zero-mean terms that mostly cancel; 1/TINY_BANK_ELEMENTS left the effect at ~0.01 and
 * 0.01 at ~1.5), so 0.002 moves the output by a visible but bounded 0.03..0.3.
 */
export const TINY_REF_SUM_SCALE = 0.002;

/** A manifest tensor entry (same structure as src-shared's TensorSpec). */
export interface TinyTensorSpec { name: string; dtype: 'float' | 'int64'; shape: (number | string)[] }
/** A manifest graph entry (same structure as src-shared's GraphSpec). */
export interface TinyGraphSpec { file: string; stage: 'audio2lmk' | 'lmk2video' | 'interpolation'; inputs: TinyTensorSpec[]; outputs: TinyTensorSpec[] }
/** The manifest JSON (same structure as src-shared's ModelManifest). */
export interface TinyManifest { format: 'aniportrait-model-manifest'; version: 2; spec?: string; dims: Record<string, number>; graphs: TinyGraphSpec[] }

/** Every float initializer of every graph, keyed `<graph stem>.<param>` (e.g. `denoising_unet.pose_w`). */
export type TinyWeights = Record<string, Float32Array>;

/** A deliberate disagreement with the manifest in one file, for manifest-mismatch tests. */
export interface TinyMutation {
  file: string;
  /** Declare this input under another name. */
  renameInput?: [from: string, to: string];
  /** Declare this output under another name. */
  renameOutput?: [from: string, to: string];
  /** Declare a fixed size on one axis of an input or output (the math still runs on the real sizes). */
  wrongDim?: { tensor: string; axis: number; size: OnnxDim };
  /** Declare an input with another dtype (cast inside to what the math needs). */
  wrongDtype?: { tensor: string; dtype: OnnxElemType };
}

export interface TinyBuildOptions {
  /** Files (e.g. 'vae_decoder.onnx') whose float inputs and outputs are float16 in the file. */
  float16Io?: readonly string[];
  mutate?: TinyMutation;
  /** PRNG seed for the weights (default 1). */
  seed?: number;
}

export interface TinyModelSet {
  /** The repo manifest with `dims` replaced by TINY_DIMS; the files match it unless `mutate` was given. */
  manifest: TinyManifest;
  weights: TinyWeights;
}

const REPO_MANIFEST = fileURLToPath(new URL('../../../models/aniportrait.manifest.json', import.meta.url));

/** Writes the 11 tiny graphs of the manifest into `dir` (which must exist). */
export function buildTinyAniPortraitModels(dir: string, options: TinyBuildOptions = {}): TinyModelSet {
  const repo = JSON.parse(readFileSync(REPO_MANIFEST, 'utf8')) as TinyManifest;
  const manifest: TinyManifest = { ...repo, dims: { ...TINY_DIMS } };
  const weights: TinyWeights = {};
  for (const spec of manifest.graphs) {
    const build = GRAPHS[spec.file];
    if (!build) throw new Error(`no tiny graph for ${spec.file}`);
    const stem = spec.file.replace(/\.onnx$/, '');
    const g = new GraphBuilder(stem);
    const ctx = new TinyContext(g, spec, stem, weights, options);
    build(ctx);
    writeFileSync(join(dir, spec.file), serializeModel(g));
  }
  return { manifest, weights };
}

/** Declares a graph's I/O from its manifest entry and hands out seeded weights. */
class TinyContext {
  private readonly random: () => number;
  private readonly inputs = new Map<string, string>();

  constructor(readonly g: GraphBuilder, private readonly spec: TinyGraphSpec, private readonly stem: string,
    private readonly weights: TinyWeights, private readonly options: TinyBuildOptions) {
    // One stream per graph so a graph's weights do not depend on the other graphs or on the options.
    let hash = options.seed ?? 1;
    for (const ch of stem) hash = (Math.imul(hash, 31) + ch.charCodeAt(0)) >>> 0;
    this.random = seededRandom(hash);
    // Declared up front so the file's input order is the manifest's, whatever order the math reads them in.
    for (const t of spec.inputs) this.inputs.set(t.name, this.declareInput(t));
  }

  private mutation(): TinyMutation | undefined {
    return this.options.mutate?.file === this.spec.file ? this.options.mutate : undefined;
  }

  private declared(t: TinyTensorSpec, rename: [string, string] | undefined): { name: string; elem: OnnxElemType; shape: OnnxDim[] } {
    const m = this.mutation();
    const f16 = this.options.float16Io?.includes(this.spec.file) ?? false;
    // Manifest names of fixed sizes resolve to numbers; any other name stays symbolic (dim_param).
    const shape: OnnxDim[] = t.shape.map((d) => (typeof d === 'string' && d in TINY_DIMS ? TINY_DIMS[d as keyof typeof TINY_DIMS] : d));
    if (m?.wrongDim?.tensor === t.name) shape[m.wrongDim.axis] = m.wrongDim.size;
    const elem: OnnxElemType = m?.wrongDtype?.tensor === t.name ? m.wrongDtype.dtype : t.dtype === 'int64' ? 'int64' : f16 ? 'float16' : 'float32';
    return { name: rename?.[0] === t.name ? rename[1] : t.name, elem, shape };
  }

  private tensor(list: TinyTensorSpec[], name: string): TinyTensorSpec {
    const t = list.find((x) => x.name === name);
    if (!t) throw new Error(`${this.spec.file} has no tensor ${name} in the manifest`);
    return t;
  }

  /** The in-graph value of manifest input `name`: float32, or int64 for int64 inputs. */
  in(name: string): string {
    const value = this.inputs.get(name);
    if (value === undefined) throw new Error(`${this.spec.file} has no input ${name} in the manifest`);
    return value;
  }

  private declareInput(t: TinyTensorSpec): string {
    const d = this.declared(t, this.mutation()?.renameInput);
    const value = this.g.input(d.name, d.elem, d.shape);
    const want: OnnxElemType = t.dtype === 'int64' ? 'int64' : 'float32';
    const have: OnnxElemType = d.elem === 'float16' ? 'float32' : d.elem;
    return have === want ? value : this.g.op('Cast', [value], { to: attr.int(want === 'int64' ? ONNX_DATA_TYPE.INT64 : ONNX_DATA_TYPE.FLOAT) });
  }

  out(name: string, value: string): void {
    const d = this.declared(this.tensor(this.spec.outputs, name), this.mutation()?.renameOutput);
    this.g.output(d.name, d.elem, d.shape, value);
  }

  /** A float initializer of uniform values in [-amplitude, amplitude], also recorded in `weights`. */
  weight(param: string, dims: readonly number[], amplitude: number): string {
    const data = new Float32Array(dims.reduce((a, b) => a * b, 1));
    for (let i = 0; i < data.length; i++) data[i] = (2 * this.random() - 1) * amplitude;
    const key = `${this.stem}.${param}`;
    this.weights[key] = data;
    return this.g.initializer(key, data, dims);
  }

  /** Mean over k×k blocks (k = 1 is the identity). */
  pool(x: string, k: number): string {
    return k === 1 ? x : this.g.op('AveragePool', [x], { kernel_shape: attr.ints([k, k]), strides: attr.ints([k, k]) });
  }

  /** A 1×1 convolution with weight [out, in, 1, 1] and an optional bias. */
  conv1x1(x: string, w: string, b?: string): string {
    return this.g.op('Conv', b ? [x, w, b] : [x, w], { kernel_shape: attr.ints([1, 1]) });
  }

  add(...values: string[]): string {
    return values.reduce((acc, v) => this.g.op('Add', [acc, v]));
  }

  scale(x: string, factor: number): string {
    return this.g.op('Mul', [x, this.g.scalar(factor)]);
  }
}

const D = TINY_DIMS;
const A = D.AUDIO_FEAT;
const P = D.POSE_WIDTH;
const E = D.EMBED;

const GRAPHS: Record<string, (c: TinyContext) => void> = {
  'w2v_feature_encoder.onnx': (c) => {
    const x = c.g.op('Reshape', [c.in('input_values'), c.g.int64([1, 1, -1])]);
    const w = c.weight('conv_w', [A, 1, W2V_KERNEL], 1.7 / Math.sqrt(W2V_KERNEL));
    const y = c.g.op('Conv', [x, w], { kernel_shape: attr.ints([W2V_KERNEL]), strides: attr.ints([W2V_STRIDE]) });
    c.out('extract_features', c.g.op('Transpose', [y], { perm: attr.ints([0, 2, 1]) }));
  },
  // Offsets in cm: ~0.1, the scale of real lip motion.
  'audio2mesh.onnx': (c) => {
    const y = c.g.op('MatMul', [c.in('features'), c.weight('w', [A, D.MESH_VALUES], 0.05)]);
    c.out('offsets', c.add(y, c.weight('b', [D.MESH_VALUES], 0.05)));
  },
  'audio2pose_encoder.onnx': (c) => {
    const y = c.g.op('MatMul', [c.in('features'), c.weight('w', [A, P], 1.7 / Math.sqrt(A))]);
    c.out('memory', c.add(y, c.weight('b', [P], 0.1)));
  },
  // pose = tanh(memory[t-1] @ Wp + 0.9 * hist[t-1] + idTable[id]); t is read from the history's shape.
  'audio2pose_step.onnx': (c) => {
    const hist = c.in('pose_hist');
    const memory = c.in('memory');
    const id = c.in('id_seed');
    const t = c.g.op('Slice', [c.g.op('Shape', [hist]), c.g.int64([1]), c.g.int64([2])]);
    const tMinus1 = c.g.op('Sub', [t, c.g.int64([1])]);
    const row = (x: string, width: number): string =>
      c.g.op('Reshape', [c.g.op('Slice', [x, tMinus1, t, c.g.int64([1])]), c.g.int64([1, width])]);
    const fromMemory = c.g.op('MatMul', [row(memory, P), c.weight('w', [P, 6], 1.7 / Math.sqrt(P))]);
    const identity = c.g.op('Gather', [c.weight('id_table', [100, 6], 0.5), id], { axis: attr.int(0) });
    c.out('pose', c.g.op('Tanh', [c.add(fromMemory, c.scale(row(hist, 6), 0.9), identity)]));
  },
  'clip_image_encoder.onnx': (c) => {
    const n = 3 * D.CLIP_SIZE * D.CLIP_SIZE;
    const flat = c.g.op('Flatten', [c.in('pixel_values')], { axis: attr.int(1) });
    const y = c.g.op('MatMul', [flat, c.weight('w', [n, E], 1.7 / Math.sqrt(n))]);
    c.out('image_embeds', c.add(y, c.weight('b', [E], 0.1)));
  },
  'vae_encoder.onnx': (c) => {
    const pooled = c.pool(c.in('image'), D.IMG_H / D.LAT_H);
    c.out('latent_mean', c.conv1x1(pooled, c.weight('w', [4, 3, 1, 1], 0.5), c.weight('b', [4], 0.1)));
  },
  // Each bank tensor: tokens of a pooled, 1×1-projected latent + a CLIP term per channel + 0.001·timestep.
  'reference_unet.onnx': (c) => {
    const sample = c.in('sample');
    const timestep = c.scale(c.in('timestep'), 0.001);
    const hidden = c.in('encoder_hidden_states');
    for (const b of TINY_BANK) {
      const id = b.name.slice(4);
      const conv = c.conv1x1(c.pool(sample, b.pool), c.weight(`${id}_conv_w`, [b.channels, 4, 1, 1], 0.5));
      const tokens = c.g.op('Transpose', [c.g.op('Reshape', [conv, c.g.int64([1, b.channels, -1])])], { perm: attr.ints([0, 2, 1]) });
      const clip = c.g.op('MatMul', [hidden, c.weight(`${id}_embed_w`, [E, b.channels], 0.3 / Math.sqrt(E))]);
      c.out(b.name, c.add(tokens, clip, timestep));
    }
  },
  // Pose values are 2v-1 in -1..509, so the weights are ~1/255 to keep the features O(1).
  'pose_guider.onnx': (c) => {
    const pose = c.in('pose');
    const levels: [string, number, number][] = [['pose_fea_0', 8, D.C0], ['pose_fea_1', 16, D.C0], ['pose_fea_2', 32, D.C1], ['pose_fea_3', 64, D.C2], ['pose_fea_4', 64, D.C2]];
    for (const [name, pool, channels] of levels) {
      const i = name.slice(-1);
      c.out(name, c.conv1x1(c.pool(pose, pool), c.weight(`w${i}`, [channels, 3, 1, 1], 0.5 / 255), c.weight(`b${i}`, [channels], 0.1)));
    }
  },
  'denoising_unet.onnx': (c) => {
    const sample = c.in('sample');
    const timestep = c.in('timestep');
    const hidden = c.in('encoder_hidden_states');
    const fea = [0, 1, 2, 3, 4].map((i) => c.in(`pose_fea_${i}`));
    // Mixing across the frame axis stands in for AnimateDiff's motion modules: a call's frames interact.
    const frameMean = c.g.op('ReduceMean', [sample], { axes: attr.ints([0]), keepdims: attr.int(1) });
    const pose = c.conv1x1(fea[0], c.weight('pose_w', [4, D.C0, 1, 1], 1.7 / Math.sqrt(D.C0)));
    const deepPose = c.g.op('ReduceMean', [fea[4]], { axes: attr.ints([1, 2, 3]), keepdims: attr.int(1) });
    const clip = c.g.op('Reshape', [c.g.op('MatMul', [hidden, c.weight('embed_w', [E, 4], 0.3 / Math.sqrt(E))]), c.g.int64([1, 4, 1, 1])]);
    // ReduceSum over all axes without keepdims: a zero-token bank (CFG Mode A's uncond call) sums to 0.
    const bankSum = c.add(...TINY_BANK.map((b) => c.g.op('ReduceSum', [c.in(b.name)], { keepdims: attr.int(0) })));
    c.out('model_output', c.add(c.scale(sample, 0.5), c.scale(frameMean, 0.3), pose, c.scale(deepPose, 0.1), clip,
      c.scale(timestep, 0.0005), c.scale(bankSum, TINY_REF_SUM_SCALE)));
  },
  'vae_decoder.onnx': (c) => {
    const conv = c.conv1x1(c.in('latent'), c.weight('w', [3, 4, 1, 1], 0.5), c.weight('b', [3], 0.1));
    const up = D.IMG_H / D.LAT_H;
    // asymmetric + floor: output pixel (y, x) reads latent (floor(y/8), floor(x/8)), exactly.
    const resized = c.g.op('Resize', [conv, '', c.g.initializer('vae_decoder.scales', Float32Array.of(1, 1, up, up), [4])], {
      mode: attr.string('nearest'), coordinate_transformation_mode: attr.string('asymmetric'), nearest_mode: attr.string('floor'),
    });
    c.out('image', c.g.op('Tanh', [resized]));
  },
  // (1-dt)·x0 + dt·x1 + 0.05·x0·x1: dt matters and the result is not a plain lerp.
  'film_net.onnx': (c) => {
    const x0 = c.in('x0');
    const x1 = c.in('x1');
    const dt = c.in('dt');
    const oneMinus = c.g.op('Sub', [c.g.scalar(1), dt]);
    c.out('image', c.add(c.g.op('Mul', [x0, oneMinus]), c.g.op('Mul', [x1, dt]), c.scale(c.g.op('Mul', [x0, x1]), 0.05)));
  },
};
