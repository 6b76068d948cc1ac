// @vitest-environment node
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRecovery } from '../../src-main/project/project-files.js';

const v2 = JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'projects', 'v2-full.json'), 'utf8')) as Record<string, unknown>;

describe('autosaves from an older studio', () => {
  it('are migrated like project files and offered, not dropped', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'aniportrait-recovery-')), 'Old.aniproj');
    mkdirSync(dir);
    const savedAt = '2026-11-30T10:00:00.000Z';
    writeFileSync(join(dir, 'project.recovery.json'), JSON.stringify({ savedAt, document: { ...v2, name: 'Unsaved edits' } }));
    const recovery = await readRecovery(dir);
    expect(recovery?.savedAt).toBe(savedAt);
    expect(recovery?.document.name).toBe('Unsaved edits');
    expect(recovery?.document.schemaVersion).toBe(4);
    const audio = recovery?.document.assets.find((a) => a.media.kind === 'audio');
    expect(audio?.media.kind === 'audio' && audio.media.analysisSampleCount).toBe(160000);
  });
});
