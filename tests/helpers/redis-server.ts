import { inCi } from './fixtures.js';
import { redisServerFound } from './test-redis.js';

export { TestRedis } from './test-redis.js';

/** Whether Debian's redis-server is installed; absent: the reason is printed (in CI, where .ci/run installs it, an error). */
export function redisServerInstalled(): boolean {
  if (redisServerFound()) return true;
  if (inCi()) throw new Error('redis-server is missing: .ci/run installs Debian\'s redis-server, so the farm tests must run');
  console.warn('skipping the render farm tests: redis-server is not installed (apt-get install redis-server)');
  return false;
}
