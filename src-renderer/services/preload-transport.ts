import type { InvokeChannel, PushChannel } from '../../src-shared/ipc/contract';
import type { StudioApi, StudioTransport, Unsubscribe } from '../../src-shared/ipc/studio-api';
import { verbMethodName } from '../../src-shared/ipc/studio-api';
import type { Result } from '../../src-shared/util/result';
import { fail } from '../../src-shared/util/result';
import { validateResponse } from './validate-response';

type UntypedMethod = (request: unknown) => Promise<Result<unknown>>;

/**
 * Wraps the API that Electron's preload exposes, so its answers pass the same response checks
 * as the web host's, and an IPC rejection (a main process without a handler) becomes a value.
 */
export function preloadTransport(exposed: StudioApi): StudioTransport {
  const methods = exposed as unknown as Record<string, Record<string, UntypedMethod | undefined> | undefined>;
  return {
    async invoke(channel: InvokeChannel, request: unknown): Promise<Result<unknown>> {
      const { domain, method } = verbMethodName(channel);
      const call = methods[domain]?.[method];
      if (call === undefined) return fail('internal', `This Electron build does not offer ${channel}. Update the studio.`);
      try {
        const result = await call(request);
        return result.ok ? validateResponse(channel, result.value) : result;
      } catch (error) {
        return fail('internal', `${channel} failed in the Electron main process: ${error instanceof Error ? error.message : String(error)}`);
      }
    },
    subscribe(channel: PushChannel, listener: (payload: unknown) => void): Unsubscribe {
      return exposed.on(channel, listener);
    },
  };
}
