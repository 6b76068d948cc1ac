import { POSE_IMAGE_CONNECTIONS } from '../../src-shared/face/pose-image-connections';

/** AniPortrait's colours are BGR-array tuples; the displayed RGB is the reversed tuple. */
export function connectionRgb(color: readonly [number, number, number]): string {
  return `rgb(${color[2]}, ${color[1]}, ${color[0]})`;
}

/** Draws the contour lines of AniPortrait's pose image and a dot per landmark over a frame. */
export function drawLandmarks(context: CanvasRenderingContext2D, pointsPx: Float32Array): void {
  const { width, height } = context.canvas;
  context.clearRect(0, 0, width, height);
  const lineWidth = Math.max(1.5, width / 256);
  context.fillStyle = 'rgba(255, 255, 255, 0.55)';
  const dot = lineWidth * 0.6;
  for (let i = 0; i < pointsPx.length; i += 2) context.fillRect(pointsPx[i] - dot / 2, pointsPx[i + 1] - dot / 2, dot, dot);
  context.lineWidth = lineWidth;
  context.lineCap = 'round';
  for (const group of POSE_IMAGE_CONNECTIONS) {
    context.strokeStyle = connectionRgb(group.color);
    context.beginPath();
    for (const [a, b] of group.edges) {
      context.moveTo(pointsPx[a * 2], pointsPx[a * 2 + 1]);
      context.lineTo(pointsPx[b * 2], pointsPx[b * 2 + 1]);
    }
    context.stroke();
  }
}
