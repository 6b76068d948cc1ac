import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { once } from 'node:events';
import { toStudioFsError } from './fs-errors.js';

/**
 * Streams text chunks to `<path>.part` and renames it to `path` only when complete, so a failed
 * or full-disk write never leaves a half file under the real name.
 */
export async function writeChunksAtomic(path: string, chunks: Iterable<string>, what: string): Promise<void> {
  const partPath = `${path}.part`;
  const stream = createWriteStream(partPath);
  try {
    await once(stream, 'open');
    for (const chunk of chunks) {
      if (!stream.write(chunk)) await once(stream, 'drain');
    }
    stream.end();
    await once(stream, 'finish');
    await rename(partPath, path);
  } catch (error) {
    stream.destroy();
    await rm(partPath, { force: true });
    throw toStudioFsError(error, what);
  }
}
