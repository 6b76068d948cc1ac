import type { PreviewFrame } from '../../src-shared/ipc/contract';
import { epochNowMs } from './epoch-time';
import type { FrameDetail, FrameTiming } from './preview-frame-loader';

/** A frame now on the preview canvas. */
export interface PaintedFrame {
  readonly frameIndex: number;
  readonly detail: FrameDetail;
  readonly widthPx: number;
  readonly heightPx: number;
  /** When its pixels were put on the canvas: ms since the epoch (performance.timeOrigin + now, comparable across threads). */
  readonly paintedAtMs: number;
  /** The stages before the paint, for a frame that came from the services (the scrub trace reads them). */
  readonly timing?: FrameTiming;
}

type Context2d = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;

/** Puts a frame's RGBA pixels on a canvas, resizing it to the frame; returns what was painted. */
export function paintFrame(canvas: HTMLCanvasElement | OffscreenCanvas, context: Context2d, frame: PreviewFrame, detail: FrameDetail, timing?: FrameTiming): PaintedFrame {
  if (canvas.width !== frame.widthPx || canvas.height !== frame.heightPx) {
    canvas.width = frame.widthPx;
    canvas.height = frame.heightPx;
  }
  const pixels = new Uint8ClampedArray(frame.rgba.buffer, frame.rgba.byteOffset, frame.rgba.byteLength);
  context.putImageData(new ImageData(pixels, frame.widthPx, frame.heightPx), 0, 0);
  return { frameIndex: frame.frameIndex, detail, widthPx: frame.widthPx, heightPx: frame.heightPx, paintedAtMs: epochNowMs(), timing };
}

