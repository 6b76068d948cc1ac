// @vitest-environment node
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { childrenNamed, eventually, isAlive } from '../helpers/processes.js';
import { toneBursts, wavBytes } from '../helpers/wav.js';

/** A crash (an uncaught exception anywhere) in the middle of an export: ffmpeg dies with the process and no .part stays. */
describe.runIf(existsSync('/proc/self/stat'))('a crash during an export', () => {
  it('kills ffmpeg and removes the .part and .lock', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'aniportrait-crash-'));
    // Bundled into dist/ (ignored by git) so that its packages resolve from node_modules.
    const script = join(__dirname, '..', '..', 'dist', 'test-scripts', 'crash-during-export.mjs');
    await build({ entryPoints: [join(__dirname, '..', 'fixtures', 'scripts', 'crash-during-export.ts')], outfile: script, bundle: true, platform: 'node', format: 'esm', packages: 'external', logLevel: 'error', absWorkingDir: join(__dirname, '..', '..') });
    const audio = join(dir, 'tone.wav');
    writeFileSync(audio, wavBytes(toneBursts(2, 16000), 16000));
    const out = join(dir, 'crash.mp4');
    const child = spawn(process.execPath, [script, out, audio], { cwd: join(__dirname, '..', '..'), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    expect(await eventually(() => stdout.includes('writing') && childrenNamed(child.pid as number, 'ffmpeg').length === 1, 30_000), stderr).toBe(true);
    const ffmpegPid = childrenNamed(child.pid as number, 'ffmpeg')[0];
    expect(existsSync(`${out}.part`)).toBe(true);
    expect(await exited).toBe(1);
    expect(stderr).toMatch(/simulated crash/);
    expect(await eventually(() => !isAlive(ffmpegPid), 10_000)).toBe(true);
    expect(readdirSync(dir).filter((name) => name.startsWith('crash.mp4'))).toEqual([]);
  });
});
