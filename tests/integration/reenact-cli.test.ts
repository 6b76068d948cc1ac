// @vitest-environment node
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ffmpegBinaries } from '../../src-main/media/ffmpeg-binaries.js';
import { MAX_FACE_GAP_SEC } from '../../src-shared/performance/performance-problem.js';
import { cliBuilt, cliRunner } from '../helpers/cli-runner.js';
import { fixture, present } from '../helpers/fixtures.js';

const REF_CXK_PNG = fixture('ref_cxk.png');
const POSE_REF_VIDEO = fixture('pose_ref_video.mp4');
const SPEECH_WAV = fixture('speech_cxk.wav');
const built = cliBuilt('reenact-cli.test.ts');
const dir = mkdtempSync(join(tmpdir(), 'aniportrait-reenact-cli-'));
const cli = cliRunner(dir);
const ffmpeg = (...args: string[]) => execFileSync(ffmpegBinaries().ffmpegPath, ['-y', '-loglevel', 'error', ...args]);
const at = (name: string) => join(dir, name);

describe.runIf(built && REF_CXK_PNG && POSE_REF_VIDEO && SPEECH_WAV)('aniportrait reenact / track --video (CLI)', () => {
  beforeAll(() => {
    const source = present(POSE_REF_VIDEO);
    // 2 s of the talking video whose frames 20..30 are dropped: a variable frame rate.
    ffmpeg('-i', source, '-t', '2', '-vf', "select='not(between(n,20,30))'", '-vsync', 'vfr', at('vfr.mp4'));
    // No face anywhere: a grey picture with a tone.
    ffmpeg('-f', 'lavfi', '-i', 'color=c=gray:s=320x240:d=1.5', '-f', 'lavfi', '-i', 'sine=f=220:d=1.5', '-shortest', at('blank.mp4'));
    // The face covered from 1 s to 1 s + MAX_FACE_GAP_SEC + 0.5 s.
    const until = 1 + MAX_FACE_GAP_SEC + 0.5;
    ffmpeg('-i', source, '-t', String(until + 0.5), '-vf', `drawbox=x=0:y=0:w=iw:h=ih:color=gray:t=fill:enable='between(t,1,${until})'`, at('lost.mp4'));
  });

  it('track --image --video writes the usual track format, with audio from the video, and says the variable frame rate was resampled', () => {
    const run = cli('track', '--image', present(REF_CXK_PNG), '--video', at('vfr.mp4'), '--pose-reference', '1', '--out', at('track.json'));
    expect(run.stderr).toMatch(/warning: The video ".*vfr\.mp4" has a variable frame rate; its frames were resampled to 30 fps\./);
    expect(run.status).toBe(0);
    const track = JSON.parse(readFileSync(at('track.json'), 'utf8')) as { format: string; fps: number; frameCount: number; landmarks2d: number[][]; pose: number[][] };
    expect(track.format).toBe('aniportrait-track');
    expect(track.fps).toBe(30);
    // 2 s of the video's own sound at 30 fps.
    expect(track.frameCount).toBeGreaterThanOrEqual(60);
    expect(track.frameCount).toBeLessThanOrEqual(62);
    expect(track.landmarks2d[0]).toHaveLength(478 * 2);
    expect(track.pose[0]).toHaveLength(6);
    const yaw = track.pose.map((p) => p[1]);
    expect(Math.max(...yaw) - Math.min(...yaw)).toBeGreaterThan(1);
    // --pose-reference 1: the pose at 1 s is the rest pose (within the filter's smoothing).
    expect(Math.max(...track.pose[30].slice(0, 3).map(Math.abs))).toBeLessThan(1);
  }, 120_000);

  it('refuses a source with no video stream, one with no face, and a face lost for too long, naming the file and what to do', () => {
    const noVideo = cli('reenact', '--image', present(REF_CXK_PNG), '--video', present(SPEECH_WAV), '--out', at('a.mp4'));
    expect(noVideo.status).toBe(1);
    expect(noVideo.stderr).toMatch(/The video ".*speech_cxk\.wav" has no video stream\. Choose a video of a talking person/);
    const blank = cli('reenact', '--image', present(REF_CXK_PNG), '--video', at('blank.mp4'), '--out', at('b.mp4'));
    expect(blank.status).toBe(1);
    expect(blank.stderr).toMatch(/The video ".*blank\.mp4" shows no face the studio can find in any of its \d+ frames/);
    const lost = cli('reenact', '--image', present(REF_CXK_PNG), '--video', at('lost.mp4'), '--out', at('c.mp4'));
    expect(lost.status).toBe(1);
    expect(lost.stderr).toMatch(new RegExp(`loses the face for 2\\.[5-6] s \\(from 1\\.0 s\\); gaps of up to ${MAX_FACE_GAP_SEC} s are bridged`));
    for (const out of ['a.mp4', 'b.mp4', 'c.mp4']) expect(existsSync(at(out))).toBe(false);
  }, 180_000);

  it('refuses wrong usage: --keep without --video, unknown parts, --video with a pose source or an Audio2Lmk engine', () => {
    const photo = present(REF_CXK_PNG);
    expect(cli('render', '--image', photo, '--audio', present(SPEECH_WAV), '--keep', 'mouth', '--out', at('d.mp4')).stderr).toMatch(/--keep belongs to a performance; it needs --video SOURCE/);
    expect(cli('reenact', '--image', photo, '--video', at('vfr.mp4'), '--pose-reference=-1', '--out', at('d.mp4')).stderr).toMatch(/--pose-reference is a time in the video, 0 or more seconds; got -1/);
    const badKeep = cli('reenact', '--image', photo, '--video', at('vfr.mp4'), '--keep', 'mouth,ears', '--out', at('d.mp4'));
    expect(badKeep.status).toBe(2);
    expect(badKeep.stderr).toMatch(/--keep takes a comma list of pose, expression, mouth, blinks; got mouth,ears/);
    expect(cli('render', '--image', photo, '--video', at('vfr.mp4'), '--pose-video', at('vfr.mp4'), '--out', at('d.mp4')).stderr).toMatch(/--video makes the whole track from the performance; drop --pose-video/);
    expect(cli('reenact', '--image', photo, '--out', at('d.mp4')).stderr).toMatch(/--video SOURCE is required/);
    expect(cli('reenact', '--image', photo, '--video', at('vfr.mp4'), '--audio-engine', 'builtin', '--out', at('d.mp4')).status).toBe(2);
  });
});
