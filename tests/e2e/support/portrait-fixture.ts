import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { test } from './web-host-fixture';

/** AniPortrait's demo portrait in ../shared/fixtures beside the checkout (the face detector needs a real face). */
export const PORTRAIT = resolve(import.meta.dirname, '..', '..', '..', '..', 'shared', 'fixtures', 'aniportrait', 'ref_cxk.png');

/**
 * Skips the running test, saying why, when the portrait fixture is not there; true when it skipped.
 * In CI (CI=true), where ../shared/fixtures exists, a missing portrait fails the test instead.
 */
export function skipWithoutPortrait(what: string): boolean {
  if (existsSync(PORTRAIT)) return false;
  const inCi = process.env.CI !== undefined && process.env.CI !== '' && process.env.CI !== 'false' && process.env.CI !== '0';
  if (inCi && existsSync(dirname(PORTRAIT))) throw new Error(`${what}: the portrait fixture ${PORTRAIT} is missing, though CI has the shared fixtures`);
  const reason = `the portrait fixture ${PORTRAIT} is missing (the synthetic test PNG has no face the detector finds)`;
  console.log(`skipping ${what}: ${reason}`);
  test.skip(true, reason);
  return true;
}
