import { InferenceSession, Tensor, env } from 'onnxruntime-node';
import type { TensorSignature } from '../../src-shared/models/check-signature.js';
import { float16ToFloat32Array, float32ToFloat16Array } from '../../src-shared/math/float16.js';
import { StudioError } from '../../src-shared/util/result.js';

// Provider load failures are reported to the user by ModelSession.open; keep onnxruntime's own
// native log (which prints them again, with terminal colour codes) for fatal errors only.
env.logLevel = 'fatal';

/** Execution providers a session may use, in the default order of preference. */
export const PROVIDER_NAMES = ['cuda', 'dml', 'cpu'] as const;
export type ProviderName = (typeof PROVIDER_NAMES)[number];

/** A provider that could not be used for a model, reported before the next one is tried. */
export interface ProviderFailure {
  readonly provider: ProviderName;
  /** The model file the session was for. */
  readonly file: string;
  /** onnxruntime's own error, e.g. "Failed to load shared library". */
  readonly message: string;
}

export interface SessionOptions {
  /** Order to try; default CUDA, DirectML, CPU. */
  readonly providers?: readonly ProviderName[];
  readonly onProviderFailure?: (failure: ProviderFailure) => void;
  /** Called after each onnxruntime `session.run` with the graph file and the milliseconds it took (benchmarks). */
  readonly onRun?: (file: string, runMs: number) => void;
}

/** A host-side tensor: float data is always float32 here, whatever the graph uses. */
export interface HostTensor {
  readonly data: Float32Array | BigInt64Array;
  readonly dims: readonly number[];
}

export type Feeds = Readonly<Record<string, HostTensor>>;

/**
 * One ONNX graph on the first execution provider that loads it. The only module that touches
 * onnxruntime-node: runs are serialised (one at a time per session), float16 graphs are fed and read
 * as float32, and a provider that fails is reported, never skipped silently.
 */
export class ModelSession {
  private queue: Promise<unknown> = Promise.resolve();
  private disposed = false;

  private constructor(
    private readonly session: InferenceSession,
    /** The model file, for messages. */
    readonly file: string,
    /** The provider the session runs on. */
    readonly provider: ProviderName,
    private readonly onRun?: (file: string, runMs: number) => void,
  ) {}

  /** Opens `path`; `file` names it in messages. Throws `invalid-model` if no provider can load it. */
  static async open(path: string, file: string, options: SessionOptions = {}): Promise<ModelSession> {
    const order = options.providers ?? PROVIDER_NAMES;
    if (order.length === 0) throw new StudioError('invalid-request', 'No execution provider was allowed; allow at least "cpu".');
    let lastError = '';
    for (const provider of order) {
      try {
        const session = await InferenceSession.create(path, { executionProviders: [provider], logSeverityLevel: 4, graphOptimizationLevel: 'all' });
        return new ModelSession(session, file, provider, options.onRun);
      } catch (error) {
        lastError = errorText(error);
        if (isModelFileError(lastError)) {
          const sidecar = /external data|\.data/i.test(lastError) ? ` A graph over 2 GB keeps its weights in ${file}.data, which must be in the same folder.` : '';
          throw new StudioError('invalid-model', `${file} could not be read as an ONNX model (${lastError}).${sidecar} Export it again (models/README.md).`);
        }
        options.onProviderFailure?.({ provider, file, message: providerMessage(provider, lastError) });
      }
    }
    throw new StudioError('unavailable', `${file}: no execution provider could load it (${order.join(', ')} tried; last error: ${lastError}).`);
  }

  get inputs(): TensorSignature[] {
    return this.session.inputMetadata.map(signature);
  }

  get outputs(): TensorSignature[] {
    return this.session.outputMetadata.map(signature);
  }

  /** Runs the graph once after any earlier run of this session has finished. */
  run(feeds: Feeds, signal?: AbortSignal): Promise<Record<string, HostTensor>> {
    const result = this.queue.then(() => this.runNow(feeds, signal));
    this.queue = result.catch(() => undefined);
    return result;
  }

