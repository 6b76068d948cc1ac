import { audioDurationSec } from '../../src-shared/project/derived';
import { MAX_IMPORT_BYTES } from '../../src-shared/ipc/contract';
import type { StudioApi } from '../../src-shared/ipc/studio-api';
import type { AssetRef, AssetRole } from '../../src-shared/project/project-schema';
import type { Result } from '../../src-shared/util/result';
import type { UntitledRecovery } from '../../src-shared/ipc/contract';
import { fail } from '../../src-shared/util/result';
import { assertNever } from '../../src-shared/util/assert-never';
import { formatBytes } from '../util/format';
import { roleOfFile } from '../util/file-role';
import { fileNameFor, joinPath } from '../util/path-join';
import { adoptAsset } from '../../src-shared/edits/document-edits';
import type { EditActions } from './edit-actions';
import type { Notifier } from './notifier';
import type { Continuation } from './studio-state';
import { isDirty } from './studio-state';
import type { StudioSettingsActions } from './studio-settings';
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
    private readonly settings: StudioSettingsActions,
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
    await this.settings.load();
    await this.createProject();
    // Work a reload or a crash took before it was ever saved: offered back, as editors do.
    const untitled = await this.listUntitled();
    if (untitled.length > 0 && this.store.getState().ephemeral.dialog === null) this.view.openDialog({ kind: 'recover-untitled', entries: untitled });
  }

  /** Untitled projects with an autosave, other than the one open now. */
  async listUntitled(): Promise<UntitledRecovery[]> {
    const listed = await this.studio.project.listUntitled({});
    if (!listed.ok) {
      this.notifier.fail('Looking for unsaved untitled projects', listed.error);
      return [];
    }
    const { workDir } = this.store.getState().session;
    return listed.value.filter((entry) => entry.workDir !== workDir);
  }

  /** Opens an untitled project's autosave as the open project (dirty until saved). */
  async recoverUntitled(workDir: string): Promise<void> {
    const request = ++this.projectRequest;
    const opened = await this.notifier.busy('Recovering project…', () => this.studio.project.openUntitled({ workDir }));
    if (request !== this.projectRequest) return;
    if (!opened.ok) return this.notifier.fail('Recovering the untitled project', opened.error);
    const { recovery } = opened.value;
    this.store.update((s) => {
      const adopted = update.adoptProject(s, opened.value);
      const restored = recovery === null ? adopted : update.markAutosaved(update.replaceDocument(adopted, recovery.document), recovery.document, recovery.savedAt);
      return update.setDialog(restored, null);
    });
    this.notifier.announce(`Recovered “${recovery?.document.name ?? opened.value.document.name}”: save it to keep it`);
  }

  /** Deletes an untitled project's autosave and files; answers what is still recoverable. */
  async discardUntitled(workDir: string): Promise<UntitledRecovery[]> {
    const result = await this.studio.project.discardUntitled({ workDir });
    if (!result.ok) this.notifier.fail('Discarding the untitled project', result.error);
    return this.listUntitled();
  }

  requestNew(): void {
    if (isDirty(this.store.getState())) this.view.openDialog({ kind: 'confirm-discard', next: 'new' });
    else void this.createProject();
  }

  requestOpen(): void {
    if (isDirty(this.store.getState())) this.view.openDialog({ kind: 'confirm-discard', next: 'open' });
    else void this.chooseProjectToOpen();
  }

  /** "Save" in the unsaved-changes question: save (choosing where, if untitled), then carry on. */
  async saveThen(next: Continuation): Promise<void> {
    const { savedPath } = this.store.getState().session;
    if (savedPath === null) {
      await this.saveAs(next);
      return;
    }
    if (await this.saveTo(savedPath)) this.confirmDiscard(next);
  }

  /** The user agreed to lose unsaved changes (or saved them): carry on with what they asked for. */
  confirmDiscard(next: Continuation): void {
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
    this.view.openDialog({ kind: 'open-path', recent: entries, untitled: await this.listUntitled() });
  }

  async openPath(path: string): Promise<void> {
    const request = ++this.projectRequest;
    const opened = await this.notifier.busy('Opening project…', () => this.studio.project.open({ path }));
    if (request !== this.projectRequest) return;
    if (!opened.ok) return this.notifier.fail(`Opening ${path}`, opened.error);
    const { document, migrationsApplied } = opened.value;
    const upgraded = migrationsApplied.length > 0 ? ` (upgraded from an older version: ${migrationsApplied.join(', ')})` : '';
    this.store.update((s) => update.setStatus(update.adoptProject(s, opened.value), 'info', `Opened “${document.name}”${upgraded}`));
    void this.settings.reload();
  }

  /** Save in Electron's close question: save (choosing where, if untitled), then close the window once nothing is unsaved. */
  async saveAndClose(): Promise<void> {
    await this.save();
    if (isDirty(this.store.getState())) return;
    const closed = await this.studio.app.closeWindow({});
    if (!closed.ok) this.notifier.fail('Closing the window', closed.error);
  }

  async save(): Promise<void> {
    const { savedPath } = this.store.getState().session;
    if (savedPath === null) await this.saveAs();
    else await this.saveTo(savedPath);
  }

  /** Where to save: the native dialog, or the in-app file browser; `then` runs after a successful save. */
  async saveAs(then: Continuation | null = null): Promise<void> {
    const { document } = this.store.getState();
    if (document === null) return;
    const picked = await this.studio.dialog.saveProject({ suggestedName: document.name });
    if (picked.ok) {
      if (picked.value.path !== null && (await this.saveTo(picked.value.path)) && then !== null) this.confirmDiscard(then);
      return;
    }
    if (picked.error.code !== 'no-native-dialog') return this.notifier.fail('Opening the save dialog', picked.error);
    const state = this.store.getState();
    const folder = state.ephemeral.settings?.recentFolders[0] ?? state.ephemeral.appInfo?.projectsDir ?? '';
    const fileName = `${fileNameFor(document.name)}.aniproj`;
    const initialPath = folder === '' ? fileName : joinPath(folder, fileName);
    this.view.openDialog({ kind: 'save-path', initialPath, then, missingFolder: null });
  }

  /**
   * Saves to `path`; true when saved. A missing folder is created only with `createFolders` (the
   * user agreed in the save dialog); without it the dialog asks.
   */
  async saveTo(path: string, createFolders = false): Promise<boolean> {
    const { document, session, ephemeral } = this.store.getState();
    if (document === null || session.workDir === null) return false;
    const workDir = session.workDir;
    const saved = await this.notifier.busy('Saving…', () => this.studio.project.save({ workDir, path, document, createFolders }));
    if (!saved.ok) {
      const dialog = ephemeral.dialog;
      if (saved.error.code === 'missing-folder' && dialog?.kind === 'save-path') {
        this.view.openDialog({ ...dialog, initialPath: path, missingFolder: saved.error.message });
        return false;
      }
      this.notifier.fail(`Saving to ${path}`, saved.error);
      return false;
    }
    const { savedPath } = saved.value;
    const then = ephemeral.dialog?.kind === 'save-path' ? ephemeral.dialog.then : null;
    this.store.update((s) => update.setDialog(update.markSaved(s, document, saved.value.workDir, savedPath), null));
    this.notifier.announce(`Saved to ${savedPath}`);
    void this.settings.reload();
    if (then !== null) this.confirmDiscard(then);
    return true;
  }

  /** Writes the recovery file; called on a timer while the project is dirty. */
  async autosave(): Promise<void> {
    const state = this.store.getState();
    const { document, session } = state;
    if (document === null || session.workDir === null || !isDirty(state) || document === session.autosavedDocument) return;
    const result = await this.studio.project.autosave({ workDir: session.workDir, document });
    if (!result.ok) return this.notifier.fail('Autosave', result.error);
    // The title and the status bar say it ("Unsaved changes (autosaved 19:35)"); the message line is left alone.
    this.store.update((s) => update.markAutosaved(s, document, result.value.savedAt));
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
      return this.notifier.fail(`Importing “${file.name}”`, { code: 'unsupported-media', message: 'It is neither an image nor an audio file. Drop a portrait photo (PNG, JPEG, WebP) or a voice recording (WAV, MP3).' });
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
    const small = smallPhotoAdvice(imported.value);
    if (small !== null) this.notifier.announce(small);
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

/** Below this shorter side (px) a photo is upscaled so much that the video looks blurry, and the face may not be found. */
const SMALL_PHOTO_SIDE_PX = 256;

/** A word at import for a photo too small to animate well (it is kept: the user may know better). */
export function smallPhotoAdvice(asset: AssetRef): string | null {
  const { media } = asset;
  if (media.kind !== 'image' || Math.min(media.widthPx, media.heightPx) >= SMALL_PHOTO_SIDE_PX) return null;
  return `“${asset.originalName}” is only ${media.widthPx}×${media.heightPx} px: the video will look blurry, and the face may not be found. A photo at least ${SMALL_PHOTO_SIDE_PX} px on its shorter side works better.`;
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
