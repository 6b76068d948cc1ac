import { useEffect, useMemo, useRef, useState } from 'react';
import { composedTrackOf } from '../hooks/use-composed-track';
import type { PreviewFrame } from '../services/preview-frame-loader';
import { PreviewFrameLoader } from '../services/preview-frame-loader';
import type { GeneratedTrack } from '../state/generation-state';
import { useStudio, useStudioSelector } from '../state/studio-context';
import { playheadFrame } from '../state/timeline-math';
import { drawLandmarks } from '../util/draw-landmarks';
import { frameFacePointsCm, framePose, outputLandmarksPx } from '../util/frame-landmarks';

/**
 * The video frame under the playhead, rendered by the services (preview:render-frame) and painted
 * with putImageData. `data-frame-index` says which frame the canvas shows now. With the landmark
 * toggle on, the frame's projected 2D landmarks are drawn over it in AniPortrait's colours.
 */
export function PreviewFrameCanvas({ generated }: { readonly generated: GeneratedTrack }) {
  const { studio } = useStudio();
  const workDir = useStudioSelector((s) => s.session.workDir);
  const document = useStudioSelector((s) => s.document);
  const frameIndex = useStudioSelector((s) => Math.min(playheadFrame(s).frameIndex, generated.track.frameCount - 1));
  const showLandmarks = useStudioSelector((s) => s.ephemeral.showLandmarks);
  const composed = useStudioSelector(composedTrackOf);
  const canvas = useRef<HTMLCanvasElement>(null);
  const overlay = useRef<HTMLCanvasElement>(null);
  const loader = useMemo(() => new PreviewFrameLoader(studio), [studio]);
  const [shown, setShown] = useState<{ frameIndex: number; widthPx: number; heightPx: number } | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const offFrame = loader.onFrame(({ frame }) => {
      paint(canvas.current, frame);
      setError(null);
      setShown((prev) => (prev?.frameIndex === frame.frameIndex && prev.widthPx === frame.widthPx && prev.heightPx === frame.heightPx ? prev : { frameIndex: frame.frameIndex, widthPx: frame.widthPx, heightPx: frame.heightPx }));
    });
    const offError = loader.onError((failure) => setError(failure.message));
    return () => {
      offFrame();
      offError();
    };
  }, [loader]);

  useEffect(() => {
    if (workDir !== null && document !== null) loader.request({ workDir, document, frameIndex });
  }, [loader, workDir, document, frameIndex]);

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
    <>
      <canvas ref={canvas} className="preview-frame" data-testid="preview-canvas" aria-label="Preview of the video frame at the playhead" />
      <canvas ref={overlay} className="preview-frame preview-overlay" data-testid="landmark-overlay" hidden={!showLandmarks} />
      {error !== null && (
        <div className="preview-error inline-error" role="alert" data-testid="preview-error">
          The preview frame could not be rendered: {error}
        </div>
      )}
    </>
  );
}

function paint(canvas: HTMLCanvasElement | null, frame: PreviewFrame): void {
  const context = canvas?.getContext('2d');
  if (canvas === null || context === null || context === undefined) return;
  if (canvas.width !== frame.widthPx || canvas.height !== frame.heightPx) {
    canvas.width = frame.widthPx;
    canvas.height = frame.heightPx;
  }
  const pixels = new Uint8ClampedArray(frame.rgba.buffer, frame.rgba.byteOffset, frame.rgba.byteLength);
  context.putImageData(new ImageData(pixels, frame.widthPx, frame.heightPx), 0, 0);
  canvas.dataset.frameIndex = String(frame.frameIndex);
}
