import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LANDMARK_COUNT } from '../../src-shared/face/topology.js';

const require = createRequire(import.meta.url);

/** One detected face: 478 landmarks in pixels of the analysed image, raw model depth. */
export interface DetectedFace {
  /** [x, y, width, height] in pixels. */
  readonly boxPx: readonly [number, number, number, number];
  readonly score: number;
  /** LANDMARK_COUNT x 3: x px, y px, depth in the mesh model's input units (relative, sign: negative is nearer). */
  readonly mesh: Float32Array;
}

interface HumanFace {
  box: [number, number, number, number];
  score: number;
  mesh: [number, number, number][];
}
interface HumanInstance {
  load(): Promise<void>;
  detect(input: unknown): Promise<{ face: HumanFace[] }>;
  tf: {
    tensor3d(values: Uint8Array, shape: [number, number, number], dtype: 'int32'): { dispose(): void };
    expandDims(t: unknown, axis: number): { dispose(): void };
    getBackend(): string;
  };
}

let human: Promise<HumanInstance> | undefined;

/**
 * @vladmandic/human's face detector + 478-point mesh (MediaPipe topology, attention/iris) on its
 * wasm backend, with every model read from node_modules: nothing is downloaded.
 */
export function loadFaceMesh(): Promise<HumanInstance> {
  human ??= createHuman();
  return human;
}

async function createHuman(): Promise<HumanInstance> {
  const humanDist = dirname(require.resolve('@vladmandic/human'));
  const { Human } = require(join(humanDist, 'human.node-wasm.js')) as { Human: new (config: object) => HumanInstance };
  const modelDir = join(humanDist, '..', 'models');
  const wasmDir = join(dirname(require.resolve('@tensorflow/tfjs-backend-wasm')), '');
  const instance = new Human({
    backend: 'wasm',
    wasmPath: `${wasmDir}/`,
    modelBasePath: `${pathToFileURL(modelDir).href}/`,
    debug: false,
    // No reuse of the previous call's face boxes (Human's video cache): the same picture always gives
    // the same mesh, so a project renders the same frames in the studio and on the CLI.
    cacheSensitivity: 0,
    face: {
      enabled: true,
      detector: { rotation: true, maxDetected: 8, minConfidence: 0.4, return: false },
      mesh: { enabled: true },
      iris: { enabled: true },
      attention: { enabled: false },
      description: { enabled: false },
      emotion: { enabled: false },
      antispoof: { enabled: false },
      liveness: { enabled: false },
    },
    body: { enabled: false },
    hand: { enabled: false },
    object: { enabled: false },
    gesture: { enabled: false },
    segmentation: { enabled: false },
    filter: { enabled: false },
  });
  await withFileFetch(() => instance.load());
  return instance;
}

/** Detects faces in an RGB image; faces without a full 478-point mesh are left out. */
export async function detectFaces(rgb: Uint8Array, widthPx: number, heightPx: number): Promise<DetectedFace[]> {
  const instance = await loadFaceMesh();
  const image = instance.tf.tensor3d(rgb, [heightPx, widthPx, 3], 'int32');
  const batch = instance.tf.expandDims(image, 0);
  try {
    const result = await instance.detect(batch);
    return result.face
      .filter((face) => face.mesh.length === LANDMARK_COUNT)
      .map((face) => ({ boxPx: face.box, score: face.score, mesh: Float32Array.from(face.mesh.flat()) }));
  } finally {
    batch.dispose();
    image.dispose();
  }
}

/** The face with the largest box: the one to animate when a picture shows several. */
export function largestFace(faces: readonly DetectedFace[]): DetectedFace | undefined {
  let best: DetectedFace | undefined;
  for (const face of faces) if (!best || face.boxPx[2] * face.boxPx[3] > best.boxPx[2] * best.boxPx[3]) best = face;
  return best;
}

/**
 * The wasm build of Human loads models with fetch(), which in Node cannot read file:// URLs.
 * While loading, serve file:// from disk; any other URL is refused (no network at run time).
 */
async function withFileFetch<T>(work: () => Promise<T>): Promise<T> {
  const original = globalThis.fetch;
  globalThis.fetch = async (input: string | URL | Request) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (!url.startsWith('file://')) throw new Error(`face mesh models must load from disk, not ${url}`);
    const body = await readFile(new URL(url));
    return new Response(body, { status: 200, headers: { 'Content-Type': url.endsWith('.json') ? 'application/json' : 'application/octet-stream' } });
  };
  try {
    return await work();
  } finally {
    globalThis.fetch = original;
  }
}
