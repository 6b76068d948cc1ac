import { open, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { migrateProject } from '../../src-shared/project/migrations.js';
import type { MigratedProject } from '../../src-shared/project/migrations.js';
import type { ProjectDocument } from '../../src-shared/project/project-schema.js';
import { projectDocumentSchema } from '../../src-shared/project/project-schema.js';
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

/** The autosave, or null when there is none or it cannot be read (it is then left on disk untouched). */
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
  const parsed = projectDocumentSchema.safeParse(document);
  if (typeof savedAt !== 'string' || !parsed.success) return null;
  return { savedAt, document: parsed.data };
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
