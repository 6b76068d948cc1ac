import type { LayoutSettings, StudioSettings, StudioSettingsPatch } from '../../src-shared/ipc/contract';
import type { StudioApi } from '../../src-shared/ipc/studio-api';
import type { StudioStore } from './studio-store';

/**
 * The studio's own settings (settings:get / settings:update, kept by the services in the data
 * folder): recent folders, each project's last export target, panel sizes. Not the project's.
 * A failure here costs a convenience only, so it is said in the status line, not as an error toast.
 */
export class StudioSettingsActions {
  constructor(
    private readonly studio: StudioApi,
    private readonly store: StudioStore,
  ) {}

  async load(): Promise<void> {
    const result = await this.studio.settings.get({});
    if (result.ok) this.adopt(result.value);
  }

  /** After the services changed them (a save or an export adds a recent folder). */
  reload(): Promise<void> {
    return this.load();
  }

  /** Where the project `projectId` was last exported to, if anywhere. */
  exportTarget(projectId: string): { folder: string; fileName: string } | null {
    return this.store.getState().ephemeral.settings?.exportTargets[projectId] ?? null;
  }

  async rememberExport(projectId: string, folder: string, fileName: string): Promise<void> {
    const current = this.store.getState().ephemeral.settings?.exportTargets ?? {};
    const { [projectId]: _previous, ...others } = current;
    await this.update({ exportTargets: { ...others, [projectId]: { folder, fileName } } });
  }

  async setLayout(layout: LayoutSettings): Promise<void> {
    const current = this.store.getState().ephemeral.settings?.layout ?? {};
    await this.update({ layout: { ...current, ...layout } });
  }

  private async update(patch: StudioSettingsPatch): Promise<void> {
    const result = await this.studio.settings.update(patch);
    if (result.ok) this.adopt(result.value);
    else this.store.update((s) => ({ ...s, ephemeral: { ...s.ephemeral, status: { tone: 'error', text: `The studio settings could not be saved: ${result.error.message}` } } }));
  }

  private adopt(settings: StudioSettings): void {
    this.store.update((s) => ({ ...s, ephemeral: { ...s.ephemeral, settings } }));
  }
}
