import { resolve } from 'node:path';
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
  const queue = new QueueService(dirs.dataDir, pipeline);
  void queue.resume();
  const reporter = (jobId: string, push: CallContext['push']) => (fraction: number, message: string) =>
    push(PUSH_CHANNEL.jobsDidProgress, { jobId, fraction: Math.min(1, Math.max(0, fraction)), message });

  return {
    [CHANNEL.appInfo]: () => Promise.resolve(collectAppInfo(host, dirs, modelsDir)),
    [CHANNEL.appSetDirty]: ({ dirty }) => {
      dialogs.setDocumentDirty(dirty);
      return Promise.resolve({});
    },
    [CHANNEL.projectNew]: ({ name }) => projects.create(name),
    [CHANNEL.projectOpen]: ({ path }) => projects.open(path),
    [CHANNEL.projectSave]: ({ workDir, path, document }) => {
      if (resolve(path) !== resolve(workDir)) writes.check(path, 'The project folder', 'Use Save As to choose it.');
      return projects.save(workDir, path, document);
    },
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
    [CHANNEL.exportVideo]: ({ workDir, document, jobId, outPath, options }, { signal, push }) =>
      jobs.run(jobId, signal, async (jobSignal) => {
        projects.checkWorkDir(workDir);
        writes.check(outPath, 'The video', 'Choose where to save it with Browse….');
        const job = pipeline.job(workDir, documentForExport(document, options));
        const { frameCount, durationSec, warnings } = await pipeline.export(job, resolve(outPath), { signal: jobSignal, onProgress: reporter(jobId, push) });
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
    [CHANNEL.previewRenderFrame]: ({ previewId, revision, frameIndex, targetWidthPx }) => preview.renderFrame(previewId, revision, frameIndex, targetWidthPx),
    [CHANNEL.queueSettings]: () => queue.getSettings(),
    [CHANNEL.queueSetSettings]: (settings) => queue.setSettings(settings),
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
    [CHANNEL.captureDetectFace]: ({ widthPx, heightPx, rgba }) => detectPreviewFace(rgba, widthPx, heightPx),
    [CHANNEL.dialogOpenProject]: async () => ({ path: await dialogs.openProject() }),
    [CHANNEL.dialogSaveProject]: async ({ suggestedName }) => ({ path: writes.grant(await dialogs.saveProject(suggestedName), PROJECT_EXTENSION) }),
    [CHANNEL.dialogSaveVideo]: async ({ suggestedName }) => ({ path: writes.grant(await dialogs.saveVideo(suggestedName)) }),
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
