// @vitest-environment node
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as ort from 'onnxruntime-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededRandom } from '../../src-shared/util/seeded-random.js';
import { TINY_REFERENCE, referenceDenoisingUnet, referenceReferenceUnet, type RefFeeds, type RefTensor } from '../helpers/onnx/tiny-aniportrait-reference.js';
import { buildTinyAniPortraitModels, TINY_BANK, TINY_DIMS, type TinyBuildOptions, type TinyGraphSpec, type TinyModelSet } from '../helpers/onnx/tiny-aniportrait.js';

/** Sizes for the free dims of the test calls (t ≤ S as the pose loop guarantees). */
const FREE: Record<string, number> = { N: 4000, T: 5, S: 7, t: 3, Nf: 2, F: 3, Nd: 2 };
/** Value ranges per input, as the app feeds them (pose frames are 2v-1 of uint8; timesteps 0..999). */
const RANGE: Record<string, [number, number]> = { pose: [-1, 509], timestep: [0, 999], dt: [0, 1], x0: [0, 1], x1: [0, 1] };

const dirs: string[] = [];
let set: TinyModelSet;
let dir: string;

function build(options?: TinyBuildOptions): { dir: string; set: TinyModelSet } {
  const d = mkdtempSync(join(tmpdir(), 'tiny-aniportrait-'));
  dirs.push(d);
  return { dir: d, set: buildTinyAniPortraitModels(d, options) };
}

beforeAll(() => ({ dir, set } = build()));
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function spec(file: string): TinyGraphSpec {
  const g = set.manifest.graphs.find((x) => x.file === file);
  if (!g) throw new Error(`no ${file} in the manifest`);
  return g;
}

/** A manifest shape as the file should declare it: fixed names resolved, free names kept. */
function declaredShape(shape: (number | string)[]): (number | string)[] {
  return shape.map((d) => (typeof d === 'string' && d in set.manifest.dims ? set.manifest.dims[d] : d));
}

function concreteShape(shape: (number | string)[]): number[] {
  return declaredShape(shape).map((d) => (typeof d === 'number' ? d : (FREE[d] ?? TINY_BANK.find((b) => `K_${b.name.slice(4)}` === d)?.tokens ?? NaN)));
}

function randomFeeds(file: string, seed: number): RefFeeds {
  const random = seededRandom(seed);
  const feeds: RefFeeds = {};
  for (const t of spec(file).inputs) {
    const dims = concreteShape(t.shape);
    const count = dims.reduce((a, b) => a * b, 1);
    if (t.dtype === 'int64') feeds[t.name] = { dims, data: BigInt64Array.of(42n) };
    else {
      const [lo, hi] = RANGE[t.name] ?? [-1, 1];
      feeds[t.name] = { dims, data: Float32Array.from({ length: count }, () => lo + (hi - lo) * random()) };
    }
  }
  return feeds;
}

async function run(session: ort.InferenceSession, feeds: RefFeeds): Promise<ort.InferenceSession.OnnxValueMapType> {
  const tensors: Record<string, ort.Tensor> = {};
  for (const [name, t] of Object.entries(feeds)) {
    tensors[name] = t.data instanceof BigInt64Array ? new ort.Tensor('int64', t.data, [...t.dims]) : new ort.Tensor('float32', t.data, [...t.dims]);
  }
  return session.run(tensors);
}

/** Equal within 1e-4 of the expected tensor's largest magnitude, and not all zero. */
function expectClose(actual: ort.Tensor, expected: { dims: number[]; data: Float32Array }, what: string): void {
  expect(actual.dims, what).toEqual(expected.dims);
  const peak = expected.data.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
  expect(peak, `${what} is not all zero`).toBeGreaterThan(1e-3);
  const got = actual.data as Float32Array;
  let worst = 0;
  for (let i = 0; i < got.length; i++) worst = Math.max(worst, Math.abs(got[i] - expected.data[i]));
  expect(worst / peak, what).toBeLessThan(1e-4);
}

function maxAbsDiff(a: Float32Array, b: Float32Array): number {
  return a.reduce((m, v, i) => Math.max(m, Math.abs(v - b[i])), 0);
}

