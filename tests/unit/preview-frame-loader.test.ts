// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import type { StudioApi } from '../../src-shared/ipc/studio-api.js';
import { createProject } from '../../src-shared/project/create-project.js';
import type { FrameRequest, ShownFrame } from '../../src-renderer/services/preview-frame-loader.js';
import { PreviewFrameLoader } from '../../src-renderer/services/preview-frame-loader.js';

/** A service that renders a frame of the asked width when `release` is called, one at a time. */
function fakeStudio() {
  const asked: number[] = [];
  let release: (() => void) | null = null;
  const studio = {
    preview: {
      renderFrame: ({ frameIndex, targetWidthPx = 512 }: { frameIndex: number; targetWidthPx?: number }) => {
        asked.push(targetWidthPx);
        return new Promise((resolve) => {
          release = () => resolve({ ok: true, value: { frameIndex, frameCount: 100, fps: 30, widthPx: targetWidthPx, heightPx: targetWidthPx, rgba: new Uint8Array(targetWidthPx * targetWidthPx * 4) } });
        });
      },
    },
  } as unknown as StudioApi;
  /** Lets the request in flight finish, and the loader react to it. */
  const finish = async () => {
    const next = release;
    release = null;
    next?.();
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
  return { studio, asked, finish };
}

describe('PreviewFrameLoader', () => {
  const document = createProject('loader', new Date(0), () => 0.5);
  const at = (frameIndex: number, targetWidthPx: number): FrameRequest => ({ workDir: '/w', document, frameIndex, targetWidthPx, playing: false });

  it('shows a draft at a quarter of the width first, then the full frame, and revisits from its cache', async () => {
    const { studio, asked, finish } = fakeStudio();
    const loader = new PreviewFrameLoader(studio);
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
    expect(shown).toEqual([[3, 'draft', 128], [3, 'full', 512], [4, 'draft', 128], [4, 'full', 512], [3, 'full', 512]]);
  });

  it('calls a full frame of a smaller box a draft once the box grows, until the larger frame comes', async () => {
    const { studio, asked, finish } = fakeStudio();
    const loader = new PreviewFrameLoader(studio);
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
});
