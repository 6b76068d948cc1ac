import { homedir } from 'node:os';
import { dirname, resolve } from 'node:path';
import { FileBrowser, ensureParentFolder } from '../files/file-browser.js';
import type { BrowseRoot } from '../files/file-browser.js';
import { StudioSettingsStore } from '../files/studio-settings-store.js';
import type { CallContext, Handlers } from '../ipc/router.js';
import { AssetService } from '../project/asset-service.js';
import { ProjectService } from '../project/project-service.js';
import type { DataDirs } from '../util/data-dirs.js';
import type { HostKind } from './app-info.js';
import { collectAppInfo } from './app-info.js';
import type { Dialogs } from './dialogs.js';
import { defaultModelsDir } from './model-status.js';
import { JobRegistry } from './job-registry.js';
import { PreviewService } from './preview-service.js';
import { QueueService } from './queue-service.js';
import { StudioPipeline } from './studio-pipeline.js';
import { WriteGrants } from './write-grants.js';
import type { StorageFolderRules } from './storage-folder-choice.js';
import { checkStorageFolder } from './storage-folder-choice.js';
import { detectPreviewFace } from './capture-service.js';
import { PROJECT_EXTENSION } from '../project/project-files.js';
import { CHANNEL, PUSH_CHANNEL } from '../../src-shared/ipc/contract.js';
import { documentForExport } from '../../src-shared/project/export-document.js';
import { loadCanonicalFace } from '../face/canonical-face.js';

export interface ServicesOptions {
  readonly host: HostKind;
  readonly dirs: DataDirs;
  readonly dialogs: Dialogs;
  readonly modelsDir?: string;
  /** Where the in-app file browser may go; defaults to the home folder and the data folder (docs/studio-usability.md §2). */
  readonly browseRoots?: readonly BrowseRoot[];
  /** The one settings store (the Electron host shares it with its dialogs); defaults to one on the data folder. */
  readonly settings?: StudioSettingsStore;
}

/** The file browser's roots: the user's home folder and the studio's data folder. */
export function defaultBrowseRoots(dirs: DataDirs): BrowseRoot[] {
  return [
    { name: 'Home', path: homedir() },
    { name: 'Studio data', path: dirs.dataDir },
  ];
}