describe('tiny AniPortrait ONNX models (manifest signatures, TS oracle)', () => {
  it('writes every manifest graph with the manifest dims shrunk to the tiny sizes', () => {
    expect(set.manifest.dims).toEqual(TINY_DIMS);
    expect(set.manifest.graphs.map((g) => g.file)).toHaveLength(11);
    expect(Object.keys(TINY_REFERENCE).sort()).toEqual(set.manifest.graphs.map((g) => g.file).sort());
  });

  const files = ['w2v_feature_encoder.onnx', 'audio2mesh.onnx', 'audio2pose_encoder.onnx', 'audio2pose_step.onnx', 'clip_image_encoder.onnx',
    'vae_encoder.onnx', 'reference_unet.onnx', 'pose_guider.onnx', 'denoising_unet.onnx', 'vae_decoder.onnx', 'film_net.onnx'];
  it.each(files)('%s: names, dtypes and shapes of the manifest; outputs equal the TS reference', async (file) => {
    const graph = spec(file);
    const session = await ort.InferenceSession.create(join(dir, file));
    try {
      expect(session.inputNames).toEqual(graph.inputs.map((t) => t.name));
      expect(session.outputNames).toEqual(graph.outputs.map((t) => t.name));
      const meta = [...session.inputMetadata, ...session.outputMetadata];
      const specs = [...graph.inputs, ...graph.outputs];
      meta.forEach((m, i) => {
        if (!m.isTensor) throw new Error(`${m.name} is not a tensor`);
        expect(m.type, m.name).toBe(specs[i].dtype === 'int64' ? 'int64' : 'float32');
        // Free sizes must stay symbolic, or a real-size call would be rejected by ORT.
        expect(m.shape, m.name).toEqual(declaredShape(specs[i].shape));
      });
      const feeds = randomFeeds(file, 7);
      const expected = TINY_REFERENCE[file](set.weights, feeds);
      const actual = await run(session, feeds);
      for (const t of graph.outputs) expectClose(actual[t.name], expected[t.name], `${file} ${t.name}`);
    } finally {
      await session.release();
    }
  });

  it('w2v_feature_encoder: 4000 samples give floor((4000-400)/320)+1 = 12 frames', async () => {
    const session = await ort.InferenceSession.create(join(dir, 'w2v_feature_encoder.onnx'));
    const out = await run(session, randomFeeds('w2v_feature_encoder.onnx', 3));
    expect(out.extract_features.dims).toEqual([1, 12, TINY_DIMS.AUDIO_FEAT]);
    await session.release();
  });

  it('denoising_unet: a zero-length bank (CFG Mode A uncond) runs, matches the reference and differs from the full bank', async () => {
    const session = await ort.InferenceSession.create(join(dir, 'denoising_unet.onnx'));
    const refUnet = await ort.InferenceSession.create(join(dir, 'reference_unet.onnx'));
    try {
      const feeds = randomFeeds('denoising_unet.onnx', 11);
      // The cond call's bank is what the reference UNet produces (timestep 0), as in the pipeline.
      const refFeeds = { ...randomFeeds('reference_unet.onnx', 12), timestep: { dims: [1], data: Float32Array.of(0) } };
      const bank = await run(refUnet, refFeeds);
      const bankRef = referenceReferenceUnet(set.weights, refFeeds);
      const cond: RefFeeds = { ...feeds };
      const uncond: RefFeeds = { ...feeds };
      for (const b of TINY_BANK) {
        expectClose(bank[b.name], bankRef[b.name], b.name);
        cond[b.name] = { dims: bank[b.name].dims, data: bank[b.name].data as Float32Array };
        uncond[b.name] = { dims: [1, 0, b.channels], data: new Float32Array(0) } satisfies RefTensor;
      }
      const condOut = await run(session, cond);
      const uncondOut = await run(session, uncond);
      expectClose(condOut.model_output, referenceDenoisingUnet(set.weights, cond).model_output, 'cond');
      expectClose(uncondOut.model_output, referenceDenoisingUnet(set.weights, uncond).model_output, 'uncond');
      // The bank moves every value by the same visible, bounded amount.
      const shift = maxAbsDiff(condOut.model_output.data as Float32Array, uncondOut.model_output.data as Float32Array);
      expect(shift).toBeGreaterThan(0.01);
      expect(shift).toBeLessThan(2);
    } finally {
      await session.release();
      await refUnet.release();
    }
  });

  it('denoising_unet: frames of one call mix (motion-module stand-in), so windows change results', async () => {
    const session = await ort.InferenceSession.create(join(dir, 'denoising_unet.onnx'));
    const feeds = randomFeeds('denoising_unet.onnx', 13);
    const together = (await run(session, feeds)).model_output.data as Float32Array;
    const changed = { ...feeds, sample: { dims: feeds.sample.dims, data: (feeds.sample.data as Float32Array).map((v, i) => (i < 4 * 64 ? v + 1 : v)) } };
    const after = (await run(session, changed)).model_output.data as Float32Array;
    // Only frame 0's sample changed; frame 2's output moves too (by 0.3 · 1/3).
    expect(maxAbsDiff(together.subarray(2 * 256), after.subarray(2 * 256))).toBeCloseTo(0.1, 4);
    await session.release();
  });
});

