import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PreviewFrame } from '../../src-shared/ipc/contract.js';
import type { PlaybackClock } from '../../src-renderer/services/playback-clock.js';
import { PlaybackPainter } from '../../src-renderer/services/playback-painter.js';
import type { FrameDetail, FrameRequest } from '../../src-renderer/services/preview-frame-loader.js';

const FPS = 30;
const FRAME_COUNT = 300;

/** Services that render one frame at a time, each taking `serviceMs`, in the order asked. */
function fakeServices(serviceMs: number) {
  const cache = new Map<string, PreviewFrame>();
  const inFlight: { key: string; frameIndex: number; detail: FrameDetail; dueMs: number; askedMs: number; answered: (ms: number) => void }[] = [];
  const asked: { frameIndex: number; detail: FrameDetail; dueFrameWhenAsked: number }[] = [];
  const painted: [frameIndex: number, detail: FrameDetail][] = [];
  let painter: PlaybackPainter | null = null;
  let clock: PlaybackClock | null = null;
  const keyOf = (frameIndex: number, detail: FrameDetail) => `${frameIndex}/${detail}`;
  const deps = {
    cached: (frameIndex: number, _widthPx: number, detail: FrameDetail) => cache.get(keyOf(frameIndex, detail)),
    isLoading: (frameIndex: number, _widthPx: number, detail: FrameDetail) => inFlight.some((l) => l.key === keyOf(frameIndex, detail)),
    load: (request: FrameRequest, detail: FrameDetail, answered: (ms: number) => void) => {
      const nowMs = performance.timeOrigin + performance.now();
      asked.push({ frameIndex: request.frameIndex, detail, dueFrameWhenAsked: clock === null ? 0 : Math.floor((clock.timeSec + (clock.rate * (nowMs - clock.atMs)) / 1000) * FPS) });
      const startMs = Math.max(performance.now(), inFlight.at(-1)?.dueMs ?? 0);
      inFlight.push({ key: keyOf(request.frameIndex, detail), frameIndex: request.frameIndex, detail, dueMs: startMs + serviceMs, askedMs: performance.now(), answered });
    },
    show: (frame: PreviewFrame, _request: FrameRequest, detail: FrameDetail) => painted.push([frame.frameIndex, detail]),
    giveUpExcept: (keep: (frameIndex: number) => boolean) => {
      for (let i = inFlight.length - 1; i >= 0; i--) if (!keep(inFlight[i].frameIndex)) inFlight.splice(i, 1);
    },
  };
  painter = new PlaybackPainter(deps);
  const frame = (frameIndex: number): PreviewFrame => ({ frameIndex, frameCount: FRAME_COUNT, fps: FPS, widthPx: 4, heightPx: 4, rgba: new Uint8Array(64) });
  /** Moves time on in 5 ms steps, answering what is due; the page tells the playhead every `anchorEveryMs` (a busy page: 10 times a second). */
  const advance = (ms: number, anchorEveryMs = 100) => {
    for (let t = 0; t < ms; t += 5) {
      vi.advanceTimersByTime(5);
      if (clock !== null && anchorEveryMs > 0 && (t + 5) % anchorEveryMs === 0) {
        const nowMs = performance.timeOrigin + performance.now();
        anchor(clock.timeSec + (clock.rate * (nowMs - clock.atMs)) / 1000, clock.rate);
      }
      for (const load of inFlight.filter((l) => l.dueMs <= performance.now())) {
        inFlight.splice(inFlight.indexOf(load), 1);
        cache.set(load.key, frame(load.frameIndex));
        load.answered(performance.now() - load.askedMs);
        painter?.arrived();
      }
    }
  };
  /** The page's word: the playhead is at `timeSec` now. */
  const anchor = (timeSec: number, rate: number) => {
    clock = { timeSec, atMs: performance.timeOrigin + performance.now(), rate, fps: FPS, frameCount: FRAME_COUNT };
    painter?.play({ frameIndex: Math.floor(timeSec * FPS), targetWidthPx: 448, playing: true, clock }, clock);
  };
  const play = (fromFrame: number, rate: number) => anchor(fromFrame / FPS, rate);
  return { painter, cache, frame, keyOf, asked, painted, advance, play, anchor };
}

