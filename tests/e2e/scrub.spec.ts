import { mkdir, writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import type { PaintStages, ScrubMeasurement } from './pages/PreviewProbe';
import { PreviewProbe } from './pages/PreviewProbe';
import { ARTIFACTS_DIR, StudioPage } from './pages/StudioPage';
import { TimelinePage } from './pages/TimelinePage';
import { percentile } from './support/canvas-pixels';
import { makeSpeechWav } from './support/speech-wav';
import { expect, test } from './support/web-host-fixture';
import { PORTRAIT, skipWithoutPortrait } from './support/portrait-fixture';


/**
 * Scrubbing the built-in engine's preview: a click shows the frame as a draft first, then at the
 * size the preview shows it; a drag shows frames along the way and the last one sharp; J plays
 * backwards and Space forwards with the preview following. Also the scrub-latency trace (reported,
 * never asserted): pointerdown to the frame painted, p50 and p95, with where the time went (the
 * stages of each paint), and frames painted per second during 3 s of playback, on the console and
 * in tests/artifacts/scrub-latency.json.
 */
test('scrubbing shows a draft at once, then the frame at its displayed size; J plays backwards, Space forwards; latency trace', async ({ page, webHost, scratchDir }) => {
  if (skipWithoutPortrait('the scrub e2e')) return;
  const studio = new StudioPage(page);
  const timeline = new TimelinePage(page);
  await studio.goto(webHost.url);
  await studio.expectReady();
  const wav = await makeSpeechWav(scratchDir);
  await studio.importPhoto(PORTRAIT);
  await studio.importAudio(wav.path);
  await expect(studio.statusBar).toContainText('Generated');
  await expect(studio.previewCanvas).toHaveAttribute('data-frame-index', '0');
  await expect(studio.previewCanvas).toHaveAttribute('data-detail', 'full');

  // The full frame is rendered at the size the canvas is shown at (device pixels), never above the
  // output. The layout may still be settling: a frame made for an earlier, smaller box is shown as
  // a draft until the frame for the final box arrives.
  const settled = async () => {
    const shownWidthPx = await studio.previewCanvas.evaluate((canvas: HTMLCanvasElement) => canvas.getBoundingClientRect().width * window.devicePixelRatio);
    const detail = await studio.previewCanvas.getAttribute('data-detail');
    const widthPx = Number(await studio.previewCanvas.getAttribute('data-width-px'));
    return detail === 'full' && widthPx >= Math.min(512, Math.floor(shownWidthPx)) ? widthPx : null;
  };
  await expect.poll(settled, { message: 'the full frame at the width the canvas is shown at' }).not.toBeNull();
  const fullWidthPx = Number(await studio.previewCanvas.getAttribute('data-width-px'));
  expect(fullWidthPx).toBeLessThanOrEqual(512);

  const probe = new PreviewProbe(page, studio.previewCanvas, timeline.playhead);
  await probe.install();
  // Frames never rendered before: a draft, narrower than the full frame, comes first.
  const fractions = Array.from({ length: 20 }, (_, i) => 0.02 + ((i * 7) % 20) / 21);
  const cold: ScrubMeasurement[] = [];
  for (const fraction of fractions) cold.push(await probe.measure(() => timeline.clickRuler(fraction)));
  for (const m of cold) {
    expect(m.firstWidthPx, `frame ${m.frameIndex}: first paint is a draft`).toBeLessThan(m.fullWidthPx);
    expect(m.fullWidthPx).toBe(fullWidthPx);
  }
  // The same frames again: straight from the page's cache, at full detail.
  const warm: ScrubMeasurement[] = [];
  for (const fraction of fractions) warm.push(await probe.measure(() => timeline.clickRuler(fraction)));
  for (const m of warm) expect(m.firstWidthPx, `frame ${m.frameIndex}: revisited at full detail`).toBe(fullWidthPx);

  // A drag across the ruler: frames follow along, and the frame where it stops ends up sharp.
  const drag = await dragAcross(page, timeline, 0.1, 0.9);
  expect(drag.framesShown, 'frames are shown while dragging, not only at the end').toBeGreaterThan(2);
  await expect(studio.previewCanvas).toHaveAttribute('data-frame-index', String(await timeline.playheadFrame()));
  await expect(studio.previewCanvas).toHaveAttribute('data-detail', 'full');
  await studio.screenshot('17-scrubbed');

  // J plays backwards, silently: the preview follows frame by frame; K pauses on a sharp frame.
  await timeline.releaseFocus();
  await page.keyboard.press('End');
  await expect(studio.previewCanvas).toHaveAttribute('data-detail', 'full');
  const reverse = await recordPaints(page, async () => {
    await page.keyboard.press('j');
    await expect(timeline.playbackRate).toHaveText('◀ 1×');
    await page.waitForTimeout(1000);
    await studio.screenshot('18-playing-backwards');
  }, () => page.keyboard.press('k'));
  await expect(timeline.playbackRate).toHaveCount(0);
  const reverseFrames = reverse.whilePlaying.map((paint) => paint.frameIndex);
  // How many depends on how fast this machine renders; the order does not.
  expect(new Set(reverseFrames).size, 'frames shown while playing backwards').toBeGreaterThanOrEqual(3);
  expect(reverseFrames.every((frame, i) => i === 0 || frame <= reverseFrames[i - 1]), `frames go backwards: ${reverseFrames.join(' ')}`).toBe(true);
  await expect(studio.previewCanvas).toHaveAttribute('data-frame-index', String(await timeline.playheadFrame()));
  await expect(studio.previewCanvas).toHaveAttribute('data-detail', 'full');

  // Space plays forward for 3 s: frames go forward (how many per second is reported, not asserted).
  await page.keyboard.press('Home');
  await expect(studio.previewCanvas).toHaveAttribute('data-frame-index', '0');
  await expect(studio.previewCanvas).toHaveAttribute('data-detail', 'full');
  const forward = await recordPaints(page, async () => {
    await page.keyboard.press('Space');
    await page.waitForTimeout(PLAYBACK_TRACE_MS);
  }, () => page.keyboard.press('Space'));
  const forwardFrames = forward.whilePlaying.map((paint) => paint.frameIndex);
  expect(new Set(forwardFrames).size, 'frames shown while playing').toBeGreaterThanOrEqual(3);
  expect(forwardFrames.every((frame, i) => i === 0 || frame >= forwardFrames[i - 1]), `frames go forward: ${forwardFrames.join(' ')}`).toBe(true);
  await expect(studio.previewCanvas).toHaveAttribute('data-frame-index', String(await timeline.playheadFrame()));
  await expect(studio.previewCanvas).toHaveAttribute('data-detail', 'full');

  await reportScrubLatency(cold, warm, drag, reverse, forward);
});

/** How long the forward playback trace plays. */
const PLAYBACK_TRACE_MS = 3000;

interface PaintRecord {
  readonly atMs: number;
  readonly frameIndex: number;
  readonly detail: string;
}

interface PlaybackTrace {
  /** Paints from the start of `during` until `stop` was pressed. */
  readonly whilePlaying: PaintRecord[];
  /** The page's playhead frames in that time (when each was set, which): what the preview follows. */
  readonly playhead: { readonly atMs: number; readonly frameIndex: number }[];
  /** ms since the epoch: `during` started, `stop` pressed. */
  readonly startedAtMs: number;
  readonly stoppedAtMs: number;
}

/** Every paint of the preview canvas (time painted, frame index, detail) while `during` runs, up to `stop`. */
async function recordPaints(page: StudioPage['page'], during: () => Promise<void>, stop: () => Promise<void>): Promise<PlaybackTrace> {
  type Traced = Window & { __paints?: [number, number, string][]; __playhead?: [number, number][] };
  const startedAtMs = await page.evaluate(() => {
    const w = window as Traced;
    const paints: [number, number, string][] = [];
    const playheadFrames: [number, number][] = [];
    w.__paints = paints;
    w.__playhead = playheadFrames;
    const canvas = document.querySelector<HTMLCanvasElement>('[data-testid="preview-canvas"]');
    if (canvas !== null) new MutationObserver(() => paints.push([Number(canvas.dataset.paintedAt), Number(canvas.dataset.frameIndex), canvas.dataset.detail ?? ''])).observe(canvas, { attributes: true, attributeFilter: ['data-frame-index'] });
    const playhead = document.querySelector<HTMLElement>('[data-testid="playhead"]');
    if (playhead !== null) new MutationObserver(() => playheadFrames.push([performance.timeOrigin + performance.now(), Number(playhead.dataset.frameIndex)])).observe(playhead, { attributes: true, attributeFilter: ['data-frame-index'] });
    return performance.timeOrigin + performance.now();
  });
  await during();
  const stoppedAtMs = await page.evaluate(() => performance.timeOrigin + performance.now());
  await stop();
  const { paints, playheadFrames } = await page.evaluate(() => ({ paints: (window as Traced).__paints ?? [], playheadFrames: (window as Traced).__playhead ?? [] }));
  const whilePlaying = paints.filter(([atMs]) => atMs <= stoppedAtMs).map(([atMs, frameIndex, detail]) => ({ atMs, frameIndex, detail }));
  const playhead = playheadFrames.filter(([atMs]) => atMs <= stoppedAtMs).map(([atMs, frameIndex]) => ({ atMs, frameIndex }));
  return { whilePlaying, playhead, startedAtMs, stoppedAtMs };
}

/** Paints per second over the trace, all and at full detail, and the distinct frames shown. */
function playbackFigures(trace: PlaybackTrace) {
  const seconds = (trace.stoppedAtMs - trace.startedAtMs) / 1000;
  const paints = trace.whilePlaying;
  const perSec = (n: number) => round(seconds > 0 ? n / seconds : 0);
  return {
    tracedSec: round(seconds),
    paints: paints.length,
    paintsPerSec: perSec(paints.length),
    fullDetailPaintsPerSec: perSec(paints.filter((p) => p.detail === 'full').length),
    distinctFrames: new Set(paints.map((p) => p.frameIndex)).size,
    // How far the page's playhead (the audio clock forwards) went, and how long after the key it first moved.
    playheadFramesPassed: new Set(trace.playhead.map((p) => p.frameIndex)).size,
    playheadFirstMovedAfterMs: trace.playhead.length === 0 ? null : round(trace.playhead[0].atMs - trace.startedAtMs),
  };
}

interface DragTrace {
  /** Distinct frames painted between pointerdown and pointerup. */
  readonly framesShown: number;
  /** Distinct frames the playhead passed. */
  readonly framesPassed: number;
}

async function dragAcross(page: StudioPage['page'], timeline: TimelinePage, fromFraction: number, toFraction: number): Promise<DragTrace> {
  const box = await timeline.visibleBox(timeline.ruler);
  const y = box.y + box.height / 4;
  await page.evaluate(() => {
    const w = window as Window & { __dragTrace?: { shown: Set<string>; passed: Set<string> } };
    const trace = { shown: new Set<string>(), passed: new Set<string>() };
    w.__dragTrace = trace;
    const canvas = document.querySelector('[data-testid="preview-canvas"]');
    const playhead = document.querySelector('[data-testid="playhead"]');
    if (canvas === null || playhead === null) return;
    new MutationObserver(() => trace.shown.add(canvas.getAttribute('data-frame-index') ?? '')).observe(canvas, { attributes: true, attributeFilter: ['data-frame-index'] });
    new MutationObserver(() => trace.passed.add(playhead.getAttribute('data-frame-index') ?? '')).observe(playhead, { attributes: true, attributeFilter: ['data-frame-index'] });
  });
  await page.mouse.move(box.x + box.width * fromFraction, y);
  await page.mouse.down();
  for (let step = 1; step <= 40; step++) {
    await page.mouse.move(box.x + box.width * (fromFraction + ((toFraction - fromFraction) * step) / 40), y);
    await page.waitForTimeout(16);
  }
  const during = await page.evaluate(() => {
    const trace = (window as Window & { __dragTrace?: { shown: Set<string>; passed: Set<string> } }).__dragTrace;
    return { framesShown: trace?.shown.size ?? 0, framesPassed: trace?.passed.size ?? 0 };
  });
  await page.mouse.up();
  return during;
}

/** Median and p95 of each stage's time from the pointerdown, over the paints that came from the services. */
function stageFigures(stages: readonly (PaintStages | null)[]) {
  const known = stages.filter((s): s is PaintStages => s !== null);
  const of = (pick: (s: PaintStages) => number) => ({ p50Ms: round(percentile(known.map(pick), 50)), p95Ms: round(percentile(known.map(pick), 95)) });
  return {
    n: known.length,
    pageAsked: of((s) => s.askedMs),
    loaderAccepted: of((s) => s.acceptedMs),
    requestSent: of((s) => s.sentMs),
    answerReceived: of((s) => s.answeredMs),
    painted: of((s) => s.paintedMs),
    roundTrip: of((s) => s.answeredMs - s.sentMs),
  };
}

/** Prints the figures and writes them to tests/artifacts/scrub-latency.json. */
async function reportScrubLatency(cold: readonly ScrubMeasurement[], warm: readonly ScrubMeasurement[], drag: DragTrace, reverse: PlaybackTrace, forward: PlaybackTrace): Promise<void> {
  const stats = (values: number[]) => ({ p50Ms: round(percentile(values, 50)), p95Ms: round(percentile(values, 95)), n: values.length, samplesMs: values.map(round) });
  const figures = {
    loadAverage: loadavg().map((l) => round(l)),
    // How the browser drew the page (software compositing, WebGL on SwiftShader): part of what the figures mean.
    browserArgs: test.info().project.use.launchOptions?.args ?? [],
    newFramesFirstPaint: { ...stats(cold.map((m) => m.latencyMs)), widthPx: cold[0]?.firstWidthPx ?? 0, stages: stageFigures(cold.map((m) => m.firstStages)) },
    newFramesFullDetail: { ...stats(cold.map((m) => m.fullLatencyMs)), widthPx: cold[0]?.fullWidthPx ?? 0, stages: stageFigures(cold.map((m) => m.fullStages)) },
    revisitedFrames: { ...stats(warm.map((m) => m.latencyMs)), widthPx: warm[0]?.firstWidthPx ?? 0 },
    drag,
    reversePlayback: playbackFigures(reverse),
    playback: { ...playbackFigures(forward), projectFps: 30 },
  };
  const line = (name: string, s: { p50Ms: number; p95Ms: number; n: number; widthPx: number }) => `${name} (${s.widthPx} px wide): p50 ${s.p50Ms} ms, p95 ${s.p95Ms} ms (n=${s.n})`;
  console.log(
    `scrub latency, pointerdown to frame painted — ${line('new frames, first paint', figures.newFramesFirstPaint)}; ${line('new frames, full detail', figures.newFramesFullDetail)}; ` +
      `${line('revisited frames', figures.revisitedFrames)}; drag: ${drag.framesShown} frames shown of ${drag.framesPassed} passed; ` +
      `J for ${figures.reversePlayback.tracedSec} s: ${figures.reversePlayback.distinctFrames} frames shown; ` +
      `playback for ${figures.playback.tracedSec} s: ${figures.playback.paintsPerSec} paints/s (${figures.playback.fullDetailPaintsPerSec} at full detail; the playhead passed ${figures.playback.playheadFramesPassed} frames), project fps 30; load average ${figures.loadAverage.join(' ')}`,
  );
  await mkdir(ARTIFACTS_DIR, { recursive: true });
  await writeFile(join(ARTIFACTS_DIR, 'scrub-latency.json'), `${JSON.stringify({ measuredAt: new Date().toISOString(), ...figures }, null, 2)}\n`);
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}
