import { useEffect, useRef, useState } from 'react';
import { composedTrackOf } from '../hooks/use-composed-track';
import { useElementSize } from '../hooks/use-element-size';
import type { PaintedFrame } from '../services/paint-frame';
import type { ProjectDocument } from '../../src-shared/project/project-schema';
import type { FrameRequest } from '../services/preview-frame-loader';
import { epochNowMs } from '../services/epoch-time';
import { createPreviewSurface } from '../services/preview-surface';
import type { GeneratedTrack } from '../state/generation-state';
import { useStudio, useStudioSelector } from '../state/studio-context';
import { playheadFrame } from '../state/timeline-math';
import { drawLandmarks } from '../util/draw-landmarks';
import { frameFacePointsCm, framePose, outputLandmarksPx } from '../util/frame-landmarks';

/**
 * The video frame under the playhead, rendered by the services (preview:render-frame) at the size
 * it is shown at: first a draft (a quarter of the width), then the full frame once the playhead
 * rests (during playback, drafts only). Frames are fetched and painted off the main thread where
 * the host allows (preview-surface.ts). The canvas says what it shows: `data-frame-index`,
 * `data-detail` ('draft' | 'full'), `data-width-px` and `data-painted-at` (ms since the epoch).
 * With the landmark toggle on, the frame's projected 2D landmarks are drawn over it in
 * AniPortrait's colours.
 */
