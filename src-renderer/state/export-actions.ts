import { JOB_PROGRESS_CHANNEL } from '../services/push-channels';
import type { ExportOptions } from '../../src-shared/ipc/contract';
import type { StudioApi } from '../../src-shared/ipc/studio-api';
import { randomId } from '../../src-shared/util/ids';
import { fileNameFor, joinPath } from '../util/path-join';
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
  ) {
    studio.on(JOB_PROGRESS_CHANNEL, ({ jobId, fraction, message }) => {
      this.store.update((s) => {
        const job = s.ephemeral.exportJob;
        return job.status === 'running' && job.jobId === jobId ? withJob(s, { ...job, fraction, message }) : s;
      });
    });
  }

  /** Opens the dialog with `<projects folder>/<name>.mp4` (or next to the saved project). */
  open(): void {
    const state = this.store.getState();
    if (state.document === null) return;
    const folder = state.ephemeral.appInfo?.projectsDir ?? '';
    const name = `${fileNameFor(state.document.name)}.mp4`;
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
  async start(outPath: string, options?: ExportOptions): Promise<void> {
    const state = this.store.getState();
    const { document } = state;
    const { workDir } = state.session;
    if (document === null || workDir === null || state.ephemeral.exportJob.status === 'running') return;
    const path = withMp4Extension(outPath);
    const jobId = randomId('export');
    this.store.update((s) => withJob(s, { status: 'running', jobId, outPath: path, fraction: 0, message: 'Starting' }));
    const result = await this.studio.export.video({ workDir, document, jobId, outPath: path, ...(options ? { options } : {}) });
    this.store.update((s) => {
      const job = s.ephemeral.exportJob;
      if (job.status !== 'running' || job.jobId !== jobId) return s;
      if (result.ok) {
        const { frameCount, durationSec, warnings } = result.value;
        return setStatus(withJob(s, { status: 'done', outPath: result.value.outPath, frameCount, durationSec, warnings }), 'info', `Exported ${result.value.outPath}`);
      }
      if (result.error.code === 'cancelled') return setStatus(withJob(s, { status: 'cancelled' }), 'info', 'Export cancelled; no file was written');
      return setStatus(withJob(s, { status: 'failed', message: result.error.message }), 'error', `Export failed: ${result.error.message}`);
    });
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
