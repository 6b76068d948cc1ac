import { audioDurationSec } from '../../src-shared/project/derived';
import { MAX_IMPORT_BYTES } from '../../src-shared/ipc/contract';
import type { StudioApi } from '../../src-shared/ipc/studio-api';
import type { AssetRef, AssetRole } from '../../src-shared/project/project-schema';
import type { Result } from '../../src-shared/util/result';
import { fail } from '../../src-shared/util/result';
import { assertNever } from '../../src-shared/util/assert-never';
import { formatBytes } from '../util/format';
import { roleOfFile } from '../util/file-role';
import { fileNameFor, joinPath } from '../util/path-join';
import { adoptAsset } from '../../src-shared/edits/document-edits';
import type { EditActions } from './edit-actions';
import type { Notifier } from './notifier';
import { isDirty } from './studio-state';
import type { StudioStore } from './studio-store';
import * as update from './store-updates';
import type { ViewActions } from './view-actions';

const UNTITLED = 'Untitled';

/**
 * The project's files (new, open, save, import, autosave, recovery), spoken only through the
 * contract. Every failure goes to the notifier (status bar and a toast); nothing here throws.
 * Document changes go through the edit entry point (EditActions), dialogs through ViewActions.
 */
export class ProjectFiles {
  /**
   * Counts New/Open requests. Only the latest one may replace the open project: the automatic
   * untitled project must not land on top of a project the user opened while it was created.
   */
  private projectRequest = 0;

  constructor(
    private readonly studio: StudioApi,
    private readonly store: StudioStore,
    private readonly edits: EditActions,
    private readonly notifier: Notifier,
    private readonly view: ViewActions,
  ) {}

  /** App start: host info for the status bar, then an untitled project so imports work at once. */
  async start(): Promise<void> {
    const info = await this.studio.app.info({});
    if (!info.ok) {
      this.notifier.fail('Connecting to the studio service', info.error);
      return;
    }
    const { host, appVersion } = info.value;
    this.store.update((s) => update.setStatus({ ...s, ephemeral: { ...s.ephemeral, appInfo: info.value } }, 'info', `AniPortrait Studio ${appVersion} (${host} host)`));
    await this.createProject();
  }

  requestNew(): void {
    if (isDirty(this.store.getState())) this.view.openDialog({ kind: 'confirm-discard', next: 'new' });
    else void this.createProject();
  }

  requestOpen(): void {
    if (isDirty(this.store.getState())) this.view.openDialog({ kind: 'confirm-discard', next: 'open' });
    else void this.chooseProjectToOpen();
  }

