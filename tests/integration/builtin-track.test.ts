// @vitest-environment node
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateBuiltinTrack } from '../../src-main/engines/builtin/generate-track.js';
import { decodeAudioClip } from '../../src-main/media/decode-audio-clip.js';
import { builtCli, fixture, present } from '../helpers/fixtures.js';
import { toneBursts, wavBytes } from '../helpers/wav.js';

const POSE_TEMP_NPY = fixture('pose_temp.npy');
const REF_JIJIN_PNG = fixture('ref_jijin.png');
const CLI_BUILT = builtCli();

const ROOT = join(__dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'aniportrait.js');
const dir = mkdtempSync(join(tmpdir(), 'aniportrait-track-'));
const hasEspeak = spawnSync('espeak-ng', ['--version']).status === 0;
if (!hasEspeak) console.warn('builtin-track.test: espeak-ng is not installed; speech tests skip (apt-get install espeak-ng).');

/** espeak-ng speech with 1.5 s of digital silence before and after (sox pads). */
function speech(name: string, text: string): string {
  const raw = join(dir, `${name}.raw.wav`);
  const padded = join(dir, `${name}.wav`);
  execFileSync('espeak-ng', ['-w', raw, text]);
  execFileSync('sox', [raw, padded, 'pad', '1.5', '1.5']);
  return padded;
}

describe.skipIf(!hasEspeak)('built-in Audio2Lmk on speech', () => {
  it('closes the mouth in silence and opens it while talking; head pose stays natural', async () => {
    const samples = await decodeAudioClip(speech('talk', 'Hello there. Today we are talking about a very exciting animation studio.'), 'talk.wav');
    const track = await generateBuiltinTrack({ samples, fps: 30, seed: 1, poseSource: { kind: 'audio' } });
    expect(track.frameCount).toBe(Math.ceil((samples.length / 16000) * 30));
    const jaw = track.params.jawOpen;
    const leading = jaw.subarray(0, 35);
    const trailing = jaw.subarray(track.frameCount - 35);
    expect(Math.max(...leading)).toBeLessThan(0.05);
    expect(Math.max(...trailing)).toBeLessThan(0.05);
    const talking = jaw.subarray(50, track.frameCount - 50);
    expect(Math.max(...talking)).toBeGreaterThan(0.4);
    expect(talking.filter((v) => v > 0.15).length).toBeGreaterThan(talking.length * 0.25);
    for (let f = 0; f < track.frameCount; f++) {
      expect(Math.abs(track.poses[f * 6])).toBeLessThan(8);
      expect(Math.abs(track.poses[f * 6 + 1])).toBeLessThan(8);
      expect(Math.abs(track.poses[f * 6 + 2])).toBeLessThan(5);
    }
    const again = await generateBuiltinTrack({ samples, fps: 30, seed: 1, poseSource: { kind: 'audio' } });
    expect(again.poses).toEqual(track.poses);
    expect(again.params.blinkLeft).toEqual(track.params.blinkLeft);
  });

  it.skipIf(!POSE_TEMP_NPY)('follows the pose template when one is given', async () => {
    const template = present(POSE_TEMP_NPY);
    const samples = await decodeAudioClip(speech('short', 'One two three.'), 'short.wav');
    const track = await generateBuiltinTrack({ samples, fps: 30, seed: 1, poseSource: { kind: 'template', path: template, label: 'pose_temp.npy' } });
    expect(track.poses[0]).toBeCloseTo(-3.761, 3);
    expect(track.poses[5]).toBeCloseTo(-0.0468, 3);
  });
});

describe('aniportrait track CLI', () => {
  it.skipIf(!REF_JIJIN_PNG || !CLI_BUILT)('writes the documented track JSON for a photo and speech', () => {
    const photo = present(REF_JIJIN_PNG);
    const audio = join(dir, 'bursts.wav');
    writeFileSync(audio, wavBytes(toneBursts(2, 22050), 22050));
    const out = join(dir, 'track.json');
    execFileSync(process.execPath, [BIN, 'track', '--image', photo, '--audio', audio, '--fps', '25', '--seed', '3', '--out', out], { stdio: 'pipe' });
    const track = JSON.parse(readFileSync(out, 'utf8')) as { format: string; version: number; fps: number; imageSize: number[]; frameCount: number; landmarks2d: number[][]; pose: number[][] };
    expect(track.format).toBe('aniportrait-track');
    expect(track.version).toBe(1);
    expect(track.fps).toBe(25);
    expect(track.imageSize).toEqual([515, 516]);
    expect(track.frameCount).toBe(50);
    expect(track.landmarks2d).toHaveLength(50);
    expect(track.landmarks2d[0]).toHaveLength(956);
    expect(track.pose[0]).toHaveLength(6);
    for (const v of track.landmarks2d[10]) expect(v).toBeGreaterThan(-50);
    expect(existsSync(`${out}.part`)).toBe(false);
  });

  it.skipIf(!REF_JIJIN_PNG || !CLI_BUILT)('fails with a clear message for silent audio, a missing file and bad options', () => {
    const photo = present(REF_JIJIN_PNG);
    const silent = join(dir, 'silent.wav');
    writeFileSync(silent, wavBytes(new Float32Array(16000 * 2), 16000));
    const run = (...args: string[]) => spawnSync(process.execPath, [BIN, 'track', ...args], { encoding: 'utf8' });
    const quiet = run('--image', photo, '--audio', silent, '--out', join(dir, 'x.json'));
    expect(quiet.status).toBe(1);
    expect(quiet.stderr).toMatch(/silent\.wav.*is silent/);
    const missing = run('--image', photo, '--audio', join(dir, 'nope.wav'), '--out', join(dir, 'x.json'));
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/nope\.wav/);
    const bad = run('--image', photo, '--audio', silent, '--out', join(dir, 'x.json'), '--fps', 'fast');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--fps/);
    expect(existsSync(join(dir, 'x.json'))).toBe(false);
  });
});
