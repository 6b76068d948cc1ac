// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import type { StudioApi } from '../../src-shared/ipc/studio-api.js';
import { createProject } from '../../src-shared/project/create-project.js';
import type { FrameRequest, ShownFrame } from '../../src-renderer/services/preview-frame-loader.js';
import { PreviewFrameLoader } from '../../src-renderer/services/preview-frame-loader.js';

/** A service that renders the frames asked for in order, one each time `finish` is called; it holds the documents it was sent by revision. */
function fakeStudio() {
  const asked: number[] = [];
  const documentsSent: number[] = [];
  const held = new Set<number>();
  const releases: (() => void)[] = [];
  const signals: [frameIndex: number, widthPx: number, signal: AbortSignal][] = [];
  const studio = {
    preview: {
      setDocument: ({ revision }: { revision: number }) => {
        documentsSent.push(revision);
        held.add(revision);
        return Promise.resolve({ ok: true, value: {} });
      },
      renderFrame: ({ frameIndex, revision, targetWidthPx = 512 }: { frameIndex: number; revision: number; targetWidthPx?: number }, options?: { signal?: AbortSignal }) => {
        if (!held.has(revision)) return Promise.resolve({ ok: false, error: { code: 'stale-revision', message: 'send it again' } });
        asked.push(targetWidthPx);
        if (options?.signal !== undefined) signals.push([frameIndex, targetWidthPx, options.signal]);
        return new Promise((resolve) => {
          // A call given up answers at once, as the web host's transport does.
          options?.signal?.addEventListener('abort', () => resolve({ ok: false, error: { code: 'cancelled', message: 'Cancelled.' } }));
          releases.push(() => resolve({ ok: true, value: { frameIndex, frameCount: 100, fps: 30, widthPx: targetWidthPx, heightPx: targetWidthPx, rgba: new Uint8Array(targetWidthPx * targetWidthPx * 4) } }));
        });
      },
    },
  } as unknown as StudioApi;
  /** Lets the request in flight finish, and the loader react to it. */
  const finish = async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
    releases.shift()?.();
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
  return { studio, asked, finish, documentsSent, signals, forget: () => held.clear() };
}

