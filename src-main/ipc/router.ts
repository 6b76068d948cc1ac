import type { z } from 'zod';
import type { InvokeChannel, ParsedRequestOf, PushChannel, PushOf, ResponseOf } from '../../src-shared/ipc/contract.js';
import { invokeChannels, isInvokeChannel } from '../../src-shared/ipc/contract.js';
import type { Result } from '../../src-shared/util/result.js';
import { fail, ok, StudioError } from '../../src-shared/util/result.js';

/** What a handler gets besides its request: cancellation and a way to push events to its caller. */
export interface CallContext {
  readonly signal: AbortSignal;
  readonly push: <C extends PushChannel>(channel: C, payload: PushOf<C>) => void;
}

export type Handler<C extends InvokeChannel> = (request: ParsedRequestOf<C>, context: CallContext) => Promise<ResponseOf<C>>;
export type Handlers = { readonly [C in InvokeChannel]: Handler<C> };

/** Who sent a request, as the host established it (Electron: our window's frame; web: an authenticated socket). */
export interface Sender {
  readonly trusted: boolean;
  readonly description: string;
}

export type RouteOutcome =
  | { readonly kind: 'dropped'; readonly reason: string }
  | { readonly kind: 'answered'; readonly result: Result<unknown> };

export type RouterLog = (message: string) => void;

/**
 * The one entry point of every host. Requests from senders that are not ours are dropped without
 * an answer; unknown channels and payloads that fail their schema are answered 'invalid-request'
 * without reaching a handler; expected failures come back as values.
 */
export function createRouter(handlers: Handlers, log: RouterLog = () => {}) {
  async function route(channel: unknown, payload: unknown, sender: Sender, context: CallContext): Promise<RouteOutcome> {
    if (!sender.trusted) {
      log(`dropped a request from a foreign sender (${sender.description})`);
      return { kind: 'dropped', reason: 'foreign sender' };
    }
    if (!isInvokeChannel(channel)) {
      return { kind: 'answered', result: fail('invalid-request', `Unknown channel ${JSON.stringify(channel)}.`) };
    }
    const parsed = invokeChannels[channel].request.safeParse(payload);
    if (!parsed.success) {
      return { kind: 'answered', result: fail('invalid-request', `Invalid ${channel} request: ${describeIssue(parsed.error)}`) };
    }
    try {
      const handler: Handler<InvokeChannel> = handlers[channel];
      const value = await handler(parsed.data, context);
      const checked = invokeChannels[channel].response.safeParse(value);
      if (!checked.success) {
        log(`${channel} produced an invalid response: ${describeIssue(checked.error)}`);
        return { kind: 'answered', result: fail('internal', `The studio produced an invalid ${channel} answer. Please report this.`) };
      }
      return { kind: 'answered', result: ok(checked.data) };
    } catch (error) {
      if (error instanceof StudioError) return { kind: 'answered', result: fail(error.code, error.message) };
      if (context.signal.aborted) return { kind: 'answered', result: fail('cancelled', 'Cancelled.') };
      log(`${channel} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return { kind: 'answered', result: fail('internal', `${channel} failed unexpectedly: ${error instanceof Error ? error.message : String(error)}`) };
    }
  }
  return { route };
}

export type Router = ReturnType<typeof createRouter>;

function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  return issue ? `${issue.path.join('.') || 'payload'}: ${issue.message}` : 'invalid payload';
}
