import type { Locator, Page } from '@playwright/test';
import { expect } from '@playwright/test';

/** One paint of the preview canvas: when (ms since the epoch), frame index, detail, width (px). */
type Paint = [paintedAtMs: number, frameIndex: string, detail: string, widthPx: number];

interface ProbeWindow {
  __scrubProbe?: { downAtMs: number; paints: Paint[] };
}

export interface ScrubMeasurement {
  readonly frameIndex: number;
  /** Pointerdown to the first paint of that frame (a draft for frames not seen before). */
  readonly latencyMs: number;
  /** Pointerdown to the frame painted at full detail (the size it is shown at). */
  readonly fullLatencyMs: number;
  /** Width of the first paint and of the full one (px). */
  readonly firstWidthPx: number;
  readonly fullWidthPx: number;
}

/**
 * Measures scrub latency: from the pointerdown that moves the playhead to the moment the preview
 * canvas holds that frame's pixels (putImageData done), first at any detail, then at full detail.
 * The canvas stamps each paint with its time (data-painted-at, ms since the epoch, taken where the
 * painting happens: the page or the preview worker), so the figure does not include the time the
 * page takes to hear about it.
 */
export class PreviewProbe {
  constructor(
    readonly page: Page,
    readonly canvas: Locator,
    readonly playhead: Locator,
  ) {}

  async install(): Promise<void> {
    await this.canvas.evaluate((canvas: HTMLCanvasElement) => {
      const probe = { downAtMs: 0, paints: [] as Paint[] };
      (window as ProbeWindow).__scrubProbe = probe;
      window.addEventListener('pointerdown', () => {
        probe.downAtMs = performance.timeOrigin + performance.now();
        probe.paints = [];
      }, true);
      // The canvas sets data-frame-index last after each paint.
      new MutationObserver(() => probe.paints.push([Number(canvas.dataset.paintedAt), canvas.dataset.frameIndex ?? '', canvas.dataset.detail ?? '', Number(canvas.dataset.widthPx)])).observe(canvas, { attributes: true, attributeFilter: ['data-frame-index'] });
    });
  }

  /** Runs `move` (a click that moves the playhead), waits for that frame at full detail, returns ms. */
  async measure(move: () => Promise<void>): Promise<ScrubMeasurement> {
    await move();
    const frameIndex = Number(await this.playhead.getAttribute('data-frame-index'));
    await expect(this.canvas).toHaveAttribute('data-frame-index', String(frameIndex));
    await expect(this.canvas).toHaveAttribute('data-detail', 'full');
    const paints = await this.page.evaluate(() => {
      const probe = (window as ProbeWindow).__scrubProbe;
      return probe === undefined ? [] : probe.paints.map(([atMs, frame, detail, widthPx]): Paint => [atMs - probe.downAtMs, frame, detail, widthPx]);
    });
    const ofFrame = paints.filter(([, frame]) => frame === String(frameIndex));
    const first = ofFrame[0];
    const full = ofFrame.find(([, , detail]) => detail === 'full');
    return {
      frameIndex,
      latencyMs: first?.[0] ?? Number.NaN,
      fullLatencyMs: full?.[0] ?? Number.NaN,
      firstWidthPx: first?.[3] ?? 0,
      fullWidthPx: full?.[3] ?? 0,
    };
  }
}
