import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { toStudioFsError } from './fs-errors.js';

/**
 * Replaces `path` with `data` so that a crash or a full disk at any moment leaves either the old
 * file or the new one, never a mix: write a temp file beside it, fsync, rename, fsync the folder.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array, what = `"${path}"`): Promise<void> {
  const tempPath = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = await open(tempPath, 'wx', 0o644);
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tempPath, path);
  } catch (error) {
    await rm(tempPath, { force: true });
    throw toStudioFsError(error, what);
  }
  await syncDirectory(dirname(path));
}

/** Makes a rename durable. Some platforms (Windows) cannot open folders; the rename is then as durable as it gets. */
async function syncDirectory(dir: string): Promise<void> {
  let handle;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch {
    // Not supported on this platform or file system.
  } finally {
    await handle?.close();
  }
}
