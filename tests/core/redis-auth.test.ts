/**
 * A Redis with a password, and one behind TLS (`rediss://`), each started by this test on its own port: the
 * config accepts their URLs, the app's connections (producer, worker, BullMQ) authenticate and work, and a
 * wrong password is refused with a message that shows no secret.
 */
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { Queue, Worker } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/index.ts';
import { OperatorError } from '../../src/core/errors.ts';
import { assertRedisReachable, createRedis } from '../../src/core/redis.ts';
import { runScript } from '../helpers/spawn.ts';
import { makeTlsFiles, opensslAvailable, startRedis, type RedisProcess, type TlsFiles } from './redis-process.ts';

const PASSWORD = 'pw-4d1c9a';
const configFor = (url: string) => loadConfig({ env: { KOTODAMA_PROFILE: 'fixtures', REDIS_URL: url } });

describe('Redis with a password', () => {
  let redis: RedisProcess;
  beforeAll(async () => {
    redis = await startRedis(['--requirepass', PASSWORD, '--user', 'kotodama', 'on', `>${PASSWORD}-acl`, '~*', '&*', '+@all'], {
      password: PASSWORD,
    });
  });
  afterAll(() => redis.stop());

  it('GIVEN REDIS_URL with a password THEN producer and worker connections authenticate and a BullMQ job runs', async () => {
    const config = configFor(`redis://:${PASSWORD}@127.0.0.1:${redis.port}`);
    await assertRedisReachable(config.redis);
    const producer = createRedis(config.redis, 'producer');
    const connection = createRedis(config.redis, 'worker');
    try {
      expect(producer.options).toMatchObject({ host: '127.0.0.1', port: redis.port, password: PASSWORD });
      // A producer has no offline queue: it is used once connected, as the app does.
      await once(producer, 'ready');
      expect(await producer.ping()).toBe('PONG');
      const queue = new Queue('faq', { connection, prefix: 'kotodama' });
      const worker = new Worker('faq', async () => 'answered', { connection, prefix: 'kotodama' });
      const completed = new Promise<unknown>((resolve) => worker.on('completed', (_job, result) => resolve(result)));
      await queue.add('ask', {}, { jobId: 'faq-1' });
      expect(await completed).toBe('answered');
      await worker.close();
      await queue.close();
    } finally {
      producer.disconnect();
      connection.disconnect();
    }
  });

  it('GIVEN an ACL user and password in the URL THEN ioredis gets both and authenticates as that user', async () => {
    const config = configFor(`redis://kotodama:${PASSWORD}-acl@127.0.0.1:${redis.port}/0`);
    const producer = createRedis(config.redis, 'producer');
    try {
      expect(producer.options).toMatchObject({ username: 'kotodama', password: `${PASSWORD}-acl`, db: 0 });
      await once(producer, 'ready');
      expect(await producer.call('ACL', 'WHOAMI')).toBe('kotodama');
    } finally {
      producer.disconnect();
    }
  });

  it('GIVEN a wrong password THEN start-up is refused with the help text, the URL shown without any secret', async () => {
    const config = configFor(`redis://:wrong-${PASSWORD}@127.0.0.1:${redis.port}`);
    const error = await assertRedisReachable(config.redis).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OperatorError);
    expect((error as OperatorError).message).toContain(`Redis does not answer at redis://:***@127.0.0.1:${redis.port}`);
    expect((error as OperatorError).message).not.toContain(PASSWORD);
  });
});

describe('Redis over TLS (rediss://)', () => {
  it('GIVEN a rediss URL THEN the config accepts it and ioredis gets TLS, user, password and database from it', () => {
    const config = configFor('rediss://default:secret@redis.example.com:6380/2');
    const client = createRedis(config.redis, 'producer');
    try {
      expect(client.options).toMatchObject({
        host: 'redis.example.com',
        port: 6380,
        username: 'default',
        password: 'secret',
        db: 2,
        tls: {},
      });
    } finally {
      client.disconnect();
    }
  });

  describe.skipIf(!opensslAvailable())('against a TLS redis-server with its own CA', () => {
    let tls: TlsFiles;
    let redis: RedisProcess;
    beforeAll(async () => {
      tls = makeTlsFiles();
      const files = ['--tls-cert-file', tls.cert, '--tls-key-file', tls.key, '--tls-ca-cert-file', tls.ca, '--tls-auth-clients', 'no'];
      redis = await startRedis(
        [...files, '--requirepass', PASSWORD],
        { password: PASSWORD, tls: { ca: readCa(tls.ca), servername: 'localhost' } },
        '--tls-port',
      );
    });
    afterAll(async () => {
      await redis.stop();
      tls.remove();
    });

    const run = (url: string, extraCa?: string) =>
      runScript('tests/core/redis-client-script.ts', [], {
        env: { KOTODAMA_PROFILE: 'fixtures', REDIS_URL: url, ...(extraCa ? { NODE_EXTRA_CA_CERTS: extraCa } : {}) },
        timeoutMs: 60_000,
      }).then((result) => JSON.parse(result.stdout.trim().split('\n').at(-1) ?? '{}') as Record<string, unknown>);

    it('GIVEN rediss:// and the CA in NODE_EXTRA_CA_CERTS THEN the app connects over TLS and runs a BullMQ job', async () => {
      expect(await run(`rediss://:${PASSWORD}@localhost:${redis.port}`, tls.ca)).toEqual({
        pong: 'PONG',
        result: 'echo over tls',
        tls: true,
      });
    });

    it('GIVEN a certificate the process does not trust, or plain redis:// to the TLS port THEN it is refused, naming no secret', async () => {
      for (const url of [`rediss://:${PASSWORD}@localhost:${redis.port}`, `redis://:${PASSWORD}@localhost:${redis.port}`]) {
        const outcome = await run(url);
        expect(String(outcome.error)).toMatch(/^Redis does not answer at redis/u);
        expect(String(outcome.error)).not.toContain(PASSWORD);
      }
    });
  });
});

function readCa(file: string): Buffer {
  return readFileSync(file);
}
