import type { Locator, Page } from '@playwright/test';
import { expect } from '@playwright/test';

interface ProbeWindow {
  __scrubProbe?: { downAt: number; paints: [number, string][] };
}

/**
 * Measures scrub latency in the page's own clock: from the pointerdown that moves the playhead to
 * the moment the preview canvas holds that frame's pixels (putImageData done, data-frame-index set).
 */
export class PreviewProbe {
  constructor(
    readonly page: Page,
    readonly canvas: Locator,
    readonly playhead: Locator,
  ) {}

  async install(): Promise<void> {
    await this.canvas.evaluate((canvas) => {
      const probe = { downAt: 0, paints: [] as [number, string][] };
      (window as ProbeWindow).__scrubProbe = probe;
      window.addEventListener('pointerdown', () => {
        probe.downAt = performance.now();
        probe.paints = [];
      }, true);
      new MutationObserver(() => probe.paints.push([performance.now(), canvas.getAttribute('data-frame-index') ?? ''])).observe(canvas, { attributes: true, attributeFilter: ['data-frame-index'] });
    });
  }

  /** Runs `move` (a click that moves the playhead), waits for that frame on the canvas, returns ms. */
  async measure(move: () => Promise<void>): Promise<{ frameIndex: number; latencyMs: number }> {
    await move();
    const frameIndex = Number(await this.playhead.getAttribute('data-frame-index'));
    await expect(this.canvas).toHaveAttribute('data-frame-index', String(frameIndex));
    const latencyMs = await this.page.evaluate((target) => {
      const probe = (window as ProbeWindow).__scrubProbe;
      const paint = probe?.paints.find(([, frame]) => frame === target);
      return probe === undefined || paint === undefined ? Number.NaN : paint[0] - probe.downAt;
    }, String(frameIndex));
    return { frameIndex, latencyMs };
  }
}
