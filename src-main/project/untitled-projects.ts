import { readdir, readFile, rm, stat } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import type { UntitledRecovery } from '../../src-shared/ipc/contract.js';
import { MAX_THUMBNAIL_BYTES } from '../../src-shared/ipc/contract.js';
import type { ProjectDocument } from '../../src-shared/project/project-schema.js';
import { StudioError } from '../../src-shared/util/result.js';
import { PROJECT_EXTENSION, projectAssetPath, readRecovery } from './project-files.js';

const IMAGE_MIME: Readonly<Record<string, string>> = { '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.webp': 'image/webp' };

/**
 * The untitled projects in `<data folder>/untitled` that hold an autosave: work that a reload or a
 * crash took away before it was ever saved. Newest first.
 */
export async function listUntitledRecoveries(untitledRoot: string): Promise<UntitledRecovery[]> {
  let names: string[];
  try {
    names = await readdir(untitledRoot);
  } catch {
    return [];
  }
  const found: UntitledRecovery[] = [];
  for (const name of names) {
    const workDir = join(untitledRoot, name);
    if (!name.endsWith(PROJECT_EXTENSION)) continue;
    const recovery = await readRecovery(workDir);
    if (recovery === null) continue;
    found.push({ workDir, name: recovery.document.name, savedAt: recovery.savedAt, thumbnail: await thumbnailOf(workDir, recovery.document) });
  }
  return found.sort((a, b) => b.savedAt.localeCompare(a.savedAt));
}

/** `workDir` resolved, when it is an untitled project folder directly in `untitledRoot`; otherwise 'forbidden'. */
export function checkUntitledDir(untitledRoot: string, workDir: string): string {
  const dir = resolve(workDir);
  if (dirname(dir) !== resolve(untitledRoot) || !basename(dir).endsWith(PROJECT_EXTENSION)) {
    throw new StudioError('forbidden', `"${workDir}" is not an untitled project of this studio.`);
  }
  return dir;
}

export async function discardUntitled(untitledRoot: string, workDir: string): Promise<void> {
  await rm(checkUntitledDir(untitledRoot, workDir), { recursive: true, force: true });
}

/** The project's photo bytes, when it has a photo of at most MAX_THUMBNAIL_BYTES. */
async function thumbnailOf(workDir: string, document: ProjectDocument): Promise<UntitledRecovery['thumbnail']> {
  const photo = document.assets.find((asset) => asset.id === document.photoAssetId);
  if (photo === undefined) return null;
  try {
    const file = projectAssetPath(workDir, photo.relPath);
    const mimeType = IMAGE_MIME[extname(file).toLowerCase()];
    if (mimeType === undefined || (await stat(file)).size > MAX_THUMBNAIL_BYTES) return null;
    const bytes = await readFile(file);
    return { mimeType, data: new Uint8Array(bytes).buffer };
  } catch {
    return null;
  }
}
