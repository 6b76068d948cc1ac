import { resolve } from 'node:path';
import type { Handlers } from '../ipc/router.js';
import { AssetService } from '../project/asset-service.js';
import { ProjectService } from '../project/project-service.js';
import type { DataDirs } from '../util/data-dirs.js';
import type { HostKind } from './app-info.js';
import { collectAppInfo } from './app-info.js';
import type { Dialogs } from './dialogs.js';
import { defaultModelsDir } from './model-status.js';
import { PreviewService } from './preview-service.js';

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
  const assets = new AssetService(projects, grantedPaths);
  const preview = new PreviewService(assets);

  return {
    'app:info': () => Promise.resolve(collectAppInfo(host, dirs, modelsDir)),
    'app:set-dirty': ({ dirty }) => {
      dialogs.setDocumentDirty(dirty);
      return Promise.resolve({});
    },
    'project:new': ({ name }) => projects.create(name),
    'project:open': ({ path }) => projects.open(path),
    'project:save': ({ workDir, path, document }) => projects.save(workDir, path, document),
    'project:autosave': ({ workDir, document }) => projects.autosave(workDir, document),
    'project:discard-recovery': async ({ workDir }) => {
      await projects.discardRecovery(workDir);
      return {};
    },
    'project:recent': () => projects.listRecent(),
    'assets:import': ({ workDir, role, source }) => assets.import(workDir, role, source),
    'assets:read': ({ workDir, relPath }) => assets.read(workDir, relPath),
    'audio:peaks': ({ workDir, relPath, peaksPerSec }, { signal }) => assets.peaks(workDir, relPath, peaksPerSec, signal),
    'preview:render-frame': ({ workDir, document, frameIndex }) => preview.renderFrame(workDir, document, frameIndex),
    'dialog:open-project': async () => ({ path: await dialogs.openProject() }),
    'dialog:save-project': async ({ suggestedName }) => ({ path: await dialogs.saveProject(suggestedName) }),
    'dialog:pick-media': async ({ role }) => {
      const path = await dialogs.pickMedia(role);
      if (path !== null) grantedPaths.add(resolve(path));
      return { path };
    },
  };
}
