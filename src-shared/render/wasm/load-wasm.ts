const PAGE_BYTES = 65536;

/**
 * The part of the WebAssembly JS API the kernels use. src-shared is compiled without DOM or Node
 * typings, so it is declared here and taken from globalThis (Node, Electron and browsers all have it).
 */
export interface WasmMemory {
  readonly buffer: ArrayBuffer;
}
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { readonly exports: Record<string, unknown> };
  Memory: new (descriptor: { initial: number; maximum: number }) => WasmMemory;
}
interface WasmGlobals {
  WebAssembly?: WasmApi;
  atob(base64: string): string;
}

const modules = new Map<string, object>();

/**
 * An instance of one of the project's WebAssembly kernels (base64 from a generated *-wasm.ts) over
 * a new fixed memory of at least `bytes`, or over `memory` shared with another kernel. Compiled
 * once per kernel. The kernels use SIMD, which Node
 * 20+, Electron and current browsers have; elsewhere this fails with an error that says so.
 */
export function instantiateKernel(name: string, base64: string, bytes: number | WasmMemory): { exports: Record<string, unknown>; memory: WasmMemory } {
  const globals = globalThis as unknown as WasmGlobals;
  const wasm = globals.WebAssembly;
  if (!wasm) throw new Error(`The ${name} kernel needs WebAssembly, which this runtime lacks.`);
  let compiled = modules.get(name);
  if (!compiled) {
    try {
      compiled = new wasm.Module(Uint8Array.from(globals.atob(base64), (c) => c.charCodeAt(0)));
    } catch (error) {
      throw new Error(`The ${name} kernel needs WebAssembly SIMD, which this runtime lacks (Node 20+, Electron and current browsers have it).`, { cause: error });
    }
    modules.set(name, compiled);
  }
  const pages = typeof bytes === 'number' ? Math.ceil(bytes / PAGE_BYTES) : 0;
  const memory = typeof bytes === 'number' ? new wasm.Memory({ initial: pages, maximum: pages }) : bytes;
  return { exports: new wasm.Instance(compiled, { env: { memory } }).exports, memory };
}

/** `bytes` rounded up to a multiple of 16 (SIMD-friendly offsets). */
export function align16(bytes: number): number {
  return Math.ceil(bytes / 16) * 16;
}
