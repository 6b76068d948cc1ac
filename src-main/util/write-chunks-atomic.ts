import { toStudioFsError } from './fs-errors.js';
import { acquireOutputLock } from './output-lock.js';

/** Chunks are gathered into writes of about this size. */
const WRITE_BYTES = 1024 * 1024;

/**
 * Writes text chunks to `<path>.part` (created exclusively, never through a link, under an
 * exclusive `<path>.lock`) and renames it to `path` only when complete, so a failed or full-disk
 * write never leaves a half file under the real name, and two jobs never write the same file.
 */
export async function writeChunksAtomic(path: string, chunks: Iterable<string>, what: string): Promise<void> {
  const lock = await acquireOutputLock(path, what);
  try {
    try {
      let pending: string[] = [];
      let pendingLength = 0;
      const flush = async () => {
        if (pending.length === 0) return;
        const bytes = Buffer.from(pending.join(''), 'utf8');
        pending = [];
        pendingLength = 0;
        for (let offset = 0; offset < bytes.length; ) offset += (await lock.handle.write(bytes, offset)).bytesWritten;
      };
      for (const chunk of chunks) {
        pending.push(chunk);
        pendingLength += chunk.length;
        if (pendingLength >= WRITE_BYTES) await flush();
      }
      await flush();
      await lock.handle.sync();
    } catch (error) {
      throw toStudioFsError(error, what);
    }
    await lock.commit();
  } finally {
    await lock.release();
  }
}
