import { randomBytes } from 'node:crypto';
import { constants, lstatSync, rmSync } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { link, lstat, open, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { StudioError } from '../../src-shared/util/result.js';
import { onExitCleanup } from './exit-cleanup.js';
import { toStudioFsError } from './fs-errors.js';
import { isRunning } from './process-running.js';

/**
 * An exclusive claim on one output file while a job writes it:
 *   OUT.lock  who holds the claim ({ pid, host }), created atomically (link of a complete file)
 *   OUT.part  the file being written, created by us with O_EXCL|O_NOFOLLOW (a planted link or file
 *             is never followed nor reused), renamed onto OUT only while it is still that file.
 * A second job on the same OUT fails at once. After a crash, the next job removes both only when
 * it can prove them stale: the lock names a process of this machine that no longer runs.
 */
export interface OutputLock {
  readonly outPath: string;
  readonly partPath: string;
  /** The .part, open for writing (writers that stream through Node); closed by commit or release. */
  readonly handle: FileHandle;
  /** Renames the .part onto the output if it is still the file we created, then releases. */
  commit(): Promise<void>;
  /** Removes the .part (if still ours) and the lock; safe to call twice and after commit. */
  release(): Promise<void>;
}

interface LockOwner {
  readonly pid: number;
  readonly host: string;
}

export async function acquireOutputLock(outPath: string, what: string): Promise<OutputLock> {
  const partPath = `${outPath}.part`;
  const lockPath = `${outPath}.lock`;
  await claimLock(lockPath, outPath, partPath, what);
  let handle: FileHandle;
  try {
    handle = await open(partPath, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0), 0o644);
  } catch (error) {
    await rm(lockPath, { force: true });
    throw partError(error, partPath, what);
  }
  const { dev, ino } = await handle.stat();
  const isOurs = (s: { dev: number; ino: number; isFile(): boolean }) => s.isFile() && s.dev === dev && s.ino === ino;
  let done = false;
  let closed = false;
  const closeHandle = async () => {
    if (closed) return;
    closed = true;
    await handle.close().catch(() => undefined);
  };
  const removeOursSync = () => {
    try {
      if (isOurs(lstatSync(partPath))) rmSync(partPath, { force: true });
    } catch {
      // Already gone.
    }
    rmSync(lockPath, { force: true });
  };
  const unregister = onExitCleanup(removeOursSync);
  const release = async () => {
    if (done) return;
    done = true;
    unregister();
    await closeHandle();
    try {
      if (isOurs(await lstat(partPath))) await rm(partPath, { force: true });
    } catch {
      // Already gone.
    }
    await rm(lockPath, { force: true });
  };
  return {
    outPath,
    partPath,
    handle,
    release,
    commit: async () => {
      await closeHandle();
      let current;
      try {
        current = await lstat(partPath);
      } catch (error) {
        throw toStudioFsError(error, `the temporary file "${partPath}"`);
      }
      if (!isOurs(current)) {
        throw new StudioError('io-error', `The temporary file "${partPath}" was replaced by something else while ${what} was written; "${outPath}" was left as it was. Export again.`);
      }
      try {
        // rename never follows a link at outPath: a planted link is replaced, its target untouched.
        await rename(partPath, outPath);
      } catch (error) {
        throw toStudioFsError(error, what);
      }
      await release();
    },
  };
}

/**
 * Before any work: refuses an output that a running job holds, so a second job fails at once
 * rather than after its analysis. (acquireOutputLock decides for good when writing starts.)
 */
export async function refuseIfLocked(outPath: string): Promise<void> {
  const lockPath = `${outPath}.lock`;
  const holder = await readOwner(lockPath);
  if (holder !== null && (holder.host !== hostname() || isRunning(holder.pid))) throw busy(outPath, lockPath, holder);
}

function busy(outPath: string, lockPath: string, holder: LockOwner | null): StudioError {
  const who = holder === null ? '' : holder.pid === process.pid ? ' (an export in this studio)' : ` (process ${holder.pid}${holder.host !== hostname() ? ` on ${holder.host}` : ''})`;
  return new StudioError('unavailable', `"${outPath}" is being written by another job${who}. Wait for it to finish or choose another file. If no job is running, delete "${lockPath}".`);
}

/** Creates the lock, or takes over a stale one; a live one is refused at once. */
async function claimLock(lockPath: string, outPath: string, partPath: string, what: string): Promise<void> {
  const owner: LockOwner = { pid: process.pid, host: hostname() };
  const temp = join(dirname(lockPath), `.${basename(lockPath)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(temp, JSON.stringify(owner), { flag: 'wx', mode: 0o644 });
  } catch (error) {
    throw toStudioFsError(error, `the folder "${dirname(outPath)}" (${what})`);
  }
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        // link() is atomic and exclusive, and the lock is complete the moment it exists.
        await link(temp, lockPath);
        return;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 0) throw lockError(error, outPath, what);
      }
      const holder = await readOwner(lockPath);
      if (holder === null || holder.host !== owner.host || isRunning(holder.pid)) throw busy(outPath, lockPath, holder);
      // Stale: its process is gone. Remove its .part (a link is removed, never followed) and its lock.
      await removeStalePart(partPath, what);
      await rm(lockPath, { force: true });
    }
  } finally {
    await rm(temp, { force: true });
  }
}

async function removeStalePart(partPath: string, what: string): Promise<void> {
  let stats;
  try {
    stats = await lstat(partPath);
  } catch {
    return;
  }
  if (stats.isDirectory()) throw folderAtPart(partPath, what);
  await rm(partPath, { force: true });
}

async function readOwner(lockPath: string): Promise<LockOwner | null> {
  try {
    if (!(await lstat(lockPath)).isFile()) return null;
    const parsed = JSON.parse(await readFile(lockPath, 'utf8')) as Partial<LockOwner>;
    return Number.isInteger(parsed.pid) && typeof parsed.host === 'string' ? { pid: parsed.pid as number, host: parsed.host } : null;
  } catch {
    return null;
  }
}

function partError(error: unknown, partPath: string, what: string): StudioError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EEXIST' || code === 'ELOOP') {
    return lstatIsDirectory(partPath)
      ? folderAtPart(partPath, what)
      : new StudioError('already-exists', `"${partPath}" already exists and was not left by an export of this studio. Delete or move it, then export again.`);
  }
  if (code === 'EISDIR') return folderAtPart(partPath, what);
  return toStudioFsError(error, `the temporary file "${partPath}" (${what})`);
}

function lockError(error: unknown, outPath: string, what: string): StudioError {
  return toStudioFsError(error, `the lock file "${outPath}.lock" (${what})`);
}

function folderAtPart(partPath: string, what: string): StudioError {
  return new StudioError('already-exists', `"${partPath}" is a folder, so ${what} cannot be written beside it. Delete or rename that folder, then export again.`);
}

function lstatIsDirectory(path: string): boolean {
  try {
    return lstatSync(path).isDirectory();
  } catch {
    return false;
  }
}
