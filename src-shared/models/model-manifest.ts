import { z } from 'zod';

/**
 * The model manifest (models/aniportrait.manifest.json): every ONNX graph an engine loads, with the
 * names, dtypes and shapes of its inputs and outputs. A shape entry is a number (fixed), the name of
 * a size in `dims` (fixed, e.g. "C0" = 320) or any other name (free: varies per call, e.g. "T").
 */

/** The stages whose graphs a manifest lists. */
export const GRAPH_STAGES = ['audio2lmk', 'lmk2video', 'interpolation'] as const;

const dimSchema = z.union([z.number().int().nonnegative(), z.string().min(1)]);

const tensorSpecSchema = z.object({
  name: z.string().min(1),
  /** `float`: float32 or float16 in the file (sessions convert); `int64`: exactly int64. */
  dtype: z.enum(['float', 'int64']),
  shape: z.array(dimSchema),
});

const graphSpecSchema = z.object({
  file: z.string().regex(/^[\w.-]+\.onnx$/),
  stage: z.enum(GRAPH_STAGES),
  inputs: z.array(tensorSpecSchema).min(1),
  outputs: z.array(tensorSpecSchema).min(1),
});

export const modelManifestSchema = z.object({
  format: z.literal('aniportrait-model-manifest'),
  version: z.literal(2),
  spec: z.string().optional(),
  dims: z.record(z.string(), z.number().int().positive()),
  graphs: z.array(graphSpecSchema).min(1),
});

export type ModelManifest = z.infer<typeof modelManifestSchema>;
export type GraphSpec = z.infer<typeof graphSpecSchema>;
export type TensorSpec = z.infer<typeof tensorSpecSchema>;
export type GraphStage = GraphSpec['stage'];

export function parseModelManifest(json: unknown): ModelManifest {
  return modelManifestSchema.parse(json);
}

export function graphSpec(manifest: ModelManifest, file: string): GraphSpec {
  const spec = manifest.graphs.find((g) => g.file === file);
  if (!spec) throw new Error(`The model manifest has no graph ${file}`);
  return spec;
}

/** A fixed size named in the manifest's dims table. */
export function manifestDim(manifest: ModelManifest, name: string): number {
  const value = manifest.dims[name];
  if (value === undefined) throw new Error(`The model manifest has no size ${name}`);
  return value;
}
