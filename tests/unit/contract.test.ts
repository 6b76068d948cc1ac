// @vitest-environment node
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { InvokeChannel } from '../../src-shared/ipc/contract.js';
import { CHANNEL, INVOKE_CHANNELS, invokeChannels, isInvokeChannel, PUSH_CHANNEL, PUSH_CHANNELS, pushChannels } from '../../src-shared/ipc/contract.js';
import { createStudioApi, verbMethodName } from '../../src-shared/ipc/studio-api.js';
import { createProject } from '../../src-shared/project/create-project.js';

describe('IPC contract', () => {
  it("names invoke channels 'domain:verb' and pushes 'domain:did-x'", () => {
    for (const channel of INVOKE_CHANNELS) expect(channel).toMatch(/^[a-z]+:[a-z]+(-[a-z]+)*$/);
    for (const channel of INVOKE_CHANNELS) expect(channel).not.toMatch(/:did-/);
    for (const channel of PUSH_CHANNELS) expect(channel).toMatch(/^[a-z]+:did-[a-z]+(-[a-z]+)*$/);
  });

  it('names every channel by exactly one typed constant', () => {
    const invokeNames = Object.values(CHANNEL);
    expect(new Set(invokeNames).size).toBe(invokeNames.length);
    expect([...invokeNames].sort()).toEqual([...INVOKE_CHANNELS].sort());
    expect(Object.values(PUSH_CHANNEL).sort()).toEqual([...PUSH_CHANNELS].sort());
    // Each constant is named after its channel: 'project:discard-recovery' is CHANNEL.projectDiscardRecovery.
    for (const [name, channel] of Object.entries(CHANNEL)) {
      const { domain, method } = verbMethodName(channel);
      expect(name).toBe(domain + method[0].toUpperCase() + method.slice(1));
    }
    expect(PUSH_CHANNEL.jobsDidProgress).toBe('jobs:did-progress');
    // The compiler holds the names (npm run typecheck): a constant is its channel's literal type, and a misspelt name is an error.
    expectTypeOf(CHANNEL.projectOpen).toEqualTypeOf<'project:open'>();
    expectTypeOf(CHANNEL).toHaveProperty('dialogPickMedia');
    // @ts-expect-error no such channel
    expect(CHANNEL.projectOpn).toBeUndefined();
    // @ts-expect-error a channel name outside the contract is not an InvokeChannel
    const misspelt: InvokeChannel = 'project:opn';
    expect(isInvokeChannel(misspelt)).toBe(false);
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
