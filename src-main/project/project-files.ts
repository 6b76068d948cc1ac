import { open, readFile, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { isSafeRelativePath } from '../../src-shared/project/relative-path.js';
import { realPathInside } from './real-path-inside.js';
import { migrateProject } from '../../src-shared/project/migrations.js';
import type { MigratedProject } from '../../src-shared/project/migrations.js';
import type { ProjectDocument } from '../../src-shared/project/project-schema.js';
import { StudioError } from '../../src-shared/util/result.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import { toStudioFsError } from '../util/fs-errors.js';
import { MAX_PROJECT_FILE_BYTES, parseProjectJson } from './parse-project-json.js';

/**
 * Layout of a project bundle (a folder named `*.aniproj`):
 *   project.json            the document (atomic writes)
 *   project.recovery.json   autosave: { savedAt, document }, removed by a save
 *   assets/                 imported photo and audio, referenced by relative path
 */
export const PROJECT_EXTENSION = '.aniproj';
export const DOCUMENT_FILE = 'project.json';
export const RECOVERY_FILE = 'project.recovery.json';
export const ASSETS_DIR = 'assets';

/** Accepts the bundle folder or its project.json; anything else is not a project. */
export function toProjectDir(path: string): string {
  const full = resolve(path);
  const dir = basename(full) === DOCUMENT_FILE ? dirname(full) : full;
  if (!dir.endsWith(PROJECT_EXTENSION)) {
    throw new StudioError('invalid-request', `"${path}" is not an AniPortrait project. Choose a folder ending in ${PROJECT_EXTENSION}.`);
  }
  return dir;
}

/**
 * Absolute path of a project asset; 'forbidden' for anything outside the project folder, also
 * through a link inside it (assets/x.wav -> /etc/shadow, assets/root -> /): links are resolved.
 */
export function projectAssetPath(projectDir: string, relPath: string): string {
  const file = resolve(projectDir, relPath);
  if (!isSafeRelativePath(relPath) || !file.startsWith(projectDir + sep)) {
    throw new StudioError('forbidden', `"${relPath}" is outside the project folder.`);
  }
  return realPathInside(projectDir, file, relPath);
}

/** Reads and migrates project.json; every failure is a StudioError naming the file. */
export async function readProjectDocument(projectDir: string): Promise<MigratedProject> {
  const file = join(projectDir, DOCUMENT_FILE);
  const text = await readCapped(file, `the project file "${file}"`);
  const result = migrateProject(parseProjectJson(text, file));
  if (!result.ok) throw new StudioError(result.error.code, `${result.error.message} (${file})`);
  return result.value;
}

export async function writeProjectDocument(projectDir: string, document: ProjectDocument): Promise<void> {
  const file = join(projectDir, DOCUMENT_FILE);
  await writeFileAtomic(file, `${JSON.stringify(document, null, 2)}\n`, `the project file "${file}"`);
}

export interface Recovery {
  readonly savedAt: string;
  readonly document: ProjectDocument;
}

export async function writeRecovery(projectDir: string, recovery: Recovery): Promise<void> {
  const file = join(projectDir, RECOVERY_FILE);
  await writeFileAtomic(file, JSON.stringify(recovery), `the autosave file "${file}"`);
}

/**
 * The autosave, migrated to the current schema like the project file (an autosave written by an
 * older studio is offered too), or null when there is none or it cannot be read (it is then left
 * on disk untouched).
 */
export async function readRecovery(projectDir: string): Promise<Recovery | null> {
  let raw: unknown;
  try {
    const file = join(projectDir, RECOVERY_FILE);
    if ((await stat(file)).size > MAX_PROJECT_FILE_BYTES) return null;
    raw = parseProjectJson(await readFile(file, 'utf8'), file);
  } catch {
    return null;
  }
  if (typeof raw !== 'object' || raw === null) return null;
  const { savedAt, document } = raw as { savedAt?: unknown; document?: unknown };
  const migrated = migrateProject(document);
  if (typeof savedAt !== 'string' || !migrated.ok) return null;
  return { savedAt, document: migrated.value.document };
}

/** The file's text, refused before reading when it is larger than any real project file. */
async function readCapped(file: string, what: string): Promise<string> {
  let handle;
  try {
    handle = await open(file, 'r');
    const { size } = await handle.stat();
    if (size > MAX_PROJECT_FILE_BYTES) {
      throw new StudioError('too-large', `The project file "${file}" is ${(size / 2 ** 20).toFixed(1)} MiB; a project file is at most ${MAX_PROJECT_FILE_BYTES / 2 ** 20} MiB, so this is not one or it is damaged. Restore it from a backup or its autosave.`);
    }
    return await handle.readFile('utf8');
  } catch (error) {
    throw toStudioFsError(error, what);
  } finally {
    await handle?.close();
  }
}
