import type { ProjectDocument } from '../../src-shared/project/project-schema';
import type { StudioErrorInfo } from '../../src-shared/util/result';
import type { FrameRequest } from './preview-frame-loader';
import type { PaintedFrame } from './paint-frame';

/** Page -> preview worker: first the canvas and the web host's socket address, then the document (once per edit) and frame requests. */
export type ToPreviewWorker =
  | { readonly kind: 'init'; readonly canvas: OffscreenCanvas; readonly webSocketUrl: string }
  /** Once per edit: the document the following requests show. */
  | { readonly kind: 'document'; readonly workDir: string; readonly document: ProjectDocument }
  | { readonly kind: 'request'; readonly request: FrameRequest };

/** Preview worker -> page: each frame painted, and failures to show. */
export type FromPreviewWorker =
  | { readonly kind: 'painted'; readonly painted: PaintedFrame }
  | { readonly kind: 'error'; readonly error: StudioErrorInfo };
