// @vitest-environment node
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { arrayBufferOf, studioServices } from '../helpers/studio-caller.js';
import { toneBursts, wavBytes } from '../helpers/wav.js';

describe('Save As', () => {
  it('refuses a target inside the project being saved, and loses nothing', async () => {
    const root = mkdtempSync(join(tmpdir(), 'aniportrait-save-as-'));
    const { call } = studioServices({ root, host: 'web' });
    const opened = await call('project:new', { name: 'Nested' });
    if (!opened.ok) throw new Error(opened.error.message);
    const { workDir, document } = opened.value;
    const audio = await call('assets:import', { workDir, role: 'audio', source: { kind: 'bytes', fileName: 'voice.wav', data: arrayBufferOf(wavBytes(toneBursts(1, 16000), 16000)) } });
    if (!audio.ok) throw new Error(audio.error.message);
    const withAudio = { ...document, assets: [audio.value], audioAssetId: audio.value.id };
    for (const target of [join(workDir, 'Inner.aniproj'), join(workDir, 'assets', 'Deeper.aniproj')]) {
      const saved = await call('project:save', { createFolders: true, workDir, path: target, document: withAudio });
      expect(!saved.ok && saved.error.message, target).toMatch(/is inside the project ".*" being saved; choose a folder outside it/);
      expect(existsSync(target)).toBe(false);
    }
    // The untitled project and its audio are still there, and a save elsewhere still works.
    expect(existsSync(join(workDir, audio.value.relPath))).toBe(true);
    const elsewhere = await call('project:save', { createFolders: true, workDir, path: join(root, 'projects', 'Nested.aniproj'), document: withAudio });
    expect(elsewhere.ok && existsSync(join(elsewhere.value.savedPath, audio.value.relPath))).toBe(true);
  });
});
