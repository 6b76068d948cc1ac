import type { ProviderChoice } from '../../src-shared/job/render-job.js';
import { manifestForDir } from '../engines/aniportrait/load-manifest.js';
import { AniPortraitModels } from '../engines/aniportrait/model-set.js';
import type { ModelSource } from '../engines/engine-types.js';

/**
 * The user's exported AniPortrait graphs in one folder, opened on first use (a job that runs only
 * built-in engines never reads the folder). Execution providers that fail are collected as
 * warnings for the job's result: never a silent fallback.
 */
export class AniPortraitModelSource implements ModelSource {
  private models: Promise<AniPortraitModels> | undefined;
  private warnings: string[] = [];

  constructor(
    readonly dir: string,
    private readonly providers?: readonly ProviderChoice[],
    /** Called at once for each provider failure (the CLI prints it), besides collecting it. */
    private readonly onWarning?: (warning: string) => void,
  ) {}

  open(): Promise<AniPortraitModels> {
    if (!this.models) {
      this.models = manifestForDir(this.dir).then(
        (manifest) =>
          new AniPortraitModels(this.dir, manifest, {
            providers: this.providers,
            onProviderFailure: (f) => {
              const warning = `${f.provider} could not load ${f.file}: ${f.message}; trying the next provider`;
              this.warnings.push(warning);
              this.onWarning?.(warning);
            },
          }),
      );
      this.models.catch(() => (this.models = undefined));
    }
    return this.models;
  }

  /** Provider warnings since the last call. */
  takeWarnings(): string[] {
    const out = this.warnings;
    this.warnings = [];
    return out;
  }

  /** The providers the loaded graphs run on (empty when none was loaded). */
  async providersInUse(): Promise<string[]> {
    return this.models ? (await this.models.catch(() => undefined))?.providersInUse() ?? [] : [];
  }

  async dispose(): Promise<void> {
    const models = this.models;
    this.models = undefined;
    await models?.then((m) => m.dispose(), () => undefined);
  }
}
