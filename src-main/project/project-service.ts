import { copyFile, lstat, mkdir, readdir, rm, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { OpenedProject } from '../../src-shared/ipc/contract.js';
import { createProject } from '../../src-shared/project/create-project.js';
import type { ProjectDocument } from '../../src-shared/project/project-schema.js';
import { StudioError } from '../../src-shared/util/result.js';
import { toStudioFsError } from '../util/fs-errors.js';
import {
  ASSETS_DIR,
  DOCUMENT_FILE,
  PROJECT_EXTENSION,
  RECOVERY_FILE,
  readProjectDocument,
  readRecovery,
  toProjectDir,
  writeProjectDocument,
  writeRecovery,
} from './project-files.js';
import type { RecentProject } from './recent-projects.js';
import { RecentProjects } from './recent-projects.js';
import { deepestReal, isInside } from '../util/real-paths.js';
import { realPathInside } from './real-path-inside.js';
import type { UntitledRecovery } from '../../src-shared/ipc/contract.js';
import { checkUntitledDir, discardUntitled, listUntitledRecoveries } from './untitled-projects.js';
import { ensureParentFolder } from '../files/file-browser.js';

/**
 * Project bundles on disk. Every request names a project by its working folder (`workDir`), and
 * only folders this service handed out are accepted: the UI is untrusted and must not make the
 * services write anywhere else.
 */
export class ProjectService {
  private readonly workDirs = new Set<string>();
  private readonly untitledRoot: string;
  private readonly recent: RecentProjects;

  constructor(dataDir: string) {
    this.untitledRoot = join(dataDir, 'untitled');
    this.recent = new RecentProjects(dataDir);
  }

  /** An untitled project in the data folder, where imports land until the first save. */
  async create(name: string): Promise<OpenedProject> {
    const document = createProject(name);
    const workDir = join(this.untitledRoot, `${document.id}${PROJECT_EXTENSION}`);
    try {
      await mkdir(join(workDir, ASSETS_DIR), { recursive: true });
      await writeProjectDocument(workDir, document);
    } catch (error) {
      throw toStudioFsError(error, `the untitled project folder "${workDir}"`);
    }
    this.workDirs.add(workDir);
    return { workDir, savedPath: null, document, migrationsApplied: [], recovery: null };
  }

  /**
   * Untitled projects with an autosave. Those this service handed out count too: a reloaded page
   * lost its project though the service still knows it (the page leaves out its own).
   */
  listUntitled(): Promise<UntitledRecovery[]> {
    return listUntitledRecoveries(this.untitledRoot);
  }

  /** Opens an untitled project found by listUntitled; its autosave is offered as the recovery. */
  async openUntitled(workDir: string): Promise<OpenedProject> {
    const dir = checkUntitledDir(this.untitledRoot, workDir);
    const migrated = await readProjectDocument(dir);
    const recovery = await readRecovery(dir);
    this.workDirs.add(dir);
    return { workDir: dir, savedPath: null, document: migrated.document, migrationsApplied: [...migrated.applied], recovery };
  }

  async discardUntitled(workDir: string): Promise<void> {
    const dir = checkUntitledDir(this.untitledRoot, workDir);
    await discardUntitled(this.untitledRoot, dir);
    this.workDirs.delete(dir);
  }

  async open(path: string): Promise<OpenedProject> {
    const projectDir = toProjectDir(path);
    const migrated = await readProjectDocument(projectDir);
    const recovery = await readRecovery(projectDir);
    const savedAtMs = (await stat(join(projectDir, DOCUMENT_FILE))).mtimeMs;
    this.workDirs.add(projectDir);
    await this.recent.add(projectDir, migrated.document.name);
    return {
      workDir: projectDir,
      savedPath: projectDir,
      document: migrated.document,
      migrationsApplied: [...migrated.applied],
      recovery: recovery && Date.parse(recovery.savedAt) > savedAtMs ? recovery : null,
    };
  }

  /** Saves to `path`; a path other than workDir is a save-as that copies the assets along. */
  async save(workDir: string, path: string, document: ProjectDocument, now: Date = new Date(), createFolders = false): Promise<{ workDir: string; savedPath: string; savedAt: string }> {
    const from = this.checkWorkDir(workDir);
    const target = resolve(path.endsWith(PROJECT_EXTENSION) ? path : `${path}${PROJECT_EXTENSION}`);
    const saved: ProjectDocument = { ...document, modifiedAt: now.toISOString() };
    if (target !== from) {
      checkTargetOutside(from, target);
      await checkAssetsCopyable(from, document);
      // A missing folder is created only when the user agreed (the same rule as an export's).
      await ensureParentFolder(target, createFolders, 'Saving the project');
      await prepareTarget(target);
      await copyAssets(from, target, document);
    }
    await writeProjectDocument(target, saved);
    await rm(join(target, RECOVERY_FILE), { force: true });
    this.workDirs.add(target);
    if (target !== from && from.startsWith(this.untitledRoot)) {
      // The untitled folder's content now lives in the saved project.
      await rm(from, { recursive: true, force: true });
      this.workDirs.delete(from);
    }
    await this.recent.add(target, saved.name);
    return { workDir: target, savedPath: target, savedAt: saved.modifiedAt };
  }

  async autosave(workDir: string, document: ProjectDocument, now: Date = new Date()): Promise<{ savedAt: string }> {
    const dir = this.checkWorkDir(workDir);
    const savedAt = now.toISOString();
    await writeRecovery(dir, { savedAt, document });
    return { savedAt };
  }

  async discardRecovery(workDir: string): Promise<void> {
    await rm(join(this.checkWorkDir(workDir), RECOVERY_FILE), { force: true });
  }

  listRecent(): Promise<RecentProject[]> {
    return this.recent.list();
  }

  /** The resolved workDir if this service handed it out; otherwise 'forbidden'. */
  checkWorkDir(workDir: string): string {
    const dir = resolve(workDir);
    if (!this.workDirs.has(dir)) {
      throw new StudioError('forbidden', `"${workDir}" is not an open project. Open or create the project first.`);
    }
    return dir;
  }
}

/** The target must be new, empty, or an existing project: never overwrite an unrelated folder. */
async function prepareTarget(target: string): Promise<void> {
  let entries: string[] | undefined;
  try {
    entries = await readdir(target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw toStudioFsError(error, `the folder "${target}"`);
  }
  if (entries && entries.length > 0 && !entries.includes(DOCUMENT_FILE)) {
    throw new StudioError('already-exists', `"${target}" exists and is not an AniPortrait project. Choose another name.`);
  }
  try {
    await mkdir(join(target, ASSETS_DIR), { recursive: true });
  } catch (error) {
    throw toStudioFsError(error, `the project folder "${target}"`);
  }
}

async function copyAssets(from: string, to: string, document: ProjectDocument): Promise<void> {
  for (const asset of document.assets) {
    const source = join(from, asset.relPath);
    const destination = join(to, asset.relPath);
    try {
      await mkdir(dirname(destination), { recursive: true });
      await copyFile(source, destination);
    } catch (error) {
      throw toStudioFsError(error, `the asset "${asset.originalName}" (${asset.relPath})`);
    }
  }
}

/** Save As copies plain files of the project only: a link (to anything, anywhere) is refused before the target is touched. */
async function checkAssetsCopyable(from: string, document: ProjectDocument): Promise<void> {
  for (const asset of document.assets) {
    const source = join(from, asset.relPath);
    const shownAs = `the asset "${asset.originalName}" (${asset.relPath})`;
    realPathInside(from, source, asset.relPath);
    let stats;
    try {
      stats = await lstat(source);
    } catch (error) {
      throw toStudioFsError(error, shownAs);
    }
    if (!stats.isFile()) {
      throw new StudioError('forbidden', `${capitalize(shownAs)} is a link or not a plain file, so it is not copied; nothing was saved. Import the file again, then save.`);
    }
  }
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** A target inside the source would be copied into itself, and removed with an untitled source. */
function checkTargetOutside(from: string, target: string): void {
  if (isInside(deepestReal(target), deepestReal(from))) {
    throw new StudioError('invalid-request', `"${target}" is inside the project "${from}" being saved; choose a folder outside it.`);
  }
}
