import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { signatureMismatches } from '../../../src-shared/models/check-signature.js';
import type { GraphStage, ModelManifest } from '../../../src-shared/models/model-manifest.js';
import { graphSpec, manifestDim } from '../../../src-shared/models/model-manifest.js';
import { StudioError } from '../../../src-shared/util/result.js';
import type { ModelSession, SessionOptions } from '../../onnx-runtime/onnx-graph.js';
import { openModelSession } from '../../onnx-runtime/onnx-graph.js';

/**
 * The user's exported AniPortrait graphs in one folder, opened on demand and checked against the
 * manifest when loaded. A missing, corrupt or mismatched file is an error that names the file and
 * the tensor; callers check every graph a job needs before they write anything.
 */
export class AniPortraitModels {
  private readonly sessions = new Map<string, Promise<ModelSession>>();
  private readonly providers = new Map<string, string>();

  private readonly options: SessionOptions;

  constructor(
    readonly dir: string,
    readonly manifest: ModelManifest,
    options: SessionOptions = {},
  ) {
    // A provider that fails fails alike for every graph: report each failure once, not per file.
    const reported = new Set<string>();
    this.options = {
      ...options,
      onProviderFailure: (failure) => {
        const key = `${failure.provider}\n${failure.message}`;
        if (reported.has(key)) return;
        reported.add(key);
        options.onProviderFailure?.(failure);
      },
    };
  }

  /** Size from the manifest's dims table (e.g. IMG_W). */
  dim(name: string): number {
    return manifestDim(this.manifest, name);
  }

  /** Fails fast, before any session loads, when a file of these stages is not in the folder. */
  assertPresent(stages: readonly GraphStage[]): void {
    const missing = this.manifest.graphs.filter((g) => stages.includes(g.stage) && !isFile(join(this.dir, g.file))).map((g) => g.file);
    if (missing.length > 0) {
      throw new StudioError(
        'unavailable',
        `The AniPortrait engine needs ${missing.join(', ')} in ${this.dir}, which ${missing.length === 1 ? 'is' : 'are'} missing. Export the models (models/README.md) and pass their folder with --models or ANIPORTRAIT_MODELS_DIR.`,
      );
    }
  }

  /** Opens every graph of these stages (and checks each against the manifest). */
  async loadStages(stages: readonly GraphStage[]): Promise<void> {
    this.assertPresent(stages);
    for (const graph of this.manifest.graphs) if (stages.includes(graph.stage)) await this.session(graph.file);
  }

  session(file: string): Promise<ModelSession> {
    let session = this.sessions.get(file);
    if (!session) {
      session = this.open(file);
      this.sessions.set(file, session);
      session.catch(() => this.sessions.delete(file));
    }
    return session;
  }

  /** The execution providers the loaded graphs run on. */
  providersInUse(): string[] {
    return [...new Set(this.providers.values())];
  }

  async dispose(): Promise<void> {
    const sessions = [...this.sessions.values()];
    this.sessions.clear();
    for (const session of sessions) await session.then((s) => s.dispose(), () => undefined);
  }

  private async open(file: string): Promise<ModelSession> {
    const spec = graphSpec(this.manifest, file);
    const path = join(this.dir, file);
    if (!isFile(path)) this.assertPresent([spec.stage]);
    const session = await openModelSession(path, file, this.options);
    const problems = signatureMismatches(this.manifest, spec, session.inputs, session.outputs);
    if (problems.length > 0) {
      await session.dispose();
      throw new StudioError('invalid-model', `${file} does not match the model manifest: ${problems.join('; ')}. Export it again with models/export (models/README.md).`);
    }
    this.providers.set(file, session.provider);
    return session;
  }
}

function isFile(path: string): boolean {
  return existsSync(path) && statSync(path).isFile();
}
