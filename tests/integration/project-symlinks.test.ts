// @vitest-environment node
import { existsSync, lstatSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { StudioCall } from '../helpers/studio-caller.js';
import { arrayBufferOf, studioServices, value } from '../helpers/studio-caller.js';
import { toneBursts, wavBytes } from '../helpers/wav.js';

let root: string;
let call: StudioCall;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'aniportrait-links-'));
  ({ call } = studioServices({ root, host: 'web' }));
});

/** Links planted in a project's folder must not let it read or copy anything outside it. */
describe('symlinks inside a project', () => {
  it('assets:read and audio:peaks refuse a link to a file or a folder outside the project', async () => {
    const secret = join(root, 'secret.wav');
    writeFileSync(secret, wavBytes(toneBursts(1, 16000), 16000));
    const { workDir } = await value(call('project:new', { name: 'Links' }));
    symlinkSync(secret, join(workDir, 'assets', 'x.wav'));
    symlinkSync('/', join(workDir, 'assets', 'root'));
    for (const relPath of ['assets/x.wav', 'assets/root/etc/hostname', 'assets/root/etc/passwd']) {
      const read = await call('assets:read', { workDir, relPath });
      expect(read.ok, relPath).toBe(false);
      expect(!read.ok && read.error).toMatchObject({ code: 'forbidden', message: expect.stringMatching(/is outside the project folder/) as unknown });
    }
    const peaks = await call('audio:peaks', { workDir, relPath: 'assets/x.wav', peaksPerSec: 10 });
    expect(!peaks.ok && peaks.error.code).toBe('forbidden');
  });

  it('imports nothing through an assets folder replaced by a link', async () => {
    const { workDir } = await value(call('project:new', { name: 'Links' }));
    const elsewhere = mkdtempSync(join(root, 'elsewhere-'));
    rmSync(join(workDir, 'assets'), { recursive: true });
    symlinkSync(elsewhere, join(workDir, 'assets'));
    const imported = await call('assets:import', { workDir, role: 'audio', source: { kind: 'bytes', fileName: 'voice.wav', data: arrayBufferOf(wavBytes(toneBursts(1, 16000), 16000)) } });
    expect(!imported.ok && imported.error.code).toBe('forbidden');
    expect(readdirSync(elsewhere)).toEqual([]);
  });

  it('Save As copies no link: a project whose asset is a link is refused, and nothing outside is copied', async () => {
    const opened = await value(call('project:new', { name: 'Links' }));
    const audio = await value(call('assets:import', { workDir: opened.workDir, role: 'audio', source: { kind: 'bytes', fileName: 'voice.wav', data: arrayBufferOf(wavBytes(toneBursts(1, 16000), 16000)) } }));
    // Replace the imported file by a link to a file outside the project.
    const secret = join(root, 'secret.wav');
    writeFileSync(secret, wavBytes(toneBursts(2, 16000), 16000));
    const assetFile = join(opened.workDir, audio.relPath);
    rmSync(assetFile);
    symlinkSync(secret, assetFile);
    const target = join(root, 'projects', 'Copy.aniproj');
    const saved = await call('project:save', { createFolders: true, workDir: opened.workDir, path: target, document: { ...opened.document, assets: [audio], audioAssetId: audio.id } });
    expect(saved.ok).toBe(false);
    expect(!saved.ok && saved.error).toMatchObject({ code: 'forbidden', message: expect.stringMatching(/"assets\/audio-.*\.wav" is outside the project folder/) as unknown });
    const copied = existsSync(join(target, audio.relPath)) ? lstatSync(join(target, audio.relPath)) : null;
    expect(copied).toBeNull();
    expect(existsSync(join(target, 'assets')) ? readdirSync(join(target, 'assets')) : []).toEqual([]);
    // A link to another file inside the project is not copied either.
    rmSync(assetFile);
    writeFileSync(join(opened.workDir, 'assets', 'real.wav'), wavBytes(toneBursts(1, 16000), 16000));
    symlinkSync(join(opened.workDir, 'assets', 'real.wav'), assetFile);
    const again = await call('project:save', { createFolders: true, workDir: opened.workDir, path: target, document: { ...opened.document, assets: [audio], audioAssetId: audio.id } });
    expect(!again.ok && again.error.message).toMatch(/The asset "voice\.wav" \(assets\/.*\.wav\) is a link or not a plain file, so it is not copied; nothing was saved/);
    expect(existsSync(target)).toBe(false);
  });
});
