import type { CHANNEL, ResponseOf } from '../../src-shared/ipc/contract';

/** One entry of the services' recent-projects list (project:recent). */
export type RecentProject = ResponseOf<typeof CHANNEL.projectRecent>[number];
