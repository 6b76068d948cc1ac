// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';
import type { Handlers, Sender } from '../../src-main/ipc/router.js';
import { createRouter } from '../../src-main/ipc/router.js';
import { StudioError } from '../../src-shared/util/result.js';

const OURS: Sender = { trusted: true, description: 'studio window' };
const FOREIGN: Sender = { trusted: false, description: 'https://evil.example' };
const context = { signal: new AbortController().signal, push: () => {} };

function routerWith(overrides: Partial<Handlers>) {
  const handlers = new Proxy(overrides, {
    get: (target, key: string) => (target as Record<string, unknown>)[key] ?? (() => Promise.reject(new Error(`unexpected ${key}`))),
  }) as Handlers;
  return createRouter(handlers);
}

describe('IPC router', () => {
  it('drops requests from foreign senders without calling the handler or answering', async () => {
    const recent = vi.fn(() => Promise.resolve([]));
    const outcome = await routerWith({ 'project:recent': recent }).route('project:recent', {}, FOREIGN, context);
    expect(outcome).toEqual({ kind: 'dropped', reason: 'foreign sender' });
    expect(recent).not.toHaveBeenCalled();
  });

  it('answers invalid payloads and unknown channels with invalid-request, never reaching a handler', async () => {
    const open = vi.fn();
    const router = routerWith({ 'project:open': open });
    for (const payload of [undefined, null, {}, { path: 42 }, { path: '/a', extra: true }, { path: 'a\0b' }]) {
      const outcome = await router.route('project:open', payload, OURS, context);
      expect(outcome.kind === 'answered' && !outcome.result.ok && outcome.result.error.code).toBe('invalid-request');
    }
    const unknown = await router.route('shell:exec', { cmd: 'rm' }, OURS, context);
    expect(unknown.kind === 'answered' && !unknown.result.ok && unknown.result.error.code).toBe('invalid-request');
    expect(open).not.toHaveBeenCalled();
  });

  it('passes parsed requests to the handler and returns values, expected failures as values', async () => {
    const router = routerWith({
      'project:recent': () => Promise.resolve([{ path: '/a.aniproj', name: 'A', openedAt: '2026-11-21T09:00:00.000Z' }]),
      'project:open': ({ path }) => Promise.reject(new StudioError('not-found', `no ${path}`)),
    });
    const good = await router.route('project:recent', {}, OURS, context);
    expect(good).toEqual({ kind: 'answered', result: { ok: true, value: [{ path: '/a.aniproj', name: 'A', openedAt: '2026-11-21T09:00:00.000Z' }] } });
    const bad = await router.route('project:open', { path: '/x.aniproj' }, OURS, context);
    expect(bad).toEqual({ kind: 'answered', result: { ok: false, error: { code: 'not-found', message: 'no /x.aniproj' } } });
  });

  it('turns an invalid handler answer or a crash into an internal error value', async () => {
    const router = routerWith({
      'project:recent': () => Promise.resolve([{ nope: true }] as never),
      'dialog:open-project': () => Promise.reject(new TypeError('boom')),
    });
    const invalid = await router.route('project:recent', {}, OURS, context);
    expect(invalid.kind === 'answered' && !invalid.result.ok && invalid.result.error.code).toBe('internal');
    const crashed = await router.route('dialog:open-project', {}, OURS, context);
    expect(crashed.kind === 'answered' && !crashed.result.ok && crashed.result.error.message).toMatch(/boom/);
  });
});
