import { Redis } from 'ioredis';
import { StudioError } from '../../src-shared/util/result.js';

/** Checks a --redis value: redis://[user:pass@]host[:port][/db] or rediss:// (TLS). */
export function checkRedisUrl(text: string | undefined, flag = '--redis'): string {
  if (text === undefined) throw new StudioError('invalid-request', `${flag} URL is required (e.g. redis://127.0.0.1:6379).`);
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new StudioError('invalid-request', `${flag} must be a URL like redis://host:6379, got "${text}".`);
  }
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:') throw new StudioError('invalid-request', `${flag} must start with redis:// or rediss://, got "${text}".`);
  return text;
}

/**
 * A connection for BullMQ: commands wait while Redis is away (maxRetriesPerRequest null, as BullMQ
 * requires) and ioredis reconnects with a capped back-off, so a worker rides out a Redis restart.
 * Connection errors are reported once per outage through `log`, not thrown.
 */
export function openRedis(url: string, log: (line: string) => void): Redis {
  const redis = new Redis(url, { maxRetriesPerRequest: null, retryStrategy: (times) => Math.min(200 * times, 2000), lazyConnect: false });
  let down = false;
  redis.on('error', (error: Error) => {
    if (down) return;
    down = true;
    log(`warning: Redis at ${redactedUrl(url)} is unreachable (${error.message}); reconnecting`);
  });
  redis.on('ready', () => {
    if (down) log(`Redis at ${redactedUrl(url)} is back`);
    down = false;
  });
  return redis;
}

/** The URL without its password, for messages. */
export function redactedUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return url;
  }
}

/**
 * Waits until Redis answers, or fails with a message naming the URL (a CLI call should not hang
 * on a wrong address).
 */
export async function checkReachable(redis: Redis, url: string, limitMs = 5000): Promise<void> {
  const timer = new Promise<never>((_, reject) => setTimeout(() => reject(new StudioError('unavailable', `Redis at ${redactedUrl(url)} does not answer. Check --redis and that redis-server runs.`)), limitMs).unref());
  await Promise.race([redis.ping(), timer]);
}
