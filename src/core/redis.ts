/**
 * Redis connections, following BullMQ's production guide: producers fail fast (no offline queue,
 * so a request made while Redis is down errors at once and the user is told), workers and reply
 * consumers retry forever (`maxRetriesPerRequest: null`) so they resume by themselves after an outage.
 */
import { Redis } from 'ioredis';
import type { Config } from '../config/index.ts';
import { OperatorError } from './errors.ts';

export type RedisRole = 'producer' | 'worker';

export function createRedis(config: Config['redis'], role: RedisRole): Redis {
  const common = {
    // Reconnect with capped backoff; never give up (an outage must not leave a process stuck).
    retryStrategy: (times: number) => Math.min(200 * 2 ** Math.min(times, 6), 5_000),
  };
  const options =
    role === 'producer'
      ? // Commands issued in one tick go out in one write: a burst of requests costs far fewer syscalls.
        { ...common, enableOfflineQueue: false, maxRetriesPerRequest: 1, connectTimeout: 3_000, enableAutoPipelining: true }
      : { ...common, maxRetriesPerRequest: null, enableReadyCheck: false };
  const redis = new Redis(config.url, options);
  // ioredis emits 'error' on every failed reconnect; callers watch readiness instead of crashing.
  redis.on('error', () => undefined);
  return redis;
}

/** Resolves when Redis answers PING, or rejects with a message that says how to get one. */
export async function assertRedisReachable(config: Config['redis'], timeoutMs = 3_000): Promise<void> {
  const redis = new Redis(config.url, {
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    connectTimeout: timeoutMs,
    retryStrategy: () => null,
  });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    await redis.ping();
  } catch {
    throw new OperatorError(redisHelp(config.url));
  } finally {
    redis.disconnect();
  }
}

/** The exact steps to get a Redis, shown when none answers. The URL is shown without credentials. */
export function redisHelp(url: string): string {
  return [
    `Redis does not answer at ${safeUrl(url)}.`,
    'kotodama needs a Redis (>= 6.2) shared by the bot and the workers. Start one with any of:',
    '  docker compose up -d redis',
    '  sudo apt-get install -y redis-server && redis-server --daemonize yes --maxmemory-policy noeviction',
    'or point REDIS_URL at an existing one (e.g. REDIS_URL=redis://host:6379).',
  ].join('\n');
}

/** A Redis URL with any password removed, safe for logs and messages. */
export function safeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    if (parsed.username) parsed.username = '***';
    return parsed.toString();
  } catch {
    return '(unparseable REDIS_URL)';
  }
}

/** Whether `error` says Redis cannot be reached now (a fail-fast client refusing while disconnected). */
export function isRedisDown(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  return /enableOfflineQueue|Connection is closed|MaxRetriesPerRequest|ECONNREFUSED|Stream isn't writeable|connect ETIMEDOUT/iu.test(
    `${error.name} ${error.message}`,
  );
}
