import type { PushChannel } from '../../src-shared/ipc/contract';
import { PUSH_CHANNELS } from '../../src-shared/ipc/contract';

/**
 * The push channel of long-job progress (track generation, export), taken from the contract's own
 * list: channel strings are written in the contract file only (STYLE.md).
 */
export const JOB_PROGRESS_CHANNEL: PushChannel = (() => {
  const channel = PUSH_CHANNELS.find((name) => name.startsWith('jobs:') && name.endsWith('-progress'));
  if (channel === undefined) throw new Error('The IPC contract has no job-progress push channel.');
  return channel;
})();
