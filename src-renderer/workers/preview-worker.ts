import '../services/zod-without-eval';
import { createStudioApi } from '../../src-shared/ipc/studio-api';
import { assertNever } from '../../src-shared/util/assert-never';
import { PreviewFrameLoader } from '../services/preview-frame-loader';
import type { FromPreviewWorker, ToPreviewWorker } from '../services/preview-worker-protocol';
import { paintFrame } from '../services/paint-frame';
import { WebSocketTransport } from '../services/web-socket-transport';

/** The parts of a dedicated worker's global scope used here (the renderer is typed with DOM, not WebWorker, types). */
interface PreviewWorkerScope {
  onmessage: ((event: MessageEvent<ToPreviewWorker>) => void) | null;
  postMessage(message: FromPreviewWorker): void;
}

const scope = self as unknown as PreviewWorkerScope;
let loader: PreviewFrameLoader | null = null;

/**
 * The preview's worker: its own connection to the web host, the frame loader (drafts first, one
 * request in flight), and the preview canvas, painted here as frames arrive.
 */
scope.onmessage = ({ data }) => {
  switch (data.kind) {
    case 'init': {
      const { canvas } = data;
      const context = canvas.getContext('2d');
      // The worker's own socket carries cancels: frames the user has left are given up.
      loader = new PreviewFrameLoader(createStudioApi(new WebSocketTransport(data.webSocketUrl)), { cancellable: true });
      loader.onFrame(({ frame, detail, timing }) => {
        if (context !== null) scope.postMessage({ kind: 'painted', painted: paintFrame(canvas, context, frame, detail, timing) });
      });
      loader.onError((error) => scope.postMessage({ kind: 'error', error }));
      return;
    }
    case 'document':
      loader?.setDocument(data.workDir, data.document);
      return;
    case 'request':
      loader?.request(data.request);
      return;
    default:
      assertNever(data, 'preview worker message');
  }
};
