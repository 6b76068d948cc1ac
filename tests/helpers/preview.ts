import type { RequestOf, ResponseOf } from '../../src-shared/ipc/contract.js';
import type { ProjectDocument } from '../../src-shared/project/project-schema.js';
import type { Result } from '../../src-shared/util/result.js';

type Call = <C extends 'preview:set-document' | 'preview:render-frame'>(channel: C, request: RequestOf<C>) => Promise<Result<ResponseOf<C>>>;

let revision = 0;

/** A preview frame as the studio asks for it: the document once (a new revision), then the frame by revision. */
export async function previewFrame(
  call: Call,
  request: { readonly workDir: string; readonly document: ProjectDocument; readonly frameIndex: number; readonly targetWidthPx?: number },
): Promise<Result<ResponseOf<'preview:render-frame'>>> {
  const { workDir, document, frameIndex, targetWidthPx } = request;
  const previewId = 'test-preview';
  const set = await call('preview:set-document', { previewId, revision: ++revision, workDir, document });
  if (!set.ok) return set;
  return call('preview:render-frame', { previewId, revision, frameIndex, ...(targetWidthPx === undefined ? {} : { targetWidthPx }) });
}
