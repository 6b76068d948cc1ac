/** The export dialog's job. */
export type ExportJobState =
  | { readonly status: 'idle' }
  | { readonly status: 'running'; readonly jobId: string; readonly outPath: string; readonly fraction: number; readonly message: string }
  | { readonly status: 'done'; readonly outPath: string; readonly frameCount: number; readonly durationSec: number; readonly warnings: readonly string[] }
  | { readonly status: 'failed'; readonly message: string }
  | { readonly status: 'cancelled' };