describe('PlaybackPainter', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('paints full frames at the project fps on its own clock when they come in time, asked for ahead of the playhead', () => {
    const services = fakeServices(10);
    services.cache.set(services.keyOf(0, 'full'), services.frame(0));
    services.play(0, 1);
    services.advance(2000);
    services.painter.stop();
    const frames = services.painted.map(([frameIndex]) => frameIndex);
    expect(frames.every((f, i) => i === 0 || f > frames[i - 1]), `forward: ${frames.join(' ')}`).toBe(true);
    // 2 s at 30 fps (the first 100 ms standing, until the playhead is seen to move): about 57 frames, each at full detail.
    expect(frames.length).toBeGreaterThanOrEqual(50);
    expect(services.painted.every(([, detail]) => detail === 'full')).toBe(true);
    // Every frame was asked for before its time.
    expect(services.asked.every((a) => a.frameIndex > a.dueFrameWhenAsked)).toBe(true);
    expect(services.asked.every((a) => a.detail === 'full')).toBe(true);
  });

  it('plays backwards frame by frame', () => {
    const services = fakeServices(20);
    services.play(200, -1);
    services.advance(1000);
    services.painter.stop();
    const frames = services.painted.map(([frameIndex]) => frameIndex);
    expect(frames.length).toBeGreaterThanOrEqual(25);
    expect(frames.every((f, i) => i === 0 || f < frames[i - 1]), `backwards: ${frames.join(' ')}`).toBe(true);
  });

  it('asks for drafts when full frames do not come in time for most frames', () => {
    // 100 ms a frame: 10 frames per second can come, 30 are due.
    const services = fakeServices(100);
    services.play(0, 1);
    services.advance(3000);
    expect(services.asked.slice(0, 4).every((a) => a.detail === 'full')).toBe(true);
    expect(services.asked.at(-1)?.detail).toBe('draft');
    services.painter.stop();
  });

  it('stops painting when stopped', () => {
    const services = fakeServices(20);
    services.play(0, 1);
    services.advance(300);
    services.painter.stop();
    const count = services.painted.length;
    services.advance(300, 0);
    expect(services.painted.length).toBe(count);
    expect(services.painter.playing()).toBe(false);
  });

  it('stands until the playhead is seen to move (audio starting late), holds the frame when told the playhead is behind its guess, and goes back only when the playhead jumps back', () => {
    const services = fakeServices(5);
    services.play(0, 1);
    services.advance(300, 0);
    expect(services.painted.map(([f]) => f), 'nothing runs ahead of audio that has not started').toEqual([0]);
    // The audio started: the playhead moves.
    services.anchor(1 / FPS, 1);
    services.advance(200, 0);
    const before = services.painted.at(-1)?.[0] ?? 0;
    expect(before).toBeGreaterThanOrEqual(5);
    // The page says the playhead is at frame 2, behind the painter's guess: the frame on screen is held, never one further back.
    services.anchor(2 / FPS, 1);
    services.advance(100, 0);
    expect(services.painted.every(([f], i) => i === 0 || f > services.painted[i - 1][0])).toBe(true);
    // A loop wrap: back to frame 0, and the frames start over from there.
    services.advance(400);
    services.anchor(0, 1);
    services.advance(100);
    const frames = services.painted.map(([f]) => f);
    expect(Math.min(...frames.slice(-2))).toBeLessThan(before);
    services.painter.stop();
  });

  it('holds the preview when the page stops telling where the playhead is', () => {
    const services = fakeServices(5);
    services.play(0, 1);
    services.anchor(1 / FPS, 1);
    services.advance(3000, 0);
    // The clock is trusted for 1 s past the page's last word (30 frames at 30 fps).
    expect(Math.max(...services.painted.map(([f]) => f))).toBeLessThanOrEqual(32);
    expect(Math.max(...services.painted.map(([f]) => f))).toBeGreaterThanOrEqual(25);
    services.painter.stop();
  });
});
