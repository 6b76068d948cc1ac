import { readFile } from 'node:fs/promises';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { isSafeRelativePath } from '../../src-shared/project/relative-path.js';
import { migrateProject } from '../../src-shared/project/migrations.js';
import type { MigratedProject } from '../../src-shared/project/migrations.js';
import type { ProjectDocument } from '../../src-shared/project/project-schema.js';
import { projectDocumentSchema } from '../../src-shared/project/project-schema.js';
import { StudioError } from '../../src-shared/util/result.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import { toStudioFsError } from '../util/fs-errors.js';

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

/** Absolute path of a project asset; 'forbidden' for anything outside the project folder. */
export function projectAssetPath(projectDir: string, relPath: string): string {
  const file = resolve(projectDir, relPath);
  if (!isSafeRelativePath(relPath) || !file.startsWith(projectDir + sep)) {
    throw new StudioError('forbidden', `"${relPath}" is outside the project folder.`);
  }
  return file;
}

/** Reads and migrates project.json; every failure is a StudioError naming the file. */
export async function readProjectDocument(projectDir: string): Promise<MigratedProject> {
  const file = join(projectDir, DOCUMENT_FILE);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw toStudioFsError(error, `the project file "${file}"`);
  }
  const result = migrateProject(parseJson(text, file));
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

/** The autosave, or null when there is none or it cannot be read (it is then left on disk untouched). */
export async function readRecovery(projectDir: string): Promise<Recovery | null> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(join(projectDir, RECOVERY_FILE), 'utf8'));
  } catch {
    return null;
  }
  if (typeof raw !== 'object' || raw === null) return null;
  const { savedAt, document } = raw as { savedAt?: unknown; document?: unknown };
  const parsed = projectDocumentSchema.safeParse(document);
  if (typeof savedAt !== 'string' || !parsed.success) return null;
  return { savedAt, document: parsed.data };
}

/** A cut-off file (interrupted copy, full disk) is 'truncated'; anything else unparsable is 'malformed'. */
function parseJson(text: string, file: string): unknown {
  if (text.trim().length === 0) {
    throw new StudioError('truncated-project', `The project file "${file}" is empty. Restore it from a backup or its autosave.`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    if (/end of (JSON )?input|Unterminated/i.test(message)) {
      throw new StudioError('truncated-project', `The project file "${file}" is cut off (truncated). Restore it from a backup or its autosave.`);
    }
    throw new StudioError('malformed-project', `The project file "${file}" is not valid JSON: ${message}.`);
  }
}
