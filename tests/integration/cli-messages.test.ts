// @vitest-environment node
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliBuilt, cliRunner } from '../helpers/cli-runner.js';
import { fixture, present } from '../helpers/fixtures.js';

const REF_CXK_PNG = fixture('ref_cxk.png');
import { solidPng } from '../helpers/png.js';
import { toneBursts, wavBytes } from '../helpers/wav.js';

const built = cliBuilt('cli-messages.test');

/** Messages a user of the CLI reads for wrong inputs: they name the input and say what is wrong. */
describe.runIf(built)('aniportrait CLI messages', () => {
  const dir = mkdtempSync(join(tmpdir(), 'aniportrait-cli-msg-'));
  const cli = cliRunner(dir);
  const audio = join(dir, 'v.wav');
  writeFileSync(audio, wavBytes(toneBursts(1, 16000), 16000));
  const photo = join(dir, 'p.png');
  writeFileSync(photo, solidPng(64, 64, [200, 150, 120]));
  const render = (...args: string[]) => cli('render', '--out', join(dir, 'o.mp4'), ...args);

  it('says "not found" for a missing photo file', () => {
    const noPhoto = render('--image', 'missing.png', '--audio', audio);
    expect(noPhoto.status).toBe(1);
    expect(noPhoto.stderr).toMatch(/The photo "missing\.png" was not found \(".*missing\.png"\)\. Check the path\./);
  });

  // The photo is analysed first: the audio case needs a photo with a face.
  it.skipIf(!REF_CXK_PNG)('says "not found" for a missing audio file', () => {
    const noAudio = render('--image', present(REF_CXK_PNG), '--audio', 'missing.wav');
    expect(noAudio.stderr).toMatch(/The audio "missing\.wav" was not found/);
    expect(noAudio.stderr).not.toMatch(/not a readable/);
  });

  it('refuses seeds outside 0..2^32-1 and numbers that are not plain decimals', () => {
    const cases: [string[], RegExp][] = [
      [['--seed', '4294967296'], /--seed must be a whole number 0\.\.4294967295 in decimal digits, got "4294967296"/],
      [['--seed=-1'], /--seed must be a whole number 0\.\.4294967295/],
      [['--seed', '1e3'], /--seed must be .* got "1e3"/],
      [['--seed', '0x10'], /--seed must be .* got "0x10"/],
      [['--seed', ''], /--seed must be .* got ""/],
      [['--fps', '0x1e'], /--fps must be a whole number 1\.\.120 in decimal digits, got "0x1e"/],
      [['--fps', '3e1'], /--fps must be/],
      [['--engine', 'aniportrait', '--pose-style', '1e1'], /--pose-style must be a whole number 0\.\.99/],
      [['--engine', 'aniportrait', '--guidance', '0x4'], /--guidance must be a decimal number such as 3\.5, got "0x4"/],
    ];
    for (const [args, message] of cases) {
      const run = render('--image', photo, '--audio', audio, ...args);
      expect(run.status, args.join(' ')).toBe(2);
      expect(run.stderr, args.join(' ')).toMatch(message);
    }
  });
});
