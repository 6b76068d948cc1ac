import { mkdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../util/atomic-write.js';

const MAX_RECENT = 12;

const recentSchema = z.array(z.object({ path: z.string(), name: z.string(), openedAt: z.iso.datetime() }));
export type RecentProject = z.infer<typeof recentSchema>[number];

/** The recent-projects list in the data folder; a damaged list reads as empty rather than failing. */
export class RecentProjects {
  private readonly file: string;

  constructor(dataDir: string) {
    this.file = join(dataDir, 'recent-projects.json');
  }

  async list(): Promise<RecentProject[]> {
    try {
      const parsed = recentSchema.safeParse(JSON.parse(await readFile(this.file, 'utf8')));
      return parsed.success ? parsed.data : [];
    } catch {
      return [];
    }
  }

  async add(path: string, name: string, now: Date = new Date()): Promise<void> {
    const rest = (await this.list()).filter((entry) => entry.path !== path);
    const next = [{ path, name, openedAt: now.toISOString() }, ...rest].slice(0, MAX_RECENT);
    await mkdir(dirname(this.file), { recursive: true });
    await writeFileAtomic(this.file, JSON.stringify(next, null, 2), 'the recent-projects list');
  }
}
