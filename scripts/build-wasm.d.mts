/** Types of scripts/build-wasm.mjs for the tests that check the generated modules. */
export function wasmModuleSource(watPath: string): Promise<string>;
export function watSources(): string[];
export function generatedPath(watPath: string): string;
