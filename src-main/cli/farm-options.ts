import { StudioError } from '../../src-shared/util/result.js';
import { SharedFolderStorage } from '../farm/shared-folder-storage.js';

/** Options every farm command takes. */
export const FARM_OPTIONS = {
  redis: { type: 'string' },
  storage: { type: 'string' },
} as const;

export const FARM_OPTIONS_HELP = `  --redis URL              the farm's Redis (redis://host:6379, rediss:// for TLS; user:password@ if set)
  --storage DIR            the farm's shared folder, mounted on every machine (inputs, bundles, outputs/)`;

/** The shared folder of --storage, checked and prepared. */
export async function storageOf(dir: string | undefined): Promise<SharedFolderStorage> {
  if (dir === undefined) throw new StudioError('invalid-request', '--storage DIR is required: the farm\'s shared folder, the same on every machine.');
  return new SharedFolderStorage(dir).open();
}
