import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** ../shared/fixtures/aniportrait beside the checkout (AniPortrait's public demo data), if present. */
export const ANIPORTRAIT_FIXTURES = join(__dirname, '..', '..', '..', 'shared', 'fixtures', 'aniportrait');

export function fixture(name: string): string | undefined {
  const path = join(ANIPORTRAIT_FIXTURES, name);
  if (existsSync(path)) return path;
  console.log(`skipping: fixture ${name} not found in ${ANIPORTRAIT_FIXTURES} (tests that need ../shared/fixtures skip without it)`);
  return undefined;
}
