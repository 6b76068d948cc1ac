import { mkdir, readFile, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { QueueSettings, StudioSettings, StudioSettingsPatch } from '../../src-shared/ipc/contract.js';
import { MAX_RECENT_FOLDERS, queueSettingsSchema, studioSettingsSchema } from '../../src-shared/ipc/contract.js';
import { writeFileAtomic } from '../util/atomic-write.js';

/** Most projects whose last export target is remembered; the oldest entries go first. */
export const MAX_EXPORT_TARGETS = 200;

export const EMPTY_SETTINGS: StudioSettings = { recentFolders: [], exportTargets: {}, layout: {} };

/** The file the studio's settings live in, in its data folder. */
export const SETTINGS_FILE = 'studio-settings.json';
/** Where the render queue kept its settings before they joined the studio's (read once, then removed). */
export const LEGACY_QUEUE_SETTINGS_FILE = 'queue-settings.json';

/**
 * The studio's one settings store (recent folders, each project's last export target, panel sizes,
 * the render queue's Redis and storage) in `<data folder>/studio-settings.json`, one zod schema
 * (`studioSettingsSchema`). Never part of a project file. A damaged file reads as the defaults
 * rather than failing, and is replaced by the next update. An older `queue-settings.json` is taken
 * in once (when the store has no queue settings yet) and then removed.
 */
export class StudioSettingsStore {
  private readonly file: string;
  private readonly legacyQueueFile: string;
  /** Updates run one after another, so two quick ones cannot lose each other's change; the migration runs first. */
  private queue: Promise<unknown>;

  constructor(dataDir: string) {
    this.file = join(dataDir, SETTINGS_FILE);
    this.legacyQueueFile = join(dataDir, LEGACY_QUEUE_SETTINGS_FILE);
    this.queue = this.migrateQueueSettings().catch(() => undefined);
  }

  async get(): Promise<StudioSettings> {
    await this.queue;
    return this.read();
  }

  /** Replaces the parts given; the lists are capped (recent folders deduplicated, newest first). */
  update(patch: StudioSettingsPatch): Promise<StudioSettings> {
    return this.change((current) => ({
      recentFolders: [...new Set(patch.recentFolders ?? current.recentFolders)].slice(0, MAX_RECENT_FOLDERS),
      exportTargets: capped(patch.exportTargets ?? current.exportTargets),
      layout: patch.layout ?? current.layout,
      ...(current.queue ? { queue: current.queue } : {}),
    }));
  }

  /** The render queue's settings (the caller checked the storage folder). */
  setQueue(queue: QueueSettings): Promise<StudioSettings> {
    return this.change((current) => ({ ...current, queue: queueSettingsSchema.parse(queue) }));
  }

  private change(next: (current: StudioSettings) => StudioSettings): Promise<StudioSettings> {
    const run = this.queue.then(async () => {
      const merged = studioSettingsSchema.parse(next(await this.read()));
      await this.write(merged);
      return merged;
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async read(): Promise<StudioSettings> {
    try {
      const parsed = studioSettingsSchema.safeParse(JSON.parse(await readFile(this.file, 'utf8')));
      return parsed.success ? parsed.data : EMPTY_SETTINGS;
    } catch {
      return EMPTY_SETTINGS;
    }
  }

  private async write(settings: StudioSettings): Promise<void> {
    await mkdir(dirname(this.file), { recursive: true });
    await writeFileAtomic(this.file, `${JSON.stringify(settings, null, 2)}\n`, 'the studio settings');
  }

  /** queue-settings.json (the render queue's own file before) joins the store once, then goes. */
  private async migrateQueueSettings(): Promise<void> {
    let text: string;
    try {
      text = await readFile(this.legacyQueueFile, 'utf8');
    } catch {
      return;
    }
    const legacy = (() => {
      try {
        return queueSettingsSchema.safeParse(JSON.parse(text));
      } catch {
        return null;
      }
    })();
    const current = await this.read();
    if (legacy?.success === true && current.queue === undefined) await this.write({ ...current, queue: legacy.data });
    await rm(this.legacyQueueFile, { force: true });
  }
}

/** Keeps the newest MAX_EXPORT_TARGETS entries (insertion order: an update re-adds its project last). */
function capped(targets: StudioSettings['exportTargets']): StudioSettings['exportTargets'] {
  const entries = Object.entries(targets);
  return Object.fromEntries(entries.slice(Math.max(0, entries.length - MAX_EXPORT_TARGETS)));
}
