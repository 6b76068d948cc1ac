import type { SpawnSyncReturns } from 'node:child_process';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'aniportrait.js');

/** Whether the CLI is built (dist/main/cli.js); when not, says so for `testName`, whose tests then skip. */
export function cliBuilt(testName: string): boolean {
  const built = existsSync(join(ROOT, 'dist', 'main', 'cli.js'));
  if (!built) console.log(`${testName}: dist/main/cli.js is missing; \`npm test\` builds it first (npm run build).`);
  return built;
}

/** Runs bin/aniportrait.js with `args` in `dir`, its data in `dir/data`; waits for it and gives its output as text. */
export function cliRunner(dir: string): (...args: string[]) => SpawnSyncReturns<string> {
  const env = { ...process.env, ANIPORTRAIT_DATA_DIR: join(dir, 'data') };
  return (...args) => spawnSync(process.execPath, [BIN, ...args], { env, encoding: 'utf8', cwd: dir });
}
