import type { InvokeChannel } from '../../src-shared/ipc/contract';
import { invokeChannels } from '../../src-shared/ipc/contract';
import type { Result } from '../../src-shared/util/result';
import { fail } from '../../src-shared/util/result';

/**
 * Checks a successful answer against the contract's response schema before the UI sees it: a
 * host out of step with this renderer becomes a readable error, not a crash deep in a component.
 */
export function validateResponse(channel: InvokeChannel, value: unknown): Result<unknown> {
  const parsed = invokeChannels[channel].response.safeParse(value);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0];
  const where = issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
  return fail('internal', `The studio service sent an invalid answer to ${channel}${where}: ${issue.message}.`);
}
