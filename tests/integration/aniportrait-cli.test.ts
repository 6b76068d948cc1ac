// @vitest-environment node
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ffmpegBinaries } from '../../src-main/media/ffmpeg-binaries.js';
import { builtCli, fixture } from '../helpers/fixtures.js';
import { buildTinyAniPortraitModels } from '../helpers/onnx/tiny-aniportrait.js';
import { toneBursts, writeWav } from '../helpers/wav.js';

const ROOT = join(__dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'aniportrait.js');
const built = builtCli();
const photo = fixture('ref_cxk.png');

describe.skipIf(!built || !photo)('aniportrait CLI on the AniPortrait engine (tiny stand-in graphs)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'aniportrait-cli-onnx-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const models = join(dir, 'models');
  const audio = join(dir, 'speech.wav');
  const env = { ...process.env, ANIPORTRAIT_DATA_DIR: join(dir, 'data') };
  const run = (args: string[]) => spawnSync(process.execPath, [BIN, ...args], { env, encoding: 'utf8', cwd: dir });

  it("track --engine aniportrait writes a 30 fps track; render makes an MP4 at the models' size with audio", () => {
    mkdirSync(models);
    // The export writes its manifest beside the graphs; sizes other than 512 come from there.
    const { manifest } = buildTinyAniPortraitModels(models);
    writeFileSync(join(models, 'aniportrait.manifest.json'), JSON.stringify(manifest));
    writeWav(audio, toneBursts(2, 16000), 16000);

    const track = run(['track', '--image', photo ?? '', '--audio', audio, '--out', 'track.json', '--engine', 'aniportrait', '--models', models, '--providers', 'cpu']);
    expect(track.status).toBe(0);
    expect(track.stderr).toMatch(/wrote .*track\.json: 60 frames at 30 fps \(2\.0 s of video, aniportrait engine\)/);
    const json = JSON.parse(readFileSync(join(dir, 'track.json'), 'utf8')) as { fps: number; frameCount: number; landmarks2d: number[][] };
    expect(json.fps).toBe(30);
    expect(json.frameCount).toBe(60);

    const render = run(['render', '--image', photo ?? '', '--audio', audio, '--out', 'talk.mp4', '--engine', 'aniportrait', '--models', models, '--steps', '2', '--providers', 'cuda,cpu']);
    expect(render.status).toBe(0);
    // The CUDA provider cannot load here: the CLI says so instead of falling back silently.
    expect(render.stderr).toMatch(/warning: cuda could not load w2v_feature_encoder\.onnx: .*trying the next provider/);
    expect(render.stderr).toMatch(/wrote .*talk\.mp4: 64x64, 60 frames at 30 fps \(AniPortrait on cpu\)/);
    const { ffprobePath } = ffmpegBinaries();
    const info = JSON.parse(execFileSync(ffprobePath, ['-v', 'error', '-count_frames', '-show_streams', '-of', 'json', join(dir, 'talk.mp4')], { encoding: 'utf8' })) as {
      streams: { codec_type: string; width?: number; nb_read_frames?: string }[];
    };
    const video = info.streams.find((s) => s.codec_type === 'video');
    expect(video?.width).toBe(64);
    expect(video?.nb_read_frames).toBe('60');
    expect(info.streams.some((s) => s.codec_type === 'audio')).toBe(true);

    const wrongSize = run(['render', '--image', photo ?? '', '--audio', audio, '--out', 'big.mp4', '--engine', 'aniportrait', '--models', models, '--size', '512']);
    expect(wrongSize.status).toBe(2);
    expect(wrongSize.stderr).toMatch(/render 64x64; 512x512 needs an export at that size .*Use 64x64/);
    expect(readdirSync(dir).filter((f) => f.startsWith('big'))).toEqual([]);
  });
});