export function PreviewFrameCanvas({ generated }: { readonly generated: GeneratedTrack }) {
  const { studio, store, webSocketUrl } = useStudio();
  const outputWidthPx = useStudioSelector((s) => s.document?.settings.outputWidthPx ?? 512);
  const outputHeightPx = useStudioSelector((s) => s.document?.settings.outputHeightPx ?? 512);
  const showLandmarks = useStudioSelector((s) => s.ephemeral.showLandmarks);
  const composed = useStudioSelector(composedTrackOf);
  const area = useRef<HTMLDivElement>(null);
  const frameBox = useRef<HTMLDivElement>(null);
  const overlay = useRef<HTMLCanvasElement>(null);
  const [shown, setShown] = useState<{ frameIndex: number; widthPx: number; heightPx: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const areaSize = useElementSize(area);
  // The frame's box: the output's aspect, as large as the area allows.
  const boxScale = areaSize.widthPx > 0 && areaSize.heightPx > 0 ? Math.min(areaSize.widthPx / outputWidthPx, areaSize.heightPx / outputHeightPx) : 0;
  const box = boxScale > 0 ? { widthPx: Math.floor(outputWidthPx * boxScale), heightPx: Math.floor(outputHeightPx * boxScale) } : null;
  // Device pixels of the box; until it is laid out, the output size.
  const targetWidthPx = box === null ? outputWidthPx : Math.max(1, Math.ceil(box.widthPx * window.devicePixelRatio));

  // The display size and the track's length reach the request below without making a new canvas
  // and surface (a new one would show nothing until its first frame arrives).
  const target = useRef(targetWidthPx);
  const frameCount = useRef(generated.track.frameCount);
  const requestFrame = useRef<(() => void) | null>(null);
  useEffect(() => {
    target.current = targetWidthPx;
    frameCount.current = generated.track.frameCount;
    requestFrame.current?.();
  }, [targetWidthPx, generated]);

  // The canvas is made here, not by React: its control moves to the preview worker, once per canvas.
  useEffect(() => {
    const host = frameBox.current;
    if (host === null) return;
    const canvas = document.createElement('canvas');
    canvas.className = 'preview-frame';
    canvas.dataset.testid = 'preview-canvas';
    canvas.setAttribute('aria-label', 'Preview of the video frame at the playhead');
    host.prepend(canvas);
    const surface = createPreviewSurface(canvas, studio, webSocketUrl);
    const offPainted = surface.onPainted((painted) => {
      markPainted(canvas, painted);
      setError(null);
      setShown((prev) => (prev?.frameIndex === painted.frameIndex && prev.widthPx === painted.widthPx && prev.heightPx === painted.heightPx ? prev : { frameIndex: painted.frameIndex, widthPx: painted.widthPx, heightPx: painted.heightPx }));
    });
    const offError = surface.onError((failure) => setError(failure.message));
    // Asks for the frame straight from the store's change, before React renders the rest of the
    // studio for it: on a scrub the request leaves a few milliseconds sooner.
    let last: { readonly request: FrameRequest; readonly document: ProjectDocument; readonly workDir: string } | null = null;
    const request = () => {
      const state = store.getState();
      const { workDir } = state.session;
      const { document } = state;
      if (workDir === null || document === null) return;
      const frameIndex = Math.min(playheadFrame(state).frameIndex, frameCount.current - 1);
      const targetWidthPx = target.current;
      const { playing, playbackRate } = state.ephemeral;
      const same = last !== null && last.request.frameIndex === frameIndex && last.request.targetWidthPx === targetWidthPx && last.request.playing === playing && last.request.clock?.rate === (playing ? playbackRate : undefined);
      if (same && last?.workDir === workDir && last.document === document) return;
      // The document crosses to the services once per edit (a new revision), not with every frame.
      if (last?.document !== document || last.workDir !== workDir) surface.setDocument(workDir, document);
      const askedAtMs = epochNowMs();
      // While playing, where the playhead is now and how it moves: the surface paints on that clock
      // and renders ahead, rather than waiting for this thread's next playhead update.
      const clock = playing ? { timeSec: state.session.playheadTimeSec, atMs: askedAtMs, rate: playbackRate, fps: state.document?.settings.fps ?? 30, frameCount: frameCount.current } : undefined;
      last = { request: { frameIndex, targetWidthPx, playing, clock, askedAtMs }, document, workDir };
      surface.request(last.request);
    };
    requestFrame.current = request;
    request();
    const offStore = store.subscribe(request);
    return () => {
      requestFrame.current = null;
      offStore();
      offPainted();
      offError();
      surface.dispose();
      canvas.remove();
    };
  }, [studio, store, webSocketUrl]);

  // The overlay follows the frame actually painted, so lines and pixels always agree.
  useEffect(() => {
    const element = overlay.current;
    const context = element?.getContext('2d');
    if (element === null || context === null || context === undefined) return;
    if (!showLandmarks || shown === null || composed === null) {
      context.clearRect(0, 0, element.width, element.height);
      return;
    }
    element.width = shown.widthPx;
    element.height = shown.heightPx;
    const index = Math.min(shown.frameIndex, composed.frameCount - 1);
    const pointsCm = frameFacePointsCm(generated.rig, generated.expression, composed, index);
    drawLandmarks(context, outputLandmarksPx(generated.rig, pointsCm, framePose(composed, index), shown.widthPx, shown.heightPx));
  }, [showLandmarks, shown, composed, generated]);

  return (
    <div ref={area} className="preview-frame-area">
      <div ref={frameBox} className="preview-frame-box" style={box === null ? undefined : { width: box.widthPx, height: box.heightPx }}>
        <canvas ref={overlay} className="preview-frame preview-overlay" data-testid="landmark-overlay" hidden={!showLandmarks} />
      </div>
      {error !== null && (
        <div className="preview-error inline-error" role="alert" data-testid="preview-error">
          The preview frame could not be rendered: {error}
        </div>
      )}
    </div>
  );
}

/** Says on the canvas what it shows; data-frame-index last, so observers of it see the rest set. */
function markPainted(canvas: HTMLCanvasElement, painted: PaintedFrame): void {
  canvas.dataset.detail = painted.detail;
  canvas.dataset.widthPx = String(painted.widthPx);
  canvas.dataset.paintedAt = painted.paintedAtMs.toFixed(2);
  // The stages of a frame that came from the services (asked, accepted by the loader, sent, answered), for the scrub trace.
  if (painted.timing === undefined) delete canvas.dataset.timing;
  else {
    const { askedAtMs, acceptedAtMs, sentAtMs, answeredAtMs } = painted.timing;
    canvas.dataset.timing = [askedAtMs, acceptedAtMs, sentAtMs, answeredAtMs].map((ms) => ms.toFixed(2)).join(' ');
  }
  canvas.dataset.frameIndex = String(painted.frameIndex);
}
