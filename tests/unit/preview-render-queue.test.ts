import { describe, expect, it } from 'vitest';
import { PreviewRenderQueue } from '../../src-main/services/preview-render-queue.js';
import { StudioError } from '../../src-shared/util/result.js';

describe('PreviewRenderQueue', () => {
  it("answers a draft before the full frame queued behind it starts rendering", async () => {
    const queue = new PreviewRenderQueue();
    const log: string[] = [];
    // The caller's continuation of the first render (sending its answer) is a few promise hops away.
    const first = queue
      .run(() => {
        log.push('render draft');
        return Promise.resolve('draft');
      })
      .then(async (value) => {
        await Promise.resolve();
        await Promise.resolve();
        log.push(`answer ${value}`);
      });
    const second = queue.run(() => {
      log.push('render full');
      return Promise.resolve('full');
    });
    await Promise.all([first, second]);
    expect(log).toEqual(['render draft', 'answer draft', 'render full']);
  });

  it('skips a render given up before its turn, answering cancelled, and goes on with the next', async () => {
    const queue = new PreviewRenderQueue();
    const rendered: string[] = [];
    const abort = new AbortController();
    const a = queue.run(() => Promise.resolve(rendered.push('a')));
    const b = queue.run(() => Promise.resolve(rendered.push('b')), abort.signal);
    const c = queue.run(() => Promise.resolve(rendered.push('c')));
    abort.abort();
    await a;
    await expect(b).rejects.toSatisfy((error) => error instanceof StudioError && error.code === 'cancelled');
    await c;
    expect(rendered).toEqual(['a', 'c']);
  });

  it('goes on after a render fails', async () => {
    const queue = new PreviewRenderQueue();
    await expect(queue.run(() => Promise.reject(new Error('warp failed')))).rejects.toThrow('warp failed');
    await expect(queue.run(() => Promise.resolve(7))).resolves.toBe(7);
  });
});
