// @vitest-environment node
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtCli } from '../helpers/fixtures.js';

const ROOT = join(__dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'aniportrait.js');
const built = builtCli();

describe.skipIf(!built)('aniportrait CLI', () => {
  const env = { ...process.env, ANIPORTRAIT_DATA_DIR: mkdtempSync(join(tmpdir(), 'aniportrait-cli-')) };

  it('info --json prints versions, execution providers in try order, and model status', () => {
    const info = JSON.parse(execFileSync(process.execPath, [BIN, 'info', '--json'], { env, encoding: 'utf8' })) as {
      host: string;
      versions: Record<string, string>;
      executionProviders: { name: string; available: boolean }[];
      models: { name: string; status: string }[];
    };
    expect(info.host).toBe('cli');
    expect(info.versions.node).toBe(process.versions.node);
    expect(info.versions.onnxruntime).toMatch(/^\d+\.\d+\.\d+/);
    const names = info.executionProviders.map((ep) => ep.name);
    expect(names[names.length - 1]).toBe('cpu');
    expect(info.executionProviders.find((ep) => ep.name === 'cpu')?.available).toBe(true);
    expect(info.models.find((m) => m.name.includes('audio2mesh.onnx'))?.status).toBe('missing');
  });

  it('info prints a readable report, --help describes a command, and unknown commands fail with usage', () => {
    const text = execFileSync(process.execPath, [BIN, 'info'], { env, encoding: 'utf8' });
    expect(text).toMatch(/Execution providers \(tried in this order\):/);
    const bad = spawnSync(process.execPath, [BIN, 'frobnicate'], { env, encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/unknown command "frobnicate"/);
    const render = spawnSync(process.execPath, [BIN, 'render'], { env, encoding: 'utf8' });
    expect(render.status).toBe(2);
    expect(render.stderr).toMatch(/--image, --audio and --out are required/);
    const onnx = spawnSync(process.execPath, [BIN, 'render', '--image', 'a.png', '--audio', 'a.wav', '--out', 'a.mp4', '--engine', 'aniportrait'], { env, encoding: 'utf8' });
    expect(onnx.status).toBe(1);
    expect(onnx.stderr).toMatch(/The AniPortrait engine needs w2v_feature_encoder\.onnx, .*film_net\.onnx in .* which are missing\. Export the models/);
    const builtinModels = spawnSync(process.execPath, [BIN, 'render', '--image', 'a.png', '--audio', 'a.wav', '--out', 'a.mp4', '--models', '.'], { env, encoding: 'utf8' });
    expect(builtinModels.stderr).toMatch(/--models belongs to the aniportrait Audio2Lmk \(--engine or --audio-engine aniportrait\) or the aniportrait Lmk2Video \(--engine or --video-engine aniportrait\); this job runs the builtin Audio2Lmk and the builtin Lmk2Video/);
    const help = spawnSync(process.execPath, [BIN, 'render', '--help'], { env, encoding: 'utf8' });
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^Usage: aniportrait render \(--image PHOTO --audio AUDIO --out OUT\.mp4 \| --project P\.aniproj/);
    expect(help.stdout).toMatch(/--video-engine builtin\|aniportrait\n +Lmk2Video alone/);
    expect(help.stdout).toMatch(/--film-step N .*\(default 3; 1: all\)/);
    expect(execFileSync(process.execPath, [BIN, 'help', 'track'], { env, encoding: 'utf8' })).toMatch(/--pose-video VIDEO +head motion/);
    expect(execFileSync(process.execPath, [BIN, 'info', '--help'], { env, encoding: 'utf8' })).toMatch(/^Usage: aniportrait info \[--json\]/);
    const fail = (...args: string[]) => spawnSync(process.execPath, [BIN, 'render', ...args], { env, encoding: 'utf8' });
    const contradiction = fail('--image', 'a.png', '--audio', 'a.wav', '--out', 'a.mp4', '--engine', 'builtin', '--video-engine', 'aniportrait');
    expect(contradiction.status).toBe(2);
    expect(contradiction.stderr).toMatch(/--engine builtin sets both stages; it contradicts --video-engine aniportrait/);
    const diffusionFlag = fail('--image', 'a.png', '--audio', 'a.wav', '--out', 'a.mp4', '--audio-engine', 'aniportrait', '--steps', '10');
    expect(diffusionFlag.stderr).toMatch(/--steps belongs to the aniportrait Lmk2Video \(--engine or --video-engine aniportrait\); this job runs the aniportrait Audio2Lmk and the builtin Lmk2Video/);
    const both = fail('--project', 'x.aniproj', '--image', 'a.png');
    expect(both.status).toBe(2);
    expect(both.stderr).toMatch(/--project takes the photo, audio and pose source from the project; drop --image/);
    const notProject = fail('--project', 'x.txt');
    expect(notProject.stderr).toMatch(/"x\.txt" is not an AniPortrait project/);
    const size = spawnSync(process.execPath, [BIN, 'render', '--image', 'a.png', '--audio', 'a.wav', '--out', 'a.mp4', '--size', '511'], { env, encoding: 'utf8' });
    expect(size.status).toBe(2);
    expect(size.stderr).toMatch(/--size must be an even size/);
  });
});
