import type { Result } from '../util/result.js';
import type { CamelCase, InvokeChannel, PushChannel, PushOf, RequestOf, ResponseOf } from './contract.js';
import { INVOKE_CHANNELS } from './contract.js';

type DomainOf<C extends string> = C extends `${infer D}:${string}` ? D : never;
type VerbOf<C extends string> = C extends `${string}:${infer V}` ? CamelCase<V> : never;

export type Unsubscribe = () => void;

/** The part of an AbortSignal a call uses (src-shared has no DOM or Node types). */
export interface CallSignal {
  readonly aborted: boolean;
  addEventListener(type: 'abort', listener: () => void, options?: { once?: boolean }): void;
}

/** Per call: `signal` gives the call up (the web host is told and skips work not started; Electron's IPC cannot be told and answers anyway). */
export interface CallOptions {
  readonly signal?: CallSignal;
}

/**
 * What the UI sees of the services: `studio.project.open({ path })` for channel 'project:open',
 * `studio.on('jobs:did-progress', fn)` for pushes. Derived from the contract, so a new channel
 * is a new method everywhere at once.
 */
export type StudioApi = {
  readonly [D in DomainOf<InvokeChannel>]: {
    readonly [C in InvokeChannel as DomainOf<C> extends D ? VerbOf<C> : never]: (
      request: RequestOf<C>,
      options?: CallOptions,
    ) => Promise<Result<ResponseOf<C>>>;
  };
} & {
  on<C extends PushChannel>(channel: C, listener: (payload: PushOf<C>) => void): Unsubscribe;
};

/** How a host moves calls and pushes; Electron preload and the web client each provide one. */
export interface StudioTransport {
  invoke(channel: InvokeChannel, request: unknown, options?: CallOptions): Promise<Result<unknown>>;
  subscribe(channel: PushChannel, listener: (payload: unknown) => void): Unsubscribe;
}

export function verbMethodName(channel: InvokeChannel): { domain: string; method: string } {
  const [domain, verb] = channel.split(':');
  return { domain, method: verb.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase()) };
}

/** Builds the StudioApi object over a transport (plain functions, safe to pass through contextBridge). */
export function createStudioApi(transport: StudioTransport): StudioApi {
  const api: Record<string, unknown> = {};
  for (const channel of INVOKE_CHANNELS) {
    const { domain, method } = verbMethodName(channel);
    const group = (api[domain] ??= {}) as Record<string, unknown>;
    group[method] = (request: unknown, options?: CallOptions) => transport.invoke(channel, request, options);
  }
  api.on = (channel: PushChannel, listener: (payload: unknown) => void) => transport.subscribe(channel, listener);
  return api as StudioApi;
}
