// @vitest-environment node
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliBuilt, cliRunner } from '../helpers/cli-runner.js';
import { fixture } from '../helpers/fixtures.js';
import { toneBursts, wavBytes } from '../helpers/wav.js';

const built = cliBuilt('cli-output-safety.test');

/** --out that would destroy an input, or cannot be a file, is refused before any work; the inputs stay as they were. */
describe.runIf(built)('aniportrait CLI output checks', () => {
  const dir = mkdtempSync(join(tmpdir(), 'aniportrait-cli-out-'));
  const audio = join(dir, 'v.wav');
  writeFileSync(audio, wavBytes(toneBursts(1, 16000), 16000));
  const photo = join(dir, 'face.png');
  const ref = fixture('ref_cxk.png');
  if (ref) copyFileSync(ref, photo);
  const cli = cliRunner(dir);

  it.runIf(ref !== undefined)('refuses --out equal to --audio or --image (also through a link, and for track); both stay intact', () => {
    const audioBefore = readFileSync(audio);
    const photoBefore = readFileSync(photo);
    symlinkSync(audio, join(dir, 'link-to-audio.mp4'));
    const cases: [string[], RegExp][] = [
      [['render', '--image', photo, '--audio', 'v.wav', '--out', 'v.wav'], /The output ".*v\.wav" is the audio "v\.wav" \(".*v\.wav"\); writing it would destroy that input\. Choose another output file\./],
      [['render', '--image', photo, '--audio', audio, '--out', photo], /The output ".*face\.png" is the photo ".*face\.png"/],
      [['render', '--image', photo, '--audio', audio, '--out', 'link-to-audio.mp4'], /The output ".*link-to-audio\.mp4" is the audio/],
      [['track', '--image', photo, '--audio', audio, '--out', audio], /The output ".*v\.wav" is the audio/],
    ];
    for (const [args, message] of cases) {
      const run = cli(...args);
      expect(run.status, args.join(' ')).toBe(2);
      expect(run.stderr).toMatch(message);
    }
    expect(readFileSync(audio).equals(audioBefore)).toBe(true);
    expect(readFileSync(photo).equals(photoBefore)).toBe(true);
  });

  it('refuses --out naming a folder before rendering, with a clear message', () => {
    mkdirSync(join(dir, 'videos'));
    const run = cli('render', '--image', photo, '--audio', audio, '--out', 'videos');
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/The output ".*videos" is a folder\. Give a file name inside it, e\.g\. ".*videos\/video\.mp4"/);
    expect(run.stderr).not.toMatch(/Rendering|frame=|Encoding/);
  });
});
