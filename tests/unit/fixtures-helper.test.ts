// @vitest-environment node
import { existsSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ANIPORTRAIT_FIXTURES, fixture, inCi, present } from '../helpers/fixtures.js';

const HAVE_SHARED = existsSync(ANIPORTRAIT_FIXTURES);
if (!HAVE_SHARED) console.warn(`skipping the CI half of the fixture-lookup test: ${ANIPORTRAIT_FIXTURES} is absent`);

describe('fixture lookup (tests skip with a reason, never pass silently)', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('reads CI from the environment as CI services set it', () => {
    expect(inCi({ CI: 'true' })).toBe(true);
    expect(inCi({ CI: '1' })).toBe(true);
    expect(inCi({})).toBe(false);
    expect(inCi({ CI: 'false' })).toBe(false);
  });

  it('outside CI, answers undefined for a missing fixture and prints why', () => {
    vi.stubEnv('CI', '');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(fixture('no-such-fixture.png')).toBeUndefined();
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('no-such-fixture.png'));
    warn.mockRestore();
    expect(() => present(undefined)).toThrow(/skipped/);
  });

  it.skipIf(!HAVE_SHARED)('in CI, where the shared fixtures exist, fails for a missing one', () => {
    vi.stubEnv('CI', 'true');
    expect(() => fixture('no-such-fixture.png')).toThrow(/missing/);
  });
});
