import type { StudioApi } from '../../src-shared/ipc/studio-api';
import type { ProjectDocument } from '../../src-shared/project/project-schema';
import type { StudioErrorInfo } from '../../src-shared/util/result';
import type { PaintedFrame } from './paint-frame';
import { paintFrame } from './paint-frame';
import type { FrameRequest } from './preview-frame-loader';
import { PreviewFrameLoader } from './preview-frame-loader';
import type { FromPreviewWorker, ToPreviewWorker } from './preview-worker-protocol';
import { TypedEmitter } from './typed-emitter';

/** Where preview frames are fetched and painted: the page's main thread, or a worker that owns the canvas. */
export interface PreviewSurface {
  /** The document frames come from from now on (sent to the services once, with the next request). */
  setDocument(workDir: string, document: ProjectDocument): void;
  request(request: FrameRequest): void;
  onPainted(listener: (painted: PaintedFrame) => void): () => void;
  onError(listener: (error: StudioErrorInfo) => void): () => void;
  dispose(): void;
}

/**
 * Loads and paints frames on the main thread (Electron, whose preload API lives only there).
 * After a click Chromium defers the page's other tasks, answers included, until the next frame.
 */
class MainThreadSurface implements PreviewSurface {
  private readonly loader: PreviewFrameLoader;
  private readonly painted = new TypedEmitter<PaintedFrame>();

  constructor(studio: StudioApi, canvas: HTMLCanvasElement) {
    this.loader = new PreviewFrameLoader(studio);
    const context = canvas.getContext('2d');
    this.loader.onFrame(({ frame, detail, timing }) => {
      if (context !== null) this.painted.emit(paintFrame(canvas, context, frame, detail, timing));
    });
  }

  setDocument(workDir: string, document: ProjectDocument): void {
    this.loader.setDocument(workDir, document);
  }

  request(request: FrameRequest): void {
    this.loader.request(request);
  }

  onPainted(listener: (painted: PaintedFrame) => void): () => void {
    return this.painted.on(listener);
  }

  onError(listener: (error: StudioErrorInfo) => void): () => void {
    return this.loader.onError(listener);
  }

  dispose(): void {
    this.loader.dispose();
  }
}

/**
 * Loads and paints frames in a worker that owns the canvas (OffscreenCanvas) and its own socket to
 * the web host: frames reach the screen without waiting for the page's main thread, which after a
 * click holds other tasks back until it has drawn the click's own frame (and is busy with React).
 */
class WorkerSurface implements PreviewSurface {
  private readonly worker: Worker;
  private readonly painted = new TypedEmitter<PaintedFrame>();
  private readonly errors = new TypedEmitter<StudioErrorInfo>();

  constructor(canvas: HTMLCanvasElement, webSocketUrl: string) {
    this.worker = new Worker(new URL('../workers/preview-worker.ts', import.meta.url), { type: 'module', name: 'preview' });
    this.worker.addEventListener('message', ({ data }: MessageEvent<FromPreviewWorker>) => {
      if (data.kind === 'painted') this.painted.emit(data.painted);
      else this.errors.emit(data.error);
    });
    this.worker.addEventListener('error', (event) => this.errors.emit({ code: 'internal', message: `The preview worker failed: ${event.message}` }));
    const offscreen = canvas.transferControlToOffscreen();
    this.post({ kind: 'init', canvas: offscreen, webSocketUrl }, [offscreen]);
  }

  setDocument(workDir: string, document: ProjectDocument): void {
    this.post({ kind: 'document', workDir, document });
  }

  request(request: FrameRequest): void {
    this.post({ kind: 'request', request });
  }

  onPainted(listener: (painted: PaintedFrame) => void): () => void {
    return this.painted.on(listener);
  }

  onError(listener: (error: StudioErrorInfo) => void): () => void {
    return this.errors.on(listener);
  }

  dispose(): void {
    this.worker.terminate();
  }

  private post(message: ToPreviewWorker, transfer: Transferable[] = []): void {
    this.worker.postMessage(message, transfer);
  }
}

/**
 * The worker where the page was served by the web host and the browser can hand a canvas to a
 * worker; the main thread otherwise. `canvas` must be fresh: control of a canvas moves only once.
 */
export function createPreviewSurface(canvas: HTMLCanvasElement, studio: StudioApi, webSocketUrl: string | null): PreviewSurface {
  const canWork = webSocketUrl !== null && typeof Worker !== 'undefined' && typeof canvas.transferControlToOffscreen === 'function';
  return canWork ? new WorkerSurface(canvas, webSocketUrl) : new MainThreadSurface(studio, canvas);
}
