// @vitest-environment node
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Migration } from '../../src-shared/project/migrations.js';
import { MIGRATIONS, migrateProject } from '../../src-shared/project/migrations.js';
import { CURRENT_SCHEMA_VERSION } from '../../src-shared/project/project-schema.js';
import { evaluateChannel } from '../../src-shared/keyframes/interpolate.js';

const fixture = (name: string): unknown => JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'projects', name), 'utf8'));

describe('project migrations', () => {
  it('upgrades the version-0 draft to exactly its after fixture (project/1 .. project/7)', () => {
    const result = migrateProject(fixture('v0-draft.before.json'));
    if (!result.ok) throw new Error(`the draft did not upgrade: ${result.error.message}`);
    expect(result.value.applied).toEqual(['project/1', 'project/2', 'project/3', 'project/4', 'project/5', 'project/6', 'project/7']);
    expect(result.value.fromVersion).toBe(0);
    expect(result.value.document).toEqual(fixture('v0-draft.after.json'));
  });

  it('upgrades a version-1 document to exactly its after fixture (project/2 .. project/7), keyframes and markers included', () => {
    const result = migrateProject(fixture('v1-full.json'));
    expect(result.ok && result.value.applied).toEqual(['project/2', 'project/3', 'project/4', 'project/5', 'project/6', 'project/7']);
    expect(result.ok && result.value.document).toEqual(fixture('v1-full.after.json'));
  });

  it('upgrades a version-2 document (project/3 .. project/7): each audio asset gets its 16 kHz sample count, estimated from its duration', () => {
    const result = migrateProject(fixture('v2-full.json'));
    expect(result.ok && result.value.applied).toEqual(['project/3', 'project/4', 'project/5', 'project/6', 'project/7']);
    expect(result.ok && result.value.document).toEqual(fixture('v2-full.after.json'));
    const audio = result.ok ? result.value.document.assets.find((a) => a.media.kind === 'audio') : undefined;
    expect(audio?.media.kind === 'audio' && audio.media.analysisSampleCount).toBe(160000);
  });

  it('upgrades a version-3 document (project/4 .. project/7) to its after fixture: layers get solo and weight, keys per-key handles', () => {
    const result = migrateProject(fixture('v3-full.json'));
    expect(result.ok && result.value.applied).toEqual(['project/4', 'project/5', 'project/6', 'project/7']);
    expect(result.ok && result.value.document).toEqual(fixture('v3-full.after.json'));
  });

  it('project/4 keeps every curve: a version-3 CSS cubic-bezier segment evaluates the same with the migrated handles', () => {
    const css = [0.42, 0, 0.58, 1] as const;
    const v3Key = (id: string, timeSec: number, value: number, interp: string) => ({ id, timeSec, value, interp, handles: { outX: css[0], outY: css[1], inX: css[2], inY: css[3] } });
    const raw = fixture('v3-full.json') as { layers: unknown[] };
    raw.layers = [{ id: 'l', name: 'L', enabled: true, channels: { smile: [v3Key('a', 0.5, 0.2, 'bezier'), v3Key('b', 2.5, -0.6, 'bezier'), v3Key('c', 3, 1, 'linear')] } }];
    const result = migrateProject(raw);
    if (!result.ok) throw new Error(result.error.message);
    const keys = result.value.document.layers[0].channels.smile ?? [];
    const cssY = (x: number) => {
      // The v3 evaluation: y of the CSS curve at x, by bisection on t.
      const bez = (p1: number, p2: number, t: number) => 3 * (1 - t) * (1 - t) * t * p1 + 3 * (1 - t) * t * t * p2 + t * t * t;
      let lo = 0;
      let hi = 1;
      for (let i = 0; i < 80; i++) {
        const mid = (lo + hi) / 2;
        if (bez(css[0], css[2], mid) < x) lo = mid;
        else hi = mid;
      }
      return bez(css[1], css[3], lo);
    };
    for (const t of [0.7, 1.1, 1.5, 2.2]) expect(evaluateChannel(keys, t)).toBeCloseTo(0.2 + (-0.6 - 0.2) * cssY((t - 0.5) / 2), 9);
    expect(evaluateChannel(keys, 2.75)).toBeCloseTo(0.2, 9);
  });

  it('upgrades a version-4 document (project/5 only renumbers: the performance source is additive; then project/6 and project/7)', () => {
    const result = migrateProject(fixture('v4-full.json'));
    expect(result.ok && result.value.applied).toEqual(['project/5', 'project/6', 'project/7']);
    expect(result.ok && result.value.document).toEqual(fixture('v4-full.after.json'));
  });

  it('upgrades a version-5 document (project/6: neutral lip-sync controls and no mouth edits; then project/7)', () => {
    const result = migrateProject(fixture('v5-full.json'));
    expect(result.ok && result.value.applied).toEqual(['project/6', 'project/7']);
    expect(result.ok && result.value.document).toEqual(fixture('v5-full.after.json'));
  });

  it('upgrades a version-6 document (project/7: no sculpted shapes yet, nothing else changes)', () => {
    const result = migrateProject(fixture('v6-full.json'));
    expect(result.ok && result.value.applied).toEqual(['project/7']);
    expect(result.ok && result.value.document).toEqual(fixture('v6-full.after.json'));
    expect(result.ok && result.value.document.shapes).toEqual([]);
  });

  it('refuses overlapping mouth edits and names the field', () => {
    const raw = fixture('v7-full.json') as { mouth: { edits: { startSec: number }[] } };
    raw.mouth.edits[1].startSec = 0.5;
    const result = migrateProject(raw);
    expect(!result.ok && result.error.message).toMatch(/mouth.*must not overlap/);
  });

  it('rejects a shape whose offsets do not cover the 478 landmarks, naming where', () => {
    const raw = fixture('v7-full.json') as { shapes: { offsetsCm: number[] }[] };
    raw.shapes[0].offsetsCm = raw.shapes[0].offsetsCm.slice(0, 10);
    const result = migrateProject(raw);
    expect(!result.ok && result.error.message).toContain('shapes.0.offsetsCm');
  });

  it('reads a current document unchanged: solo, weight, the active layer, handle modes, a performance video, lip-sync controls, mouth edits, a sculpted shape and its weight keys', () => {
    const raw = fixture('v7-full.json');
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
    const raw = { ...(fixture('v7-full.json') as object), schemaVersion: CURRENT_SCHEMA_VERSION + 1 };
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
