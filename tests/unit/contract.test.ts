// @vitest-environment node
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { INVOKE_CHANNELS, invokeChannels, PUSH_CHANNELS, pushChannels } from '../../src-shared/ipc/contract.js';
import { createStudioApi, verbMethodName } from '../../src-shared/ipc/studio-api.js';
import { createProject } from '../../src-shared/project/create-project.js';

const ROOT = join(__dirname, '..', '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('IPC contract', () => {
  it("names invoke channels 'domain:verb' and pushes 'domain:did-x'", () => {
    for (const channel of INVOKE_CHANNELS) expect(channel).toMatch(/^[a-z]+:[a-z]+(-[a-z]+)*$/);
    for (const channel of INVOKE_CHANNELS) expect(channel).not.toMatch(/:did-/);
    for (const channel of PUSH_CHANNELS) expect(channel).toMatch(/^[a-z]+:did-[a-z]+(-[a-z]+)*$/);
  });

  it('keeps every channel string inside the contract file', () => {
    const channels = [...INVOKE_CHANNELS, ...PUSH_CHANNELS];
    const offenders: string[] = [];
    for (const dir of ['src-main', 'src-renderer', 'src-shared']) {
      for (const file of sourceFiles(join(ROOT, dir))) {
        if (file.endsWith(join('ipc', 'contract.ts'))) continue;
        // Comments may name channels, and so may type arguments (ResponseOf<'audio:peaks'>), which the compiler checks.
        const code = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
        for (const channel of channels) {
          if (new RegExp(`(?<!Of<)['"\`]${channel}['"\`]`).test(code)) offenders.push(`${file}: ${channel}`);
        }
      }
    }
    // The services map is keyed by channel (type-checked against the contract): the one allowed user.
    expect(offenders.filter((o) => !o.includes(join('services', 'studio-services.ts')))).toEqual([]);
  });

  it('validates requests: good payloads pass, wrong types, extra fields and traversal paths fail', () => {
    const { request } = invokeChannels['assets:read'];
    expect(request.safeParse({ workDir: '/p/a.aniproj', relPath: 'assets/a.wav' }).success).toBe(true);
    expect(request.safeParse({ workDir: '/p/a.aniproj', relPath: '../secret' }).success).toBe(false);
    expect(request.safeParse({ workDir: '/p/a.aniproj', relPath: '/etc/passwd' }).success).toBe(false);
    expect(request.safeParse({ workDir: '/p/a.aniproj', relPath: 'a', extra: 1 }).success).toBe(false);
    expect(request.safeParse({ workDir: 5, relPath: 'a' }).success).toBe(false);

    const save = invokeChannels['project:save'].request;
    expect(save.safeParse({ workDir: '/w', path: '/p.aniproj', document: createProject('A') }).success).toBe(true);
    expect(save.safeParse({ workDir: '/w', path: '/p.aniproj', document: { ...createProject('A'), schemaVersion: 9 } }).success).toBe(false);
  });

  it('carries bulk data as binary, never as JSON arrays', () => {
    const { request } = invokeChannels['assets:import'];
    const base = { workDir: '/w', role: 'audio' };
    expect(request.safeParse({ ...base, source: { kind: 'bytes', fileName: 'a.wav', data: new ArrayBuffer(8) } }).success).toBe(true);
    expect(request.safeParse({ ...base, source: { kind: 'bytes', fileName: 'a.wav', data: [1, 2, 3] } }).success).toBe(false);
    const peaks = invokeChannels['audio:peaks'].response;
    expect(peaks.safeParse({ durationSec: 1, sampleRateHz: 16000, minMax: new Float32Array(4) }).success).toBe(true);
    expect(peaks.safeParse({ durationSec: 1, sampleRateHz: 16000, minMax: [0, 1] }).success).toBe(false);
    expect(pushChannels['jobs:did-progress'].safeParse({ jobId: 'j', fraction: 1.5, message: '' }).success).toBe(false);
  });

  it('derives one API method per channel over any transport', async () => {
    const calls: [string, unknown][] = [];
    const api = createStudioApi({
      invoke: (channel, request) => {
        calls.push([channel, request]);
        return Promise.resolve({ ok: true, value: null });
      },
      subscribe: () => () => {},
    });
    await api.project.open({ path: '/x.aniproj' });
    await api.dialog.openProject({});
    await api.project.discardRecovery({ workDir: '/w' });
    expect(calls.map(([c]) => c)).toEqual(['project:open', 'dialog:open-project', 'project:discard-recovery']);
    for (const channel of INVOKE_CHANNELS) {
      const { domain, method } = verbMethodName(channel);
      expect(typeof (api as unknown as Record<string, Record<string, unknown>>)[domain][method]).toBe('function');
    }
  });
});
