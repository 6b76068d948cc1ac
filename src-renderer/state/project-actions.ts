import { MAX_IMPORT_BYTES } from '../../src-shared/ipc/contract';
import type { StudioApi } from '../../src-shared/ipc/studio-api';
import type { AssetRef, AssetRole } from '../../src-shared/project/project-schema';
import type { StudioErrorInfo } from '../../src-shared/util/result';
import { fail } from '../../src-shared/util/result';
import { assertNever } from '../../src-shared/util/assert-never';
import { formatBytes } from '../util/format';
import { roleOfFile } from '../util/file-role';
import { fileNameFor, joinPath } from '../util/path-join';
import type { DocumentEdit } from './document-edits';
import { adoptAsset } from './document-edits';
import { isDirty, MAX_TIMELINE_ZOOM } from './studio-state';
import type { StudioStore } from './studio-store';
import * as update from './store-updates';

const UNTITLED = 'Untitled';

/**
 * The project flow (new, open, save, import, autosave, recovery), spoken only through the
 * contract. Every failure ends up in the status bar and a toast; nothing here throws.
 */
export class ProjectActions {
  /**
   * Counts New/Open requests. Only the latest one may replace the open project: the automatic
   * untitled project must not land on top of a project the user opened while it was created.
   */
  private projectRequest = 0;

  constructor(
    private readonly studio: StudioApi,
    private readonly store: StudioStore,
  ) {}

  /** App start: host info for the status bar, then an untitled project so imports work at once. */
  async start(): Promise<void> {
    const info = await this.studio.app.info({});
    if (!info.ok) {
      this.fail('Connecting to the studio service', info.error);
      return;
    }
    const { host, appVersion } = info.value;
    this.store.update((s) => update.setStatus({ ...s, ephemeral: { ...s.ephemeral, appInfo: info.value } }, 'info', `AniPortrait Studio ${appVersion} (${host} host)`));
    await this.createProject();
  }

  edit(edit: DocumentEdit): void {
    this.store.update((s) => update.editDocument(s, edit));
  }

  requestNew(): void {
    if (isDirty(this.store.getState())) this.store.update((s) => update.setDialog(s, { kind: 'confirm-discard', next: 'new' }));
    else void this.createProject();
  }

  requestOpen(): void {
    if (isDirty(this.store.getState())) this.store.update((s) => update.setDialog(s, { kind: 'confirm-discard', next: 'open' }));
    else void this.chooseProjectToOpen();
  }

  /** The user agreed to lose unsaved changes: carry on with what they asked for. */
  confirmDiscard(next: 'new' | 'open'): void {
    this.closeDialog();
    switch (next) {
      case 'new':
        void this.createProject();
        return;
      case 'open':
        void this.chooseProjectToOpen();
        return;
      default:
        assertNever(next, 'discard continuation');
    }
  }

  closeDialog(): void {
    this.store.update((s) => update.setDialog(s, null));
  }

  async createProject(name: string = UNTITLED): Promise<void> {
    const request = ++this.projectRequest;
    const opened = await this.busy('Creating project…', () => this.studio.project.new({ name }));
    if (request !== this.projectRequest) return;
    if (!opened.ok) return this.fail('Creating a new project', opened.error);
    this.store.update((s) => update.setStatus(update.adoptProject(s, opened.value), 'info', `New project “${name}”`));
  }

  /** Native dialog where the host has one; otherwise the in-app path dialog with the recent list. */
  async chooseProjectToOpen(): Promise<void> {
    const picked = await this.studio.dialog.openProject({});
    if (picked.ok) {
      if (picked.value.path !== null) await this.openPath(picked.value.path);
      return;
    }
    if (picked.error.code !== 'no-native-dialog') return this.fail('Opening the file dialog', picked.error);
    const recent = await this.studio.project.recent({});
    // A broken recent list should not stop the user from typing a path.
    const entries = recent.ok ? recent.value : [];
    this.store.update((s) => update.setDialog(s, { kind: 'open-path', recent: entries }));
  }

  async openPath(path: string): Promise<void> {
    const request = ++this.projectRequest;
    const opened = await this.busy('Opening project…', () => this.studio.project.open({ path }));
    if (request !== this.projectRequest) return;
    if (!opened.ok) return this.fail(`Opening ${path}`, opened.error);
    const { document, migrationsApplied } = opened.value;
    const upgraded = migrationsApplied.length > 0 ? ` (upgraded from an older version: ${migrationsApplied.join(', ')})` : '';
    this.store.update((s) => update.setStatus(update.adoptProject(s, opened.value), 'info', `Opened “${document.name}”${upgraded}`));
  }

  async save(): Promise<void> {
    const { savedPath } = this.store.getState().session;
    if (savedPath === null) await this.saveAs();
    else await this.saveTo(savedPath);
  }

  async saveAs(): Promise<void> {
    const { document } = this.store.getState();
    if (document === null) return;
    const picked = await this.studio.dialog.saveProject({ suggestedName: document.name });
    if (picked.ok) {
      if (picked.value.path !== null) await this.saveTo(picked.value.path);
      return;
    }
    if (picked.error.code !== 'no-native-dialog') return this.fail('Opening the save dialog', picked.error);
    const projectsDir = this.store.getState().ephemeral.appInfo?.projectsDir ?? '';
    const fileName = `${fileNameFor(document.name)}.aniproj`;
    const initialPath = projectsDir === '' ? fileName : joinPath(projectsDir, fileName);
    this.store.update((s) => update.setDialog(s, { kind: 'save-path', initialPath }));
  }

