import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/** Human's constructor from its wasm build for Node (one tfjs for every instance). */
export function humanClass<T>(): new (config: object) => T {
  const humanDist = dirname(require.resolve('@vladmandic/human'));
  return (require(join(humanDist, 'human.node-wasm.js')) as { Human: new (config: object) => T }).Human;
}

/** The folder of tfjs's wasm binaries (Human's `wasmPath`). */
export function tfjsWasmDir(): string {
  return `${dirname(require.resolve('@tensorflow/tfjs-backend-wasm'))}/`;
}

/** The models that ship inside @vladmandic/human itself (face detector, mesh, iris). */
export function humanModelDir(): string {
  return join(dirname(require.resolve('@vladmandic/human')), '..', 'models');
}

/**
 * The wasm build of Human loads models with fetch(), which in Node cannot read file:// URLs.
 * While loading, serve file:// from disk; any other URL is refused (no network at run time).
 */
export async function withFileFetch<T>(work: () => Promise<T>): Promise<T> {
  const original = globalThis.fetch;
  globalThis.fetch = async (input: string | URL | Request) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (!url.startsWith('file://')) throw new Error(`Human's models must load from disk, not ${url}`);
    const body = await readFile(new URL(url));
    return new Response(body, { status: 200, headers: { 'Content-Type': url.endsWith('.json') ? 'application/json' : 'application/octet-stream' } });
  };
  try {
    return await work();
  } finally {
    globalThis.fetch = original;
  }
}
