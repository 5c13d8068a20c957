/** Test wiring: the fixtures profile, a unique Redis prefix per test file, and cleanup of its keys. */
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { loadConfig, type Config } from '../../src/config/index.ts';
import { createRedis } from '../../src/core/redis.ts';
import { createLogger } from '../../src/core/logger.ts';

export const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** The fixtures profile (tiny committed models) on its own Redis prefix. */
export function testConfig(overrides: Record<string, unknown> = {}): Config {
  const prefix = `test-${randomUUID().slice(0, 8)}`;
  return loadConfig({
    env: { KOTODAMA_PROFILE: 'fixtures', REDIS_URL },
    overrides: { redis: { prefix }, ...overrides },
  });
}

export const quietLogger = createLogger({ level: 'silent' });

/** Deletes every key under the config's prefix. */
export async function cleanupRedis(config: Config): Promise<void> {
  const redis = new Redis(config.redis.url);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${config.redis.prefix}:*`, 'COUNT', 500);
      cursor = next;
      if (keys.length) await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

export async function waitFor<T>(probe: () => Promise<T | undefined> | T | undefined, timeoutMs = 20_000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Worker-role Redis connections for one test file: `close()` disconnects them all and removes the file's keys. */
export function redisConnections(config: Config): { connect(): Redis; close(): Promise<void> } {
  const opened: Redis[] = [];
  return {
    connect() {
      const redis = createRedis(config.redis, 'worker');
      opened.push(redis);
      return redis;
    },
    async close() {
      await cleanupRedis(config);
      for (const redis of opened) redis.disconnect();
    },
  };
}
