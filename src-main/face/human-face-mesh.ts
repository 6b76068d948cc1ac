import { pathToFileURL } from 'node:url';
import { LANDMARK_COUNT } from '../../src-shared/face/topology.js';
import { humanClass, humanModelDir, tfjsWasmDir, withFileFetch } from './human-runtime.js';

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
  const Human = humanClass<HumanInstance>();
  const instance = new Human({
    backend: 'wasm',
    wasmPath: tfjsWasmDir(),
    modelBasePath: `${pathToFileURL(humanModelDir()).href}/`,
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
