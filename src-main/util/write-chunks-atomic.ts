import { toStudioFsError } from './fs-errors.js';
import { acquireOutputLock } from './output-lock.js';

/**
 * Streams text chunks to `<path>.part` (created exclusively, never through a link, under an
 * exclusive `<path>.lock`) and renames it to `path` only when complete, so a failed or full-disk
 * write never leaves a half file under the real name, and two jobs never write the same file.
 */
export async function writeChunksAtomic(path: string, chunks: Iterable<string>, what: string): Promise<void> {
  const lock = await acquireOutputLock(path, what);
  try {
    const stream = lock.handle.createWriteStream({ autoClose: false });
    try {
      for (const chunk of chunks) {
        if (!stream.write(chunk)) await new Promise<void>((resolve, reject) => stream.once('drain', () => resolve()).once('error', reject));
      }
      await new Promise<void>((resolve, reject) => stream.once('error', reject).end(() => resolve()));
    } catch (error) {
      stream.destroy();
      throw toStudioFsError(error, what);
    }
    await lock.commit();
  } finally {
    await lock.release();
  }
}