/** The services of the contract, independent of their transport; every host wires these same handlers. */
export function createStudioHandlers(options: ServicesOptions): Handlers {
  const { host, dirs, dialogs } = options;
  const modelsDir = options.modelsDir ?? defaultModelsDir(dirs.dataDir);
  const projects = new ProjectService(dirs.dataDir);
  const grantedPaths = new Set<string>();
  // Electron has save dialogs: its windows write only where the user chose in one.
  const writes = new WriteGrants(host === 'electron');
  const assets = new AssetService(projects, grantedPaths);
  const pipeline = new StudioPipeline(assets, modelsDir);
  const preview = new PreviewService(pipeline);
  const jobs = new JobRegistry();
  const settings = options.settings ?? new StudioSettingsStore(dirs.dataDir);
  const queue = new QueueService(dirs.dataDir, settings, pipeline);
  void queue.resume();
  const browser = new FileBrowser(options.browseRoots ?? defaultBrowseRoots(dirs));
  const storageRules: StorageFolderRules = { defaultDir: queue.defaultStorageDir, current: () => queue.savedStorageDir(), grants: writes, nativeDialogs: host === 'electron', browser };
  /** The folder a file was saved to or opened from goes first in the file browser's recent folders. */
  const rememberFolder = async (folder: string) => {
    const { recentFolders } = await settings.get();
    await settings.update({ recentFolders: [folder, ...recentFolders.filter((f) => f !== folder)] });
  };
  const reporter = (jobId: string, push: CallContext['push'], frames: () => { done: number; total: number } | undefined = () => undefined) => (fraction: number, message: string) => {
    const counted = frames();
    push(PUSH_CHANNEL.jobsDidProgress, { jobId, fraction: Math.min(1, Math.max(0, fraction)), message, ...(counted ? { frames: counted } : {}) });
  };

  return {
    [CHANNEL.appInfo]: () => Promise.resolve(collectAppInfo(host, dirs, modelsDir)),
    [CHANNEL.appSetDirty]: ({ dirty }) => {
      dialogs.setDocumentDirty(dirty);
      return Promise.resolve({});
    },
    [CHANNEL.appCloseWindow]: async () => {
      await dialogs.closeWindow();
      return {};
    },
    [CHANNEL.projectNew]: ({ name }) => projects.create(name),
    [CHANNEL.projectOpen]: async ({ path }) => {
      const opened = await projects.open(path);
      await rememberFolder(dirname(opened.workDir));
      return opened;
    },
    [CHANNEL.projectSave]: async ({ workDir, path, document, createFolders }) => {
      if (resolve(path) !== resolve(workDir)) writes.check(path, 'The project folder', 'Use Save As to choose it.');
      const saved = await projects.save(workDir, path, document, new Date(), createFolders === true);
      await rememberFolder(dirname(saved.savedPath));
      return saved;
    },
    [CHANNEL.projectListUntitled]: () => projects.listUntitled(),
    [CHANNEL.projectOpenUntitled]: ({ workDir }) => projects.openUntitled(workDir),
    [CHANNEL.projectDiscardUntitled]: async ({ workDir }) => {
      await projects.discardUntitled(workDir);
      return {};
    },
    [CHANNEL.filesList]: ({ path, extensions }) => browser.list(path, extensions),
    [CHANNEL.filesMakeFolder]: ({ parent, name }) => browser.makeFolder(parent, name),
    [CHANNEL.settingsGet]: () => settings.get(),
    [CHANNEL.settingsUpdate]: (patch) => settings.update(patch),
    [CHANNEL.projectAutosave]: ({ workDir, document }) => projects.autosave(workDir, document),
    [CHANNEL.projectDiscardRecovery]: async ({ workDir }) => {
      await projects.discardRecovery(workDir);
      return {};
    },
    [CHANNEL.projectRecent]: () => projects.listRecent(),
    [CHANNEL.assetsImport]: ({ workDir, role, source }) => assets.import(workDir, role, source),
    [CHANNEL.assetsRead]: ({ workDir, relPath }) => assets.read(workDir, relPath),
    [CHANNEL.audioPeaks]: ({ workDir, relPath, peaksPerSec }, { signal }) => assets.peaks(workDir, relPath, peaksPerSec, signal),
    [CHANNEL.trackGenerate]: ({ workDir, document, jobId }, { signal, push }) =>
      jobs.run(jobId, signal, async (jobSignal) => {
        projects.checkWorkDir(workDir);
        const prepared = await pipeline.track(pipeline.job(workDir, document), reporter(jobId, push), jobSignal);
        const { rig, generated } = prepared;
        return {
          rig: { imageWidthPx: rig.imageWidthPx, imageHeightPx: rig.imageHeightPx, lmks3dCm: Float32Array.from(rig.lmks3dCm), transMat: Float64Array.from(rig.transMat), landmarks2dPx: Float32Array.from(rig.landmarks2dPx) },
          // The track's own arrays, in the layout both sides use (the host's envelope copies them on the way out).
          track: { fps: generated.fps, frameCount: generated.frameCount, params: onHeap(generated.paramValues), poses: onHeap(generated.poses), ...(generated.meshOffsetsCm ? { meshOffsetsCm: onHeap(generated.meshOffsetsCm) } : {}) },
          warnings: [...prepared.warnings],
        };
      }),
    [CHANNEL.faceMesh]: () => Promise.resolve({ triangles: Uint32Array.from(loadCanonicalFace().triangles) }),
    [CHANNEL.exportVideo]: ({ workDir, document, jobId, outPath, options, createFolders }, { signal, push }) =>
      jobs.run(jobId, signal, async (jobSignal) => {
        projects.checkWorkDir(workDir);
        writes.check(outPath, 'The video', 'Choose where to save it with Browse….');
        await ensureParentFolder(outPath, createFolders === true, 'Exporting the video');
        const job = pipeline.job(workDir, documentForExport(document, options));
        let frames: { done: number; total: number } | undefined;
        const onFrames = (done: number, total: number) => {
          frames = { done, total };
        };
        const { frameCount, durationSec, warnings } = await pipeline.export(job, resolve(outPath), { signal: jobSignal, onProgress: reporter(jobId, push, () => frames), onFrames });
        await rememberFolder(dirname(resolve(outPath)));
        return { outPath: resolve(outPath), frameCount, durationSec, warnings };
      }),
    [CHANNEL.jobsCancel]: ({ jobId }) => {
      jobs.cancel(jobId);
      return Promise.resolve({});
    },
    [CHANNEL.shellReveal]: async ({ path }) => {
      await dialogs.revealFile(resolve(path));
      return {};
    },
    [CHANNEL.previewSetDocument]: ({ previewId, revision, workDir, document }) => {
      preview.setDocument(previewId, revision, projects.checkWorkDir(workDir), document);
      return Promise.resolve({});
    },
    [CHANNEL.previewRenderFrame]: ({ previewId, revision, frameIndex, targetWidthPx }, { signal }) => preview.renderFrame(previewId, revision, frameIndex, targetWidthPx, signal),
    [CHANNEL.queueSettings]: () => queue.getSettings(),
    [CHANNEL.queueSetSettings]: async (queueSettings) => queue.setSettings({ ...queueSettings, storageDir: await checkStorageFolder(queueSettings.storageDir, storageRules) }),
    [CHANNEL.queueSubmit]: async ({ workDir, document, outName, priority }) => {
      projects.checkWorkDir(workDir);
      return { jobId: await queue.submit(workDir, document, outName, priority) };
    },
    [CHANNEL.queueList]: () => queue.list(),
    [CHANNEL.queueCancel]: async ({ jobId }) => ({ outcome: await queue.cancel(jobId) }),
    [CHANNEL.queueRetry]: async ({ jobId }) => {
      await queue.retry(jobId);
      return {};
    },
    [CHANNEL.queueWatch]: ({ watchId }, { signal, push }) =>
      jobs.run(watchId, signal, async (watchSignal) => {
        await queue.watch(watchSignal, (list) => push(PUSH_CHANNEL.queueDidChange, { watchId, ...list }));
        return {};
      }),
    [CHANNEL.queueReadOutput]: ({ jobId }) => queue.readOutput(jobId),
    [CHANNEL.captureDetectFace]: ({ widthPx, heightPx, rgba }) => detectPreviewFace(rgba, widthPx, heightPx),
    [CHANNEL.dialogOpenProject]: async () => ({ path: await dialogs.openProject() }),
    [CHANNEL.dialogSaveProject]: async ({ suggestedName }) => ({ path: writes.grant(await dialogs.saveProject(suggestedName), PROJECT_EXTENSION) }),
    [CHANNEL.dialogSaveVideo]: async ({ suggestedName }) => ({ path: writes.grant(await dialogs.saveVideo(suggestedName)) }),
    [CHANNEL.dialogPickFolder]: async () => ({ path: writes.grant(await dialogs.pickFolder('Choose the farm storage folder')) }),
    [CHANNEL.dialogPickMedia]: async ({ role }) => {
      const path = await dialogs.pickMedia(role);
      if (path !== null) grantedPaths.add(resolve(path));
      return { path };
    },
  };
}

/** Engines' typed arrays are on ordinary ArrayBuffers (never shared memory), as the contract's schemas say. */
function onHeap(values: Float32Array): Float32Array<ArrayBuffer> {
  return values as Float32Array<ArrayBuffer>;
}