  /** The user agreed to lose unsaved changes: carry on with what they asked for. */
  confirmDiscard(next: 'new' | 'open'): void {
    this.view.closeDialog();
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

  async createProject(name: string = UNTITLED): Promise<void> {
    const request = ++this.projectRequest;
    const opened = await this.notifier.busy('Creating project…', () => this.studio.project.new({ name }));
    if (request !== this.projectRequest) return;
    if (!opened.ok) return this.notifier.fail('Creating a new project', opened.error);
    this.store.update((s) => update.setStatus(update.adoptProject(s, opened.value), 'info', `New project “${name}”`));
  }

  /** Native dialog where the host has one; otherwise the in-app path dialog with the recent list. */
  async chooseProjectToOpen(): Promise<void> {
    const picked = await this.studio.dialog.openProject({});
    if (picked.ok) {
      if (picked.value.path !== null) await this.openPath(picked.value.path);
      return;
    }
    if (picked.error.code !== 'no-native-dialog') return this.notifier.fail('Opening the file dialog', picked.error);
    const recent = await this.studio.project.recent({});
    // A broken recent list should not stop the user from typing a path.
    const entries = recent.ok ? recent.value : [];
    this.view.openDialog({ kind: 'open-path', recent: entries });
  }

  async openPath(path: string): Promise<void> {
    const request = ++this.projectRequest;
    const opened = await this.notifier.busy('Opening project…', () => this.studio.project.open({ path }));
    if (request !== this.projectRequest) return;
    if (!opened.ok) return this.notifier.fail(`Opening ${path}`, opened.error);
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
    if (picked.error.code !== 'no-native-dialog') return this.notifier.fail('Opening the save dialog', picked.error);
    const projectsDir = this.store.getState().ephemeral.appInfo?.projectsDir ?? '';
    const fileName = `${fileNameFor(document.name)}.aniproj`;
    const initialPath = projectsDir === '' ? fileName : joinPath(projectsDir, fileName);
    this.view.openDialog({ kind: 'save-path', initialPath });
  }

  async saveTo(path: string): Promise<void> {
    const { document, session } = this.store.getState();
    if (document === null || session.workDir === null) return;
    const workDir = session.workDir;
    const saved = await this.notifier.busy('Saving…', () => this.studio.project.save({ workDir, path, document }));
    if (!saved.ok) return this.notifier.fail(`Saving to ${path}`, saved.error);
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
    if (!result.ok) return this.notifier.fail('Autosave', result.error);
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
    if (!result.ok) this.notifier.fail('Discarding the autosave', result.error);
    else this.notifier.info('Discarded the autosave');
  }

  /** Imports a file the user picked or dropped; `role` is guessed from the file when not given. */
  async importFile(file: File, role: AssetRole | null = roleOfFile(file)): Promise<void> {
    if (role === null) {
      return this.notifier.fail(`Importing “${file.name}”`, { code: 'unsupported-media', message: 'It is neither an image nor an audio file. Drop a portrait photo (PNG, JPEG) or a voice recording (WAV, MP3).' });
    }
    if (file.size > MAX_IMPORT_BYTES) {
      return this.notifier.fail(`Importing “${file.name}”`, { code: 'too-large', message: `It is ${formatBytes(file.size)}; the limit is ${formatBytes(MAX_IMPORT_BYTES)}.` });
    }
    const { workDir } = this.store.getState().session;
    if (workDir === null) {
      return this.notifier.fail(`Importing “${file.name}”`, { code: 'unavailable', message: 'No project is open yet. Create or open a project first.' });
    }
    let data: ArrayBuffer | undefined;
    const importAs = (as: AssetRole) =>
      this.notifier.busy(`Importing ${file.name}…`, async () => {
        try {
          data ??= await file.arrayBuffer();
        } catch (error) {
          return fail<AssetRef>('io-error', `The file could not be read (${String(error)}). Check that it still exists.`);
        }
        return this.studio.assets.import({ workDir, role: as, source: { kind: 'bytes', fileName: file.name, data } });
      });
    const imported = await importAs(role);
    if (!imported.ok) return this.notifier.fail(`Importing “${file.name}”`, imported.error);
    // A project opened meanwhile has another workDir: the asset belongs to the old one.
    if (this.store.getState().session.workDir !== workDir) return;
    this.edits.edit(adoptAsset(imported.value));
    this.notifier.info(describeImport(imported.value));
    if (role === 'performance-video') await this.adoptPerformanceAudio(file.name, workDir, importAs);
  }

  /** A performance's own audio becomes the project's voice (a video without sound keeps the voice there is). */
  private async adoptPerformanceAudio(name: string, workDir: string, importAs: (role: AssetRole) => Promise<Result<AssetRef>>): Promise<void> {
    const audio = await importAs('audio');
    if (this.store.getState().session.workDir !== workDir) return;
    if (!audio.ok) return this.notifier.fail(`Using the sound of “${name}”`, { ...audio.error, message: `${audio.error.message} The project keeps its current voice; import one to replace it.` });
    this.edits.edit(adoptAsset(audio.value));
  }
}

function describeImport(asset: AssetRef): string {
  const { media } = asset;
  switch (media.kind) {
    case 'image':
      return `Imported photo “${asset.originalName}” (${media.widthPx}×${media.heightPx} px)`;
    case 'audio':
      return `Imported audio “${asset.originalName}” (${audioDurationSec(media.analysisSampleCount).toFixed(2)} s, ${media.sampleRateHz} Hz)`;
    case 'pose-template':
      return `Head motion now follows the pose template “${asset.originalName}” (${media.frameCount} poses)`;
    case 'video':
      return asset.role === 'performance-video'
        ? `The photo now performs the video “${asset.originalName}” (${media.durationSec.toFixed(1)} s)`
        : `Head motion now follows the reference video “${asset.originalName}” (${media.durationSec.toFixed(1)} s)`;
    default:
      return assertNever(media, 'media kind');
  }
}
