// @vitest-environment node
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Migration } from '../../src-shared/project/migrations.js';
import { MIGRATIONS, migrateProject } from '../../src-shared/project/migrations.js';
import { CURRENT_SCHEMA_VERSION } from '../../src-shared/project/project-schema.js';

const fixture = (name: string): unknown => JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'projects', name), 'utf8'));

describe('project migrations', () => {
  it('upgrades the version-0 draft to exactly its after fixture (project/1..4)', () => {
    const result = migrateProject(fixture('v0-draft.before.json'));
    if (!result.ok) throw new Error(`the draft did not upgrade: ${result.error.message}`);
    expect(result.value.applied).toEqual(['project/1', 'project/2', 'project/3', 'project/4']);
    expect(result.value.fromVersion).toBe(0);
    expect(result.value.document).toEqual(fixture('v0-draft.after.json'));
  });

  it('upgrades a version-1 document to exactly its after fixture (project/2..4), keyframes and markers included', () => {
    const result = migrateProject(fixture('v1-full.json'));
    expect(result.ok && result.value.applied).toEqual(['project/2', 'project/3', 'project/4']);
    expect(result.ok && result.value.document).toEqual(fixture('v1-full.after.json'));
  });

  it('upgrades a version-2 document (project/3, project/4): each audio asset gets its 16 kHz sample count, estimated from its duration', () => {
    const result = migrateProject(fixture('v2-full.json'));
    expect(result.ok && result.value.applied).toEqual(['project/3', 'project/4']);
    expect(result.ok && result.value.document).toEqual(fixture('v2-full.after.json'));
    const audio = result.ok ? result.value.document.assets.find((a) => a.media.kind === 'audio') : undefined;
    expect(audio?.media.kind === 'audio' && audio.media.analysisSampleCount).toBe(160000);
  });

  it('upgrades a version-3 document to exactly its after fixture (project/4 only renumbers: the performance source is additive)', () => {
    const result = migrateProject(fixture('v3-full.json'));
    expect(result.ok && result.value.applied).toEqual(['project/4']);
    expect(result.ok && result.value.document).toEqual(fixture('v3-full.after.json'));
  });

  it('reads a current document unchanged, pose template, reference video and performance video assets included', () => {
    const raw = fixture('v4-full.json');
    const result = migrateProject(raw);
    expect(result.ok && result.value.applied).toEqual([]);
    expect(result.ok && result.value.document).toEqual(raw);
  });

  it('numbers migrations project/1..N up to the current version, and every one runs in a full upgrade', () => {
    expect(MIGRATIONS.map((m) => m.id)).toEqual(MIGRATIONS.map((_, i) => `project/${i + 1}`));
    expect(MIGRATIONS.length).toBe(CURRENT_SCHEMA_VERSION);
    const ran = new Set<string>();
    const spied: Migration[] = MIGRATIONS.map((m) => ({ ...m, migrate: (doc) => (ran.add(m.id), m.migrate(doc)) }));
    const result = migrateProject(fixture('v0-draft.before.json'), spied);
    expect(result.ok).toBe(true);
    expect([...ran]).toEqual(MIGRATIONS.map((m) => m.id));
  });

  it('refuses a document from a newer studio with newer-version', () => {
    const raw = { ...(fixture('v4-full.json') as object), schemaVersion: CURRENT_SCHEMA_VERSION + 1 };
    const result = migrateProject(raw);
    expect(!result.ok && result.error.code).toBe('newer-version');
    expect(!result.ok && result.error.message).toMatch(/newer AniPortrait Studio/);
  });

  it('names the invalid field of a malformed document instead of dropping it', () => {
    const raw = fixture('v1-full.json') as { settings: Record<string, unknown> };
    raw.settings.fps = 'thirty';
    const bad = migrateProject(raw);
    expect(!bad.ok && bad.error.code).toBe('malformed-project');
    expect(!bad.ok && bad.error.message).toMatch(/settings\.fps/);

    const unknownField = migrateProject({ ...(fixture('v1-full.json') as object), extra: 1 });
    expect(!unknownField.ok && unknownField.error.code).toBe('malformed-project');

    const unknownV0 = migrateProject({ name: 'x', photoPath: 'a.png' });
    expect(!unknownV0.ok && unknownV0.error.message).toMatch(/project\/1.*photoPath/);
  });

  it('rejects non-objects and unsafe asset paths', () => {
    for (const raw of [null, 3, 'x', []]) expect(migrateProject(raw).ok).toBe(false);
    const raw = fixture('v1-full.json') as { assets: { relPath: string }[] };
    raw.assets[0].relPath = '../../etc/passwd';
    const result = migrateProject(raw);
    expect(!result.ok && result.error.message).toMatch(/assets\.0\.relPath/);
  });
});