describe('PreviewFrameLoader', () => {
  const document = createProject('loader', new Date(0), () => 0.5);
  const at = (frameIndex: number, targetWidthPx: number): FrameRequest => ({ frameIndex, targetWidthPx, playing: false });
  const loaderFor = (studio: StudioApi) => {
    const loader = new PreviewFrameLoader(studio);
    loader.setDocument('/w', document);
    return loader;
  };

  it('shows a draft at a quarter of the width first, then the full frame (asked for together), and revisits from its cache', async () => {
    const { studio, asked, finish } = fakeStudio();
    const loader = loaderFor(studio);
    const shown: [number, string, number][] = [];
    loader.onFrame(({ frame, detail }: ShownFrame) => shown.push([frame.frameIndex, detail, frame.widthPx]));
    loader.request(at(3, 512));
    await finish();
    await finish();
    loader.request(at(4, 512));
    await finish();
    await finish();
    loader.request(at(3, 512)); // cached: shown at once, nothing asked
    expect(asked).toEqual([128, 512, 128, 512]);
    // The full frame is asked for with the draft, not after the draft's answer.
    loader.request(at(5, 512));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(asked.slice(4)).toEqual([128, 512]);
    await finish();
    await finish();
    expect(shown).toEqual([[3, 'draft', 128], [3, 'full', 512], [4, 'draft', 128], [4, 'full', 512], [3, 'full', 512], [5, 'draft', 128], [5, 'full', 512]]);
  });

  it('calls a full frame of a smaller box a draft once the box grows, until the larger frame comes', async () => {
    const { studio, asked, finish } = fakeStudio();
    const loader = loaderFor(studio);
    const shown: [string, number][] = [];
    loader.onFrame(({ frame, detail }) => shown.push([detail, frame.widthPx]));
    loader.request(at(0, 128)); // the box before the layout settles
    await finish();
    await finish();
    expect(shown).toEqual([['draft', 32], ['full', 128]]);
    loader.request(at(0, 512)); // the same 128 px pixels are this size's draft
    expect(shown.at(-1)).toEqual(['draft', 128]);
    await finish();
    expect(asked).toEqual([32, 128, 512]);
    expect(shown.at(-1)).toEqual(['full', 512]);
  });

  it('sends the document once per edit, names frames by revision, and finds an undone state in its cache', async () => {
    const { studio, asked, finish, documentsSent, forget } = fakeStudio();
    const loader = loaderFor(studio);
    const shown: [number, string][] = [];
    loader.onFrame(({ frame, detail }) => shown.push([frame.frameIndex, detail]));
    for (const frameIndex of [1, 2, 3]) {
      loader.request(at(frameIndex, 512));
      await finish();
      await finish();
    }
    expect(documentsSent).toEqual([1]);
    // An edit: a new document object is a new revision, sent once with the next request.
    const edited = { ...document, layers: [{ id: 'l' as never, name: 'Keys', enabled: true, solo: false, weight: 1, channels: { yawDeg: [{ id: 'k' as never, timeSec: 0, value: 10, interp: 'linear' as const, handleMode: 'free' as const, leftHandle: { dtSec: 0, dValue: 0 }, rightHandle: { dtSec: 0, dValue: 0 } }] } }] };
    loader.setDocument('/w', edited);
    loader.setDocument('/w', edited);
    loader.request(at(3, 512));
    await finish();
    await finish();
    expect(documentsSent).toEqual([1, 2]);
    // Undo: the first state again (another object, same content) shows from the cache, nothing rendered.
    const renders = asked.length;
    loader.setDocument('/w', { ...document });
    loader.request(at(3, 512));
    expect(asked.length).toBe(renders);
    expect(shown.at(-1)).toEqual([3, 'full']);
    loader.request(at(5, 512));
    await finish();
    await finish();
    expect(documentsSent).toEqual([1, 2, 3]);
    // Services that dropped the revision (a restart) get the document again, and the frame comes.
    forget();
    loader.request(at(7, 512));
    await finish();
    expect(documentsSent).toEqual([1, 2, 3, 3]);
    expect(shown.at(-1)).toEqual([7, 'draft']);
  });

  it('gives up the full frame of a frame the user has left, and sends the next draft without waiting for it (web host)', async () => {
    const { studio, asked, finish, signals } = fakeStudio();
    const loader = new PreviewFrameLoader(studio, { cancellable: true });
    loader.setDocument('/w', document);
    const errors: string[] = [];
    loader.onError((error) => errors.push(error.code));
    const shown: [number, string][] = [];
    loader.onFrame(({ frame, detail }) => shown.push([frame.frameIndex, detail]));
    loader.request(at(3, 512));
    await finish(); // frame 3's draft; its full frame is still being rendered
    expect(shown).toEqual([[3, 'draft']]);
    loader.request(at(4, 512));
    await new Promise((resolve) => setTimeout(resolve, 0));
    // Frame 4's draft and full are asked for at once; frame 3's full is given up, not waited for.
    expect(asked).toEqual([128, 512, 128, 512]);
    expect(signals.filter(([, , signal]) => signal.aborted).map(([frameIndex, widthPx]) => [frameIndex, widthPx])).toEqual([[3, 512]]);
    await finish(); // (the given-up call's release does nothing)
    await finish();
    await finish();
    expect(shown).toEqual([[3, 'draft'], [4, 'draft'], [4, 'full']]);
    expect(errors, 'a frame given up is no error').toEqual([]);
  });

  it('while dragging, lets the draft in flight arrive and sends only the latest request after it', async () => {
    const { studio, asked, finish } = fakeStudio();
    const loader = new PreviewFrameLoader(studio, { cancellable: true });
    loader.setDocument('/w', document);
    const shown: [number, string][] = [];
    loader.onFrame(({ frame, detail }) => shown.push([frame.frameIndex, detail]));
    loader.request(at(1, 512));
    loader.request(at(2, 512));
    loader.request(at(3, 512));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(asked).toEqual([128, 512]);
    await finish(); // frame 1's draft arrives and is shown; then frame 3 (not 2) is asked for
    expect(shown).toEqual([[1, 'draft']]);
    expect(asked).toEqual([128, 512, 128, 512]);
  });
});
