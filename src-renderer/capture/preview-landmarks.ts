import { MAX_CAPTURE_FRAME_SIDE_PX } from '../../src-shared/ipc/contract';
import type { StudioApi } from '../../src-shared/ipc/studio-api';
import { drawLandmarks } from '../util/draw-landmarks';

/** Width of the frames sent for detection (the overlay is drawn scaled to the preview). */
const DETECT_WIDTH_PX = Math.min(320, MAX_CAPTURE_FRAME_SIDE_PX);

/**
 * Draws the tracked landmarks over a live video: one frame at a time is sent to the services'
 * face mesh (capture:detect-face), the next only when the answer is back. `onFace` learns whether
 * a face is in view. Returns the stop function.
 */
export function followLandmarks(studio: StudioApi, video: HTMLVideoElement, overlay: HTMLCanvasElement, onFace: (found: boolean) => void): () => void {
  let stopped = false;
  const grab = document.createElement('canvas');
  const loop = async () => {
    while (!stopped) {
      if (video.videoWidth === 0 || video.readyState < 2) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        continue;
      }
      const widthPx = DETECT_WIDTH_PX;
      const heightPx = Math.min(MAX_CAPTURE_FRAME_SIDE_PX, 2 * Math.round((video.videoHeight * widthPx) / video.videoWidth / 2));
      grab.width = widthPx;
      grab.height = heightPx;
      const context = grab.getContext('2d', { willReadFrequently: true });
      if (!context) return;
      context.drawImage(video, 0, 0, widthPx, heightPx);
      const rgba = new Uint8Array(context.getImageData(0, 0, widthPx, heightPx).data.buffer);
      const result = await studio.capture.detectFace({ widthPx, heightPx, rgba });
      if (stopped) return;
      const overlayContext = overlay.getContext('2d');
      if (!overlayContext) return;
      overlay.width = overlay.clientWidth;
      overlay.height = overlay.clientHeight;
      const points = result.ok ? result.value.landmarksPx : null;
      if (points === null) {
        overlayContext.clearRect(0, 0, overlay.width, overlay.height);
      } else {
        const scale = overlay.width / widthPx;
        drawLandmarks(overlayContext, points.map((v) => v * scale));
      }
      overlay.dataset.face = points === null ? 'none' : 'found';
      onFace(points !== null);
    }
  };
  void loop();
  return () => {
    stopped = true;
  };
}
