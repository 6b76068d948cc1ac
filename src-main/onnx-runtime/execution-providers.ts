import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { env, listSupportedBackends } from 'onnxruntime-node';

export interface ExecutionProviderStatus {
  readonly name: string;
  /** True when the provider's binaries are on disk and a session may try it. */
  readonly available: boolean;
  readonly detail: string;
}

const require = createRequire(import.meta.url);

/** onnxruntime-node's own version. */
export function onnxRuntimeVersion(): string {
  return env.versions.node ?? env.versions.common;
}

/**
 * Providers in the order sessions try them (CUDA, DirectML, CPU). "Available" means the provider
 * library is present; whether the GPU driver loads it is only known when a session is created.
 */
export function listExecutionProviders(): ExecutionProviderStatus[] {
  const supported = new Map(listSupportedBackends().map((b) => [b.name, b.bundled]));
  const binDir = join(dirname(require.resolve('onnxruntime-node')), '..', 'bin', 'napi-v6', process.platform, process.arch);
  const out: ExecutionProviderStatus[] = [];
  if (supported.has('cuda')) {
    const lib = process.platform === 'win32' ? 'onnxruntime_providers_cuda.dll' : 'libonnxruntime_providers_cuda.so';
    const present = supported.get('cuda') === true || existsSync(join(binDir, lib));
    out.push({
      name: 'cuda',
      available: present,
      detail: present ? `provider library in ${binDir}` : 'CUDA provider binaries not installed (see README, "GPU opt-in")',
    });
  }
  if (supported.has('dml')) {
    out.push({ name: 'dml', available: supported.get('dml') === true, detail: 'DirectML (Windows)' });
  }
  out.push({ name: 'cpu', available: supported.get('cpu') === true, detail: 'bundled with onnxruntime-node' });
  return out;
}
