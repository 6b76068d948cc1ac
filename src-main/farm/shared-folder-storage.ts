import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { copyFile, mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { contentKeySchema } from '../../src-shared/farm/farm-bundle.js';
import { StudioError } from '../../src-shared/util/result.js';
import { toStudioFsError } from '../util/fs-errors.js';
import type { FarmStorage } from './farm-storage.js';

/**
 * The default FarmStorage: a folder every machine mounts (NFS, SMB, a synced drive).
 *   inputs/<sha256>.<ext>    input files, by content
 *   bundles/<sha256>.json    job bundles, by content
 *   outputs/<name>.mp4       finished videos; outputs/.<name>.<job>.<attempt>.part while copied in
 */
export class SharedFolderStorage implements FarmStorage {
  readonly root: string;
  readonly description: string;

  constructor(root: string) {
    this.root = resolve(root);
    this.description = `the shared folder "${this.root}"`;
  }

  /** Checks the folder exists and creates its subfolders; a clear error if it cannot. */
  async open(): Promise<this> {
    try {
      if (!(await stat(this.root)).isDirectory()) throw new StudioError('invalid-request', `--storage "${this.root}" is not a folder. Give the farm's shared folder.`);
    } catch (error) {
      if (error instanceof StudioError) throw error;
      throw new StudioError('not-found', `--storage "${this.root}" does not exist. Create the farm's shared folder (or mount it) first.`);
    }
    for (const sub of ['inputs', 'bundles', 'outputs']) await mkdir(join(this.root, sub), { recursive: true }).catch((e: unknown) => { throw toStudioFsError(e, `the storage folder "${join(this.root, sub)}"`); });
    return this;
  }

  async putInput(localPath: string, label: string): Promise<string> {
    const ext = extname(localPath).toLowerCase().replace(/[^.a-z0-9]/g, '').slice(0, 9);
    const key = `${await sha256OfFile(localPath, label)}${ext.length > 1 ? ext : ''}`;
    const target = join(this.root, 'inputs', key);
    if (!(await exists(target))) await this.copyIn(localPath, target, label);
    return key;
  }

  async putBundle(text: string): Promise<string> {
    const key = `${createHash('sha256').update(text).digest('hex')}.json`;
    const target = join(this.root, 'bundles', key);
    if (!(await exists(target))) {
      const part = partName(target);
      await writeFile(part, text, { flag: 'wx' });
      await rename(part, target);
    }
    return key;
  }

  async readBundle(key: string): Promise<string> {
    const path = join(this.root, 'bundles', checkedKey(key));
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      throw toStudioFsError(error, `the job bundle "${path}"`);
    }
    if (`${createHash('sha256').update(text).digest('hex')}.json` !== key) throw damaged(path, 'the job bundle');
    return text;
  }

  async localInput(key: string, label: string): Promise<string> {
    const path = join(this.root, 'inputs', checkedKey(key));
    if (!(await exists(path))) throw new StudioError('not-found', `${label} is missing from ${this.description} ("${path}"). Submit the job again.`);
    if (!key.startsWith(await sha256OfFile(path, label))) throw damaged(path, label);
    return path;
  }

  async putOutput(name: string, localPath: string, attemptToken: string): Promise<void> {
    const target = join(this.root, 'outputs', name);
    const part = join(this.root, 'outputs', `.${name}.${attemptToken}.part`);
    try {
      await copyFile(localPath, part);
      // rename is atomic within the folder: readers see the old output or the whole new one.
      await rename(part, target);
    } catch (error) {
      await rm(part, { force: true });
      throw toStudioFsError(error, `the output "${target}"`);
    }
  }

  async removeStaleParts(name: string, jobId: string): Promise<number> {
    const folder = join(this.root, 'outputs');
    const prefix = `.${name}.${jobId}.`;
    const stale = (await readdir(folder)).filter((entry) => entry.startsWith(prefix) && entry.endsWith('.part'));
    await Promise.all(stale.map((entry) => rm(join(folder, entry), { force: true })));
    return stale.length;
  }

  outputLocation(name: string): string {
    return join(this.root, 'outputs', name);
  }

  private async copyIn(localPath: string, target: string, label: string): Promise<void> {
    const part = partName(target);
    try {
      await copyFile(localPath, part);
      await rename(part, target);
    } catch (error) {
      await rm(part, { force: true });
      throw toStudioFsError(error, `${label} (copying it into ${this.description})`);
    }
  }
}

function partName(target: string): string {
  return `${target}.${randomBytes(6).toString('hex')}.part`;
}

function checkedKey(key: string): string {
  if (!contentKeySchema.safeParse(key).success) throw new StudioError('invalid-request', `"${key}" is not a storage key.`);
  return key;
}

function damaged(path: string, what: string): StudioError {
  return new StudioError('io-error', `${what} in the farm storage ("${path}") does not match its content hash: it was changed or damaged. Submit the job again.`);
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

async function sha256OfFile(path: string, label: string): Promise<string> {
  const hash = createHash('sha256');
  try {
    for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  } catch (error) {
    throw toStudioFsError(error, label);
  }
  return hash.digest('hex');
}
