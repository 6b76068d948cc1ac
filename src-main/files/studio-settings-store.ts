import { mkdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { StudioSettings } from '../../src-shared/ipc/contract.js';
import { MAX_RECENT_FOLDERS, studioSettingsSchema } from '../../src-shared/ipc/contract.js';
import { writeFileAtomic } from '../util/atomic-write.js';

/** Most projects whose last export target is remembered; the oldest entries go first. */
export const MAX_EXPORT_TARGETS = 200;

export const EMPTY_SETTINGS: StudioSettings = { recentFolders: [], exportTargets: {}, layout: {} };

/**
 * The studio's own settings (recent folders, each project's last export target, panel sizes) in
 * `<data folder>/studio-settings.json`. Never part of a project file. A damaged file reads as the
 * defaults rather than failing, and is replaced by the next update.
 */
export class StudioSettingsStore {
  private readonly file: string;
  /** Updates run one after another, so two quick ones cannot lose each other's change. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(dataDir: string) {
    this.file = join(dataDir, 'studio-settings.json');
  }

  async get(): Promise<StudioSettings> {
    try {
      const parsed = studioSettingsSchema.safeParse(JSON.parse(await readFile(this.file, 'utf8')));
      return parsed.success ? parsed.data : EMPTY_SETTINGS;
    } catch {
      return EMPTY_SETTINGS;
    }
  }

  /** Replaces the parts given; the lists are capped (recent folders deduplicated, newest first). */
  update(patch: Partial<StudioSettings>): Promise<StudioSettings> {
    const next = this.queue.then(async () => {
      const current = await this.get();
      const merged: StudioSettings = {
        recentFolders: [...new Set(patch.recentFolders ?? current.recentFolders)].slice(0, MAX_RECENT_FOLDERS),
        exportTargets: capped(patch.exportTargets ?? current.exportTargets),
        layout: patch.layout ?? current.layout,
      };
      await mkdir(dirname(this.file), { recursive: true });
      await writeFileAtomic(this.file, `${JSON.stringify(merged, null, 2)}\n`, 'the studio settings');
      return merged;
    });
    this.queue = next.catch(() => undefined);
    return next;
  }
}

/** Keeps the newest MAX_EXPORT_TARGETS entries (insertion order: an update re-adds its project last). */
function capped(targets: StudioSettings['exportTargets']): StudioSettings['exportTargets'] {
  const entries = Object.entries(targets);
  return Object.fromEntries(entries.slice(Math.max(0, entries.length - MAX_EXPORT_TARGETS)));
}