  async dispose(): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    await this.queue;
    await this.session.release();
  }

  private async runNow(feeds: Feeds, signal?: AbortSignal): Promise<Record<string, HostTensor>> {
    if (this.disposed) throw new Error(`${this.file}: session used after dispose`);
    if (signal?.aborted) throw new StudioError('cancelled', 'The job was cancelled.');
    const types = new Map(this.session.inputMetadata.map((m) => [m.name, m.isTensor ? m.type : undefined]));
    const ortFeeds: Record<string, Tensor> = {};
    for (const [name, tensor] of Object.entries(feeds)) {
      if (!types.has(name)) throw new Error(`${this.file} has no input "${name}"`);
      ortFeeds[name] = toOrtTensor(tensor, types.get(name));
    }
    let outputs: InferenceSession.OnnxValueMapType;
    const started = performance.now();
    try {
      outputs = await this.session.run(ortFeeds);
      this.onRun?.(this.file, performance.now() - started);
    } catch (error) {
      throw new StudioError('invalid-model', `${this.file} failed to run on ${this.provider}: ${errorText(error)}`);
    }
    const out: Record<string, HostTensor> = {};
    for (const [name, value] of Object.entries(outputs)) {
      out[name] = fromOrtTensor(value, this.file, name);
      value.dispose();
    }
    return out;
  }
}

/** The float32 data of a graph output (float16 outputs arrive converted). */
export function floats(tensor: HostTensor | undefined): Float32Array {
  if (!tensor || !(tensor.data instanceof Float32Array)) throw new StudioError('invalid-model', 'An AniPortrait graph returned no float output where one was expected.');
  return tensor.data;
}

/** Opens a model file on the first provider that loads it (see ModelSession.open). */
export function openModelSession(path: string, file: string, options?: SessionOptions): Promise<ModelSession> {
  return ModelSession.open(path, file, options);
}

function toOrtTensor(tensor: HostTensor, type: string | undefined): Tensor {
  const dims = [...tensor.dims];
  if (tensor.data instanceof BigInt64Array) return new Tensor('int64', tensor.data, dims);
  if (type === 'float16') return new Tensor('float16', float32ToFloat16Array(tensor.data), dims);
  return new Tensor('float32', tensor.data, dims);
}

function fromOrtTensor(tensor: Tensor, file: string, name: string): HostTensor {
  const dims = [...tensor.dims];
  if (tensor.type === 'float32') return { data: tensor.data as Float32Array, dims };
  if (tensor.type === 'int64') return { data: tensor.data as BigInt64Array, dims };
  if (tensor.type === 'float16') {
    // Float16Array where the runtime has it, Uint16Array bit patterns otherwise: read the bits.
    const data = tensor.data as unknown as ArrayBufferView;
    return { data: float16ToFloat32Array(new Uint16Array(data.buffer, data.byteOffset, tensor.size)), dims };
  }
  throw new StudioError('invalid-model', `${file} output "${name}" is ${tensor.type}; the engine reads float32, float16 or int64.`);
}

function signature(meta: InferenceSession.ValueMetadata): TensorSignature {
  return meta.isTensor ? { name: meta.name, type: meta.type, shape: [...meta.shape] } : { name: meta.name, type: undefined, shape: [] };
}

function errorText(error: unknown): string {
  // Native log lines may follow the message, with terminal colour codes: keep the first line, plain.
  const escape = String.fromCharCode(27);
  return (error instanceof Error ? error.message : String(error)).split('\n')[0].split(escape)[0].trim();
}

/** Errors about the file itself, not about the provider: trying another provider would not help. */
function isModelFileError(message: string): boolean {
  return /protobuf parsing failed|Load model from .* failed|No such file|ENOENT|external data|Invalid model|ModelProto/i.test(message);
}

function providerMessage(provider: ProviderName, message: string): string {
  if (provider === 'dml' && /backend not found/.test(message)) return `DirectML is not available on ${process.platform} (${message})`;
  if (provider === 'cuda' && /Failed to load shared library/.test(message)) return `${message}: the CUDA provider binaries are not installed or CUDA 12 / cuDNN 9 are missing (see README, "GPU opt-in")`;
  return message;
}
