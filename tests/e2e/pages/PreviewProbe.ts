import type { ElementHandle, Locator, Page } from '@playwright/test';
import { expect } from '@playwright/test';

/** One paint of the preview canvas: when (ms since the epoch), frame index, detail, width (px), stage times (data-timing). */
type Paint = [paintedAtMs: number, frameIndex: string, detail: string, widthPx: number, timing: string];

/**
 * Where the time of one paint went, ms from the pointerdown: the page asked for the frame
 * (store change -> request), the loader took it (worker message), sent it, had the answer
 * (the host's render and the socket both ways), painted it.
 */
export interface PaintStages {
  readonly askedMs: number;
  readonly acceptedMs: number;
  readonly sentMs: number;
  readonly answeredMs: number;
  readonly paintedMs: number;
}

interface ProbeWindow {
  __scrubProbe?: {
    downAtMs: number;
    paints: Paint[];
    /** Resolves once the canvas holds, at full detail, the frame the playhead is on after the last pointerdown. */
    sharp: Promise<void>;
    playhead: HTMLElement | null;
  };
}

/** How long a measured click may take to show its frame sharp. */
const SHARP_TIMEOUT_MS = 10_000;

export interface ScrubMeasurement {
  readonly frameIndex: number;
  /** Pointerdown to the first paint of that frame (a draft for frames not seen before). */
  readonly latencyMs: number;
  /** Pointerdown to the frame painted at full detail (the size it is shown at). */
  readonly fullLatencyMs: number;
  /** Width of the first paint and of the full one (px). */
  readonly firstWidthPx: number;
  readonly fullWidthPx: number;
  /** Stages of the first and the full paint, where the frame came from the services (not from a cache). */
  readonly firstStages: PaintStages | null;
  readonly fullStages: PaintStages | null;
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
    const playheadElement = await this.playhead.elementHandle();
    await this.canvas.evaluate((canvas: HTMLCanvasElement, playhead) => {
      let resolveSharp = () => {};
      const probe = { downAtMs: 0, paints: [] as Paint[], sharp: Promise.resolve(), playhead };
      (window as ProbeWindow).__scrubProbe = probe;
      const checkSharp = () => {
        if (canvas.dataset.detail === 'full' && canvas.dataset.frameIndex === playhead?.dataset.frameIndex) resolveSharp();
      };
      window.addEventListener('pointerdown', () => {
        probe.downAtMs = performance.timeOrigin + performance.now();
        probe.paints = [];
        probe.sharp = new Promise<void>((resolve) => (resolveSharp = resolve));
      }, true);
      // The canvas sets data-frame-index last after each paint.
      new MutationObserver(() => {
        probe.paints.push([Number(canvas.dataset.paintedAt), canvas.dataset.frameIndex ?? '', canvas.dataset.detail ?? '', Number(canvas.dataset.widthPx), canvas.dataset.timing ?? '']);
        checkSharp();
      }).observe(canvas, { attributes: true, attributeFilter: ['data-frame-index'] });
      if (playhead !== null) new MutationObserver(checkSharp).observe(playhead, { attributes: true, attributeFilter: ['data-frame-index'] });
    }, playheadElement as ElementHandle<HTMLElement> | null);
  }

  /** Runs `move` (a click that moves the playhead), waits for that frame at full detail, returns ms. */
  async measure(move: () => Promise<void>): Promise<ScrubMeasurement> {
    await move();
    // One call that waits inside the page: polling from here would load the machine (a CDP round
    // trip and a locator query each time) while the frame being measured is rendered and sent.
    const { frameIndex, paints } = await this.page.evaluate(async (timeoutMs) => {
      const probe = (window as ProbeWindow).__scrubProbe;
      if (probe === undefined) throw new Error('PreviewProbe.install() was not called');
      const timedOut = new Promise<'timed out'>((resolve) => setTimeout(() => resolve('timed out'), timeoutMs));
      if ((await Promise.race([probe.sharp, timedOut])) === 'timed out') throw new Error(`the preview did not show the playhead's frame at full detail within ${timeoutMs} ms`);
      // Stage times become ms from the pointerdown, like the paint time.
      const fromDown = (timing: string) => timing.split(' ').filter((t) => t !== '').map((t) => (Number(t) - probe.downAtMs).toFixed(2)).join(' ');
      return {
        frameIndex: Number(probe.playhead?.dataset.frameIndex),
        paints: probe.paints.map(([atMs, frame, detail, widthPx, timing]): Paint => [atMs - probe.downAtMs, frame, detail, widthPx, fromDown(timing)]),
      };
    }, SHARP_TIMEOUT_MS);
    await expect(this.canvas).toHaveAttribute('data-frame-index', String(frameIndex));
    const ofFrame = paints.filter(([, frame]) => frame === String(frameIndex));
    const first = ofFrame[0];
    const full = ofFrame.find(([, , detail]) => detail === 'full');
    return {
      frameIndex,
      latencyMs: first?.[0] ?? Number.NaN,
      fullLatencyMs: full?.[0] ?? Number.NaN,
      firstWidthPx: first?.[3] ?? 0,
      fullWidthPx: full?.[3] ?? 0,
      firstStages: stagesOf(first),
      fullStages: stagesOf(full),
    };
  }
}

function stagesOf(paint: Paint | undefined): PaintStages | null {
  if (paint === undefined || paint[4] === '') return null;
  const [askedMs, acceptedMs, sentMs, answeredMs] = paint[4].split(' ').map(Number);
  return { askedMs, acceptedMs, sentMs, answeredMs, paintedMs: paint[0] };
}
