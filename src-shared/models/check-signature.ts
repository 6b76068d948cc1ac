import type { GraphSpec, ModelManifest, TensorSpec } from './model-manifest.js';

/** What a loaded graph says about one of its inputs or outputs (onnxruntime's ValueMetadata). */
export interface TensorSignature {
  readonly name: string;
  /** e.g. 'float32', 'float16', 'int64'; undefined for non-tensor values. */
  readonly type: string | undefined;
  /** Numbers are fixed sizes; strings or -1 are symbolic. */
  readonly shape: readonly (number | string)[];
}

/**
 * Compares a loaded graph with its manifest entry. Returns one sentence per mismatch, each naming
 * the tensor (the caller names the file), or nothing when the graph fits.
 */
export function signatureMismatches(
  manifest: ModelManifest,
  spec: GraphSpec,
  inputs: readonly TensorSignature[],
  outputs: readonly TensorSignature[],
): string[] {
  const problems: string[] = [];
  compareSide(manifest, 'input', spec.inputs, inputs, problems);
  compareSide(manifest, 'output', spec.outputs, outputs, problems);
  return problems;
}

function compareSide(manifest: ModelManifest, side: 'input' | 'output', expected: readonly TensorSpec[], actual: readonly TensorSignature[], problems: string[]): void {
  const byName = new Map(actual.map((t) => [t.name, t]));
  for (const want of expected) {
    const got = byName.get(want.name);
    if (!got) {
      problems.push(`${side} "${want.name}" is missing (the graph has ${actual.map((t) => `"${t.name}"`).join(', ') || 'none'})`);
      continue;
    }
    const typeOk = want.dtype === 'float' ? got.type === 'float32' || got.type === 'float16' : got.type === want.dtype;
    if (!typeOk) problems.push(`${side} "${want.name}" is ${got.type ?? 'not a tensor'}, expected ${want.dtype === 'float' ? 'float32 or float16' : want.dtype}`);
    if (got.shape.length !== want.shape.length) {
      problems.push(`${side} "${want.name}" has rank ${got.shape.length} [${got.shape.join(', ')}], expected rank ${want.shape.length} [${want.shape.join(', ')}]`);
      continue;
    }
    want.shape.forEach((dim, axis) => {
      const size = typeof dim === 'number' ? dim : manifest.dims[dim];
      const actualSize = got.shape[axis];
      const symbolic = typeof actualSize !== 'number' || actualSize < 0;
      if (size === undefined) {
        // A free size (frames per call, tokens, samples) must stay free: the engine varies it.
        if (!symbolic) problems.push(`${side} "${want.name}" axis ${axis} is fixed at ${actualSize}, but the engine varies it (${String(dim)}); export it as a dynamic axis`);
        return;
      }
      // A symbolic size in the file accepts the fixed one the manifest names.
      if (!symbolic && actualSize !== size) problems.push(`${side} "${want.name}" axis ${axis} is ${actualSize}, expected ${typeof dim === 'string' ? `${dim} = ` : ''}${size}`);
    });
  }
  if (side === 'input') {
    const known = new Set(expected.map((t) => t.name));
    for (const extra of actual) if (!known.has(extra.name)) problems.push(`input "${extra.name}" is not in the manifest, so the engine cannot feed it`);
  }
}