/** float32 → IEEE half bits (round to nearest), for feeding a float16-I/O model. */
function toHalfBits(v: number): number {
  const sign = v < 0 ? 0x8000 : 0;
  const a = Math.abs(v);
  if (a < 2 ** -14) return sign | Math.round(a / 2 ** -24);
  let e = Math.floor(Math.log2(a));
  let m = Math.round((a / 2 ** e - 1) * 1024);
  if (m === 1024) { m = 0; e += 1; }
  return e > 15 ? sign | 0x7c00 : sign | ((e + 15) << 10) | m;
}

function fromHalfBits(h: number): number {
  const s = h & 0x8000 ? -1 : 1;
  const e = (h >> 10) & 31;
  const m = h & 1023;
  return e === 0 ? s * m * 2 ** -24 : s * (1 + m / 1024) * 2 ** (e - 15);
}

describe('tiny AniPortrait ONNX variants', () => {
  it('float16 I/O: the file declares float16 and computes the same math', async () => {
    const variant = build({ float16Io: ['film_net.onnx'] });
    const session = await ort.InferenceSession.create(join(variant.dir, 'film_net.onnx'));
    const types = [...session.inputMetadata, ...session.outputMetadata].map((m) => (m.isTensor ? m.type : 'none'));
    expect(types).toEqual(['float16', 'float16', 'float16', 'float16']);
    const feeds = randomFeeds('film_net.onnx', 5);
    const half: Record<string, ort.Tensor> = {};
    for (const [name, t] of Object.entries(feeds)) half[name] = new ort.Tensor('float16', Uint16Array.from(t.data as Float32Array, toHalfBits), [...t.dims]);
    const out = (await session.run(half)).image;
    expect(out.type).toBe('float16');
    // Compare with the oracle on the half-rounded inputs; the output is rounded to half once more.
    const rounded: RefFeeds = {};
    for (const [name, t] of Object.entries(feeds)) rounded[name] = { dims: t.dims, data: Float32Array.from(t.data as Float32Array, (v) => fromHalfBits(toHalfBits(v))) };
    const expected = TINY_REFERENCE['film_net.onnx'](variant.set.weights, rounded).image.data;
    expect(maxAbsDiff(Float32Array.from(out.data as Uint16Array, fromHalfBits), expected)).toBeLessThan(2e-3);
    await session.release();
  });

  it('mutations disagree with the manifest in exactly the requested way', async () => {
    const renamed = build({ mutate: { file: 'denoising_unet.onnx', renameInput: ['timestep', 't'], renameOutput: ['model_output', 'out'] } });
    let session = await ort.InferenceSession.create(join(renamed.dir, 'denoising_unet.onnx'));
    expect(session.inputNames[1]).toBe('t');
    expect(session.outputNames).toEqual(['out']);
    await session.release();

    const resized = build({ mutate: { file: 'vae_encoder.onnx', wrongDim: { tensor: 'image', axis: 2, size: 32 } } });
    // ORT warns that the declared output no longer matches what the graph computes; that is the point here.
    session = await ort.InferenceSession.create(join(resized.dir, 'vae_encoder.onnx'), { logSeverityLevel: 3 });
    const image = session.inputMetadata[0];
    expect(image.isTensor && image.shape).toEqual([1, 3, 32, 64]);
    await session.release();

    const retyped = build({ mutate: { file: 'audio2pose_step.onnx', wrongDtype: { tensor: 'id_seed', dtype: 'float32' } } });
    session = await ort.InferenceSession.create(join(retyped.dir, 'audio2pose_step.onnx'));
    const seed = session.inputMetadata[2];
    expect(seed.isTensor && seed.type).toBe('float32');
    await session.release();
    // Unmutated files of a mutated set still match the manifest.
    expect(retyped.set.manifest).toEqual(set.manifest);
  });
});
