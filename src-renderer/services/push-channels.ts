import { PUSH_CHANNEL } from '../../src-shared/ipc/contract';

/** The push channel of long-job progress (track generation, export): the contract's typed constant. */
export const JOB_PROGRESS_CHANNEL = PUSH_CHANNEL.jobsDidProgress;
