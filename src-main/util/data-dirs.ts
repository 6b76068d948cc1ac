import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** Where the studio keeps its own files, and where new projects go by default. */
export interface DataDirs {
  /** Recent list, untitled projects, user models. */
  readonly dataDir: string;
  /** Suggested parent folder of new projects. */
  readonly projectsDir: string;
}

/**
 * ANIPORTRAIT_DATA_DIR overrides everything (tests, portable installs); Electron passes its
 * userData folder; otherwise ~/.aniportrait-studio.
 */
export function resolveDataDirs(electronUserData?: string, env: NodeJS.ProcessEnv = process.env): DataDirs {
  const override = env.ANIPORTRAIT_DATA_DIR;
  if (override) return { dataDir: override, projectsDir: join(override, 'projects') };
  const dataDir = electronUserData ?? join(homedir(), '.aniportrait-studio');
  const documents = join(homedir(), 'Documents');
  return { dataDir, projectsDir: join(existsSync(documents) ? documents : homedir(), 'AniPortrait Projects') };
}
