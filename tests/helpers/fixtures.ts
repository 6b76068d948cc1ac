import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** ../shared/fixtures/aniportrait beside the checkout (AniPortrait's public demo data), if present. */
export const ANIPORTRAIT_FIXTURES = join(__dirname, '..', '..', '..', 'shared', 'fixtures', 'aniportrait');

const ROOT = join(__dirname, '..', '..');

/** CI sets CI=true; there the shared fixtures and the build exist, so a test may not skip for want of them. */
export function inCi(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.CI !== undefined && env.CI !== '' && env.CI !== 'false' && env.CI !== '0';
}

/**
 * Path of the AniPortrait fixture `name`, or undefined when it is absent (the reason is printed,
 * and the tests that need it use it.skipIf / describe.skipIf). In CI, where ../shared/fixtures
 * exists, a missing fixture is an error: the tests must not pass by skipping there.
 */
export function fixture(name: string): string | undefined {
  const path = join(ANIPORTRAIT_FIXTURES, name);
  if (existsSync(path)) return path;
  if (inCi() && existsSync(ANIPORTRAIT_FIXTURES)) throw new Error(`fixture ${name} is missing from ${ANIPORTRAIT_FIXTURES} (CI has the shared fixtures: the tests that need it must run)`);
  console.warn(`skipping the tests that need ${name}: it is not in ${ANIPORTRAIT_FIXTURES} (they need ../shared/fixtures beside the checkout)`);
  return undefined;
}

/** For a test that skipIf()s on a missing fixture: the path, known to be there once the test runs. */
export function present<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('the test should have been skipped: its fixture is missing');
  return value;
}

/** dist/main/cli.js exists (npm run build). Absent: the reason is printed; in CI (which builds first) an error. */
export function builtCli(): boolean {
  const cli = join(ROOT, 'dist', 'main', 'cli.js');
  if (existsSync(cli)) return true;
  if (inCi()) throw new Error(`${cli} is missing: CI builds before the tests (npm run build), so the CLI tests must run`);
  console.warn(`skipping the CLI tests: ${cli} is missing (npm run build first)`);
  return false;
}
