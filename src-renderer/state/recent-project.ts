import type { ResponseOf } from '../../src-shared/ipc/contract';

/** One entry of the services' recent-projects list (project:recent). */
export type RecentProject = ResponseOf<'project:recent'>[number];
