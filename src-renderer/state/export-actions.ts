import { JOB_PROGRESS_CHANNEL } from '../services/push-channels';
import type { ExportOptions } from '../../src-shared/ipc/contract';
import type { StudioApi } from '../../src-shared/ipc/studio-api';
import { randomId } from '../../src-shared/util/ids';
import { fileNameFor, joinPath, splitPath } from '../util/path-join';
import type { Notifier } from './notifier';
import type { StudioSettingsActions } from './studio-settings';
import type { ExportJobState } from './export-state';
import type { StudioState } from './studio-state';
import type { StudioStore } from './studio-store';
import { setDialog, setStatus } from './store-updates';

function withJob(state: StudioState, exportJob: ExportJobState): StudioState {
  return { ...state, ephemeral: { ...state.ephemeral, exportJob } };
}

/** `.mp4` appended unless the path already ends in it (any case). */
export function withMp4Extension(path: string): string {
  const trimmed = path.trim();
  return trimmed.toLowerCase().endsWith('.mp4') ? trimmed : `${trimmed}.mp4`;
}

/** The export dialog's flow: pick a path, export:video with progress, cancel, reveal the file. */
export class ExportActions {
  constructor(
    private readonly studio: StudioApi,
    private readonly store: StudioStore,
    private readonly settings: StudioSettingsActions,
    private readonly notifier: Notifier,
  ) {
    studio.on(JOB_PROGRESS_CHANNEL, ({ jobId, fraction, message, frames }) => {
      this.store.update((s) => {
        const job = s.ephemeral.exportJob;
        return job.status === 'running' && job.jobId === jobId ? withJob(s, { ...job, fraction, message, frames: frames ?? null }) : s;
      });
    });
  }

  /**
   * Opens the dialog with where this project was last exported to (the studio's settings), else
   * `<last folder or projects folder>/<name>.mp4`.
   */
  open(): void {
    const state = this.store.getState();
    if (state.document === null) return;
    const last = this.settings.exportTarget(state.document.id);
    const folder = last?.folder ?? state.ephemeral.settings?.recentFolders[0] ?? state.ephemeral.appInfo?.projectsDir ?? '';
    const name = last?.fileName ?? `${fileNameFor(state.document.name)}.mp4`;
    const initialPath = folder === '' ? name : joinPath(folder, name);
    this.store.update((s) => (s.ephemeral.exportJob.status === 'running' ? setDialog(s, { kind: 'export', initialPath }) : withJob(setDialog(s, { kind: 'export', initialPath }), { status: 'idle' })));
  }

  /** The native save dialog (Electron); null when cancelled or when the host has none (type the path instead). */
  async browse(suggestedName: string): Promise<{ path: string | null; native: boolean }> {
    const picked = await this.studio.dialog.saveVideo({ suggestedName });
    if (picked.ok) return { path: picked.value.path, native: true };
    return { path: null, native: picked.error.code !== 'no-native-dialog' };
  }

  /** Exports with this export's own size, fps and video engine (`options`); the project is not changed. */
  async start(outPath: string, options?: ExportOptions, createFolders = false): Promise<void> {
    const state = this.store.getState();
    const { document } = state;
    const { workDir } = state.session;
    if (document === null || workDir === null || state.ephemeral.exportJob.status === 'running') return;
    const path = withMp4Extension(outPath);
    const jobId = randomId('export');
    this.store.update((s) => withJob(s, { status: 'running', jobId, outPath: path, fraction: 0, message: 'Starting', frames: null }));
    const result = await this.studio.export.video({ workDir, document, jobId, outPath: path, createFolders, ...(options ? { options } : {}) });
    this.store.update((s) => {
      const job = s.ephemeral.exportJob;
      if (job.status !== 'running' || job.jobId !== jobId) return s;
      if (result.ok) {
        const { frameCount, durationSec, warnings } = result.value;
        return setStatus(withJob(s, { status: 'done', outPath: result.value.outPath, frameCount, durationSec, warnings }), 'info', `Exported ${result.value.outPath}`);
      }
      if (result.error.code === 'cancelled') return setStatus(withJob(s, { status: 'cancelled' }), 'info', 'Export cancelled; no file was written');
      if (result.error.code === 'missing-folder') return withJob(s, { status: 'missing-folder', outPath: path, message: result.error.message });
      return setStatus(withJob(s, { status: 'failed', message: result.error.message }), 'error', `Export failed: ${result.error.message}`);
    });
    if (result.ok) {
      const { folder, name } = splitPath(result.value.outPath);
      this.notifier.announce(`Exported ${result.value.frameCount} frames to ${result.value.outPath}`);
      await this.settings.rememberExport(document.id, folder, name);
    }
  }

  cancel(): void {
    const job = this.store.getState().ephemeral.exportJob;
    if (job.status === 'running') void this.studio.jobs.cancel({ jobId: job.jobId });
  }

  /** Shows the exported file in the file manager; false where the host cannot (web host). */
  async reveal(path: string): Promise<boolean> {
    const result = await this.studio.shell.reveal({ path });
    if (result.ok) return true;
    if (result.error.code !== 'no-native-dialog') this.store.update((s) => setStatus(s, 'error', `Reveal failed: ${result.error.message}`));
    return false;
  }
}
