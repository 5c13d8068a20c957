/**
 * Issue 13 row 16: one corrupt stored FAQ value (hand-edited, truncated, written by an older version) broke
 * the whole server's FAQ because `JSON.parse` ran outside validation. A corrupt value is skipped and logged.
 */
import { Redis } from 'ioredis';
import { pino } from 'pino';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { MissLog } from '../../../src/lanes/faq/misses.ts';
import { FaqStore } from '../../../src/lanes/faq/store.ts';
import { cleanupRedis, testConfig } from '../../helpers/env.ts';

const config = testConfig();
const redis = new Redis(config.redis.url);
const prefix = config.redis.prefix;
const logs: Record<string, unknown>[] = [];
const logger = pino({ level: 'info' }, { write: (line: string) => void logs.push(JSON.parse(line) as Record<string, unknown>) });
const store = new FaqStore(redis, prefix, async () => [{ id: 'hello', questions: ['hello?'], answer: 'hi' }], logger);
const misses = new MissLog(redis, prefix, 3600, logger);
let guildSeq = 0;
const guild = () => `20000000000000000${guildSeq++}`;
const warnings = (msg: string) => logs.filter((line) => line.msg === msg);

beforeEach(() => void (logs.length = 0));
afterAll(async () => {
  await cleanupRedis(config);
  redis.disconnect();
});

describe('FaqStore with corrupt stored values', () => {
  it('GIVEN one entry that is not JSON and one that is not an entry THEN the others still answer and both are logged by id', async () => {
    const g = guild();
    await store.add(g, { id: 'wifi', questions: ['wifi?'], answer: 'ask staff' });
    await redis.hset(store.key(g, 'entries'), 'broken', '{"id":"broken","questions":["x"', 'wrong-shape', '{"id":42}');
    const snapshot = await store.snapshot(g);
    expect(snapshot.entries.map((entry) => entry.id)).toEqual(['hello', 'wifi']);
    expect(warnings('skipped a corrupt stored FAQ entry').map((line) => line.entryId)).toEqual(['broken', 'wrong-shape']);
    expect(warnings('skipped a corrupt stored FAQ entry')[0]).toMatchObject({ guildId: g });
  });

  it('GIVEN a corrupt threshold setting THEN the default threshold applies and it is logged', async () => {
    const g = guild();
    await redis.hset(store.key(g, 'settings'), 'threshold', 'not-a-number');
    expect((await store.snapshot(g)).threshold).toBeNull();
    expect(warnings('ignored a corrupt stored FAQ threshold')).toHaveLength(1);
  });
});

describe('MissLog with corrupt stored values', () => {
  it('GIVEN a corrupt miss among good ones THEN groups and take still work and the value is logged', async () => {
    const g = guild();
    await misses.record(g, { question: 'where is the wifi', kind: 'unknown' });
    await redis.zadd(`${prefix}:faq:guild:${g}:misses`, Date.now(), '{"question": truncated');
    const groups = await misses.groups(g);
    expect(groups.map((group) => group.question)).toEqual(['where is the wifi']);
    expect(await misses.take(g, groups[0]?.key ?? '')).toMatchObject({ count: 1 });
    expect(await misses.groups(g)).toEqual([]);
    expect(warnings('skipped a corrupt stored FAQ miss').length).toBeGreaterThan(0);
  });

  it('GIVEN a corrupt remembered answer THEN it reads as unknown instead of failing the 👎 handler', async () => {
    await redis.set(`${prefix}:faq:answered:faq-123`, 'not json');
    expect(await misses.answered('faq-123')).toBeUndefined();
    expect(warnings('skipped a corrupt stored FAQ answer')).toHaveLength(1);
  });
});
