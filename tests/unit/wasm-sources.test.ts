import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generatedPath, wasmModuleSource, watSources } from '../../scripts/build-wasm.mjs';

describe('WebAssembly kernels', () => {
  it('each generated *-wasm.ts is the compilation of its .wat source (run npm run build:wasm after editing one)', async () => {
    const sources = watSources();
    expect(sources.length).toBeGreaterThanOrEqual(2);
    for (const wat of sources) expect(readFileSync(generatedPath(wat), 'utf8'), wat).toBe(await wasmModuleSource(wat));
  });
});