  async saveTo(path: string): Promise<void> {
    const { document, session } = this.store.getState();
    if (document === null || session.workDir === null) return;
    const workDir = session.workDir;
    const saved = await this.busy('Saving…', () => this.studio.project.save({ workDir, path, document }));
    if (!saved.ok) return this.fail(`Saving to ${path}`, saved.error);
    const { savedPath } = saved.value;
    this.store.update((s) =>
      update.setStatus(update.setDialog(update.markSaved(s, document, saved.value.workDir, savedPath), null), 'info', `Saved to ${savedPath}`),
    );
  }

  /** Writes the recovery file; called on a timer while the project is dirty. */
  async autosave(): Promise<void> {
    const state = this.store.getState();
    const { document, session } = state;
    if (document === null || session.workDir === null || !isDirty(state) || document === session.autosavedDocument) return;
    const result = await this.studio.project.autosave({ workDir: session.workDir, document });
    if (!result.ok) return this.fail('Autosave', result.error);
    const time = new Date(result.value.savedAt).toLocaleTimeString();
    this.store.update((s) => update.setStatus(update.markAutosaved(s, document), 'info', `Autosaved at ${time}`));
  }

  restoreRecovery(): void {
    const { recovery } = this.store.getState().ephemeral;
    if (recovery === null) return;
    // The restored document differs from the saved one, so the project reads as dirty.
    this.store.update((s) => update.setStatus(update.replaceDocument(s, recovery.document), 'info', 'Restored unsaved changes'));
  }

  async discardRecovery(): Promise<void> {
    const { workDir } = this.store.getState().session;
    this.store.update(update.clearRecovery);
    if (workDir === null) return;
    const result = await this.studio.project.discardRecovery({ workDir });
    if (!result.ok) this.fail('Discarding the autosave', result.error);
    else this.store.update((s) => update.setStatus(s, 'info', 'Discarded the autosave'));
  }

  /** Imports a file the user picked or dropped; `role` is guessed from the file when not given. */
  async importFile(file: File, role: AssetRole | null = roleOfFile(file)): Promise<void> {
    if (role === null) {
      return this.fail(`Importing “${file.name}”`, { code: 'unsupported-media', message: 'It is neither an image nor an audio file. Drop a portrait photo (PNG, JPEG) or a voice recording (WAV, MP3).' });
    }
    if (file.size > MAX_IMPORT_BYTES) {
      return this.fail(`Importing “${file.name}”`, { code: 'too-large', message: `It is ${formatBytes(file.size)}; the limit is ${formatBytes(MAX_IMPORT_BYTES)}.` });
    }
    const { workDir } = this.store.getState().session;
    if (workDir === null) {
      return this.fail(`Importing “${file.name}”`, { code: 'unavailable', message: 'No project is open yet. Create or open a project first.' });
    }
    const imported = await this.busy(`Importing ${file.name}…`, async () => {
      let data: ArrayBuffer;
      try {
        data = await file.arrayBuffer();
      } catch (error) {
        return fail<AssetRef>('io-error', `The file could not be read (${String(error)}). Check that it still exists.`);
      }
      return this.studio.assets.import({ workDir, role, source: { kind: 'bytes', fileName: file.name, data } });
    });
    if (!imported.ok) return this.fail(`Importing “${file.name}”`, imported.error);
    // A project opened meanwhile has another workDir: the asset belongs to the old one.
    if (this.store.getState().session.workDir !== workDir) return;
    this.store.update((s) => update.setStatus(update.editDocument(s, adoptAsset(imported.value)), 'info', describeImport(imported.value)));
  }

  /** For failures found while drawing (an asset that cannot be read, peaks that fail). */
  reportError(action: string, error: StudioErrorInfo): void {
    this.fail(action, error);
  }

  dismissToast(id: number): void {
    this.store.update((s) => update.removeToast(s, id));
  }

  toggleLandmarks(): void {
    this.store.update((s) => ({ ...s, ephemeral: { ...s.ephemeral, showLandmarks: !s.ephemeral.showLandmarks } }));
  }

  setTimelineZoom(zoom: number): void {
    const timelineZoom = Math.min(MAX_TIMELINE_ZOOM, Math.max(1, zoom));
    this.store.update((s) => (s.session.timelineZoom === timelineZoom ? s : { ...s, session: { ...s.session, timelineZoom } }));
  }

  private fail(action: string, error: StudioErrorInfo): void {
    // Cancelling a dialog is the user's choice, not something to alarm them about.
    if (error.code === 'cancelled') this.store.update((s) => update.setStatus(s, 'info', `${action}: cancelled`));
    // With the connection gone the banner already explains; a toast per call would only repeat it.
    else if (error.code === 'unavailable' && this.store.getState().ephemeral.connection.state === 'closed') {
      this.store.update((s) => update.setStatus(s, 'error', `${action} failed: not connected to the studio service`));
    } else this.store.update((s) => update.addToast(s, 'error', `${action} failed: ${error.message}`));
  }

  private async busy<T>(label: string, work: () => Promise<T>): Promise<T> {
    this.store.update((s) => update.setBusy(s, label));
    try {
      return await work();
    } finally {
      this.store.update((s) => update.setBusy(s, null));
    }
  }
}

function describeImport(asset: AssetRef): string {
  const { media } = asset;
  switch (media.kind) {
    case 'image':
      return `Imported photo “${asset.originalName}” (${media.widthPx}×${media.heightPx} px)`;
    case 'audio':
      return `Imported audio “${asset.originalName}” (${media.durationSec.toFixed(2)} s, ${media.sampleRateHz} Hz)`;
    case 'pose-template':
      return `Head motion now follows the pose template “${asset.originalName}” (${media.frameCount} poses)`;
    case 'video':
      return `Head motion now follows the reference video “${asset.originalName}” (${media.durationSec.toFixed(1)} s)`;
    default:
      return assertNever(media, 'media kind');
  }
}
