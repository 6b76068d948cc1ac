import { join } from 'node:path';
import type { BrowseRoot } from '../../src-main/files/file-browser.js';
import type { CallContext } from '../../src-main/ipc/router.js';
import { createRouter } from '../../src-main/ipc/router.js';
import type { HostKind } from '../../src-main/services/app-info.js';
import type { Dialogs } from '../../src-main/services/dialogs.js';
import { NO_NATIVE_DIALOGS } from '../../src-main/services/dialogs.js';
import { createStudioHandlers } from '../../src-main/services/studio-services.js';
import type { InvokeChannel, RequestOf, ResponseOf } from '../../src-shared/ipc/contract.js';
import type { Result } from '../../src-shared/util/result.js';

/** Calls one service channel the way a trusted host does; its Result, as the router answered it. */
export type StudioCall = <C extends InvokeChannel>(channel: C, request: RequestOf<C>) => Promise<Result<ResponseOf<C>>>;

export interface StudioServicesOptions {
  /** The temp folder: data in `dataDir` or else `root/data`, projects in `projectsDir` or else `root/projects`. */
  readonly root: string;
  readonly host?: HostKind;
  readonly dataDir?: string;
  readonly projectsDir?: string;
  readonly modelsDir?: string;
  /** Native dialogs (Electron's); none by default. */
  readonly dialogs?: Dialogs;
  /** Where the in-app file browser may go (default: home and data folder). */
  readonly browseRoots?: readonly BrowseRoot[];
  /** Gets every push the services send (progress of jobs); by default they are dropped. */
  readonly onPush?: CallContext['push'];
}

/**
 * The studio services behind a router, as the hosts wire them (no native dialogs unless given), and a trusted
 * caller of them; a request the router drops throws 'dropped'.
 */
export function studioServices(options: StudioServicesOptions): { readonly call: StudioCall; readonly value: typeof value } {
  const { root, host = 'cli', modelsDir, onPush } = options;
  const dirs = { dataDir: options.dataDir ?? join(root, 'data'), projectsDir: options.projectsDir ?? join(root, 'projects') };
  const router = createRouter(createStudioHandlers({ host, dirs, dialogs: options.dialogs ?? NO_NATIVE_DIALOGS, ...(modelsDir === undefined ? {} : { modelsDir }), ...(options.browseRoots ? { browseRoots: options.browseRoots } : {}) }));
  const push: CallContext['push'] = onPush ?? (() => {});
  const call: StudioCall = async (channel, request) => {
    const outcome = await router.route(channel, request, { trusted: true, description: 'test' }, { signal: new AbortController().signal, push });
    if (outcome.kind !== 'answered') throw new Error('dropped');
    return outcome.result as never;
  };
  return { call, value };
}

/** The value of an answered call, or an Error "`code`: `message`" for a failure. */
export async function value<T>(result: Promise<Result<T>>): Promise<T> {
  const r = await result;
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}

/** The bytes of `b` alone, as an ArrayBuffer (a Buffer may be a view into a larger, shared one). */
export const arrayBufferOf = (b: Buffer): ArrayBuffer => b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
