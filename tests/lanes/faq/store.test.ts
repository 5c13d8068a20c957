/** Per-guild FAQ storage on real Redis: how guild entries combine with the file, versions, thresholds and misses. */
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { MissLog } from '../../../src/lanes/faq/misses.ts';
import { FaqStore } from '../../../src/lanes/faq/store.ts';
import { cleanupRedis, testConfig } from '../../helpers/env.ts';

const config = testConfig();
const redis = new Redis(config.redis.url);
const FILE = [
  { id: 'hello', questions: ['hello?'], answer: 'hi' },
  { id: 'rules', questions: ['rules?'], answer: 'be nice' },
];
const store = new FaqStore(redis, config.redis.prefix, async () => FILE);
let guildSeq = 0;
const guild = () => `10000000000000000${guildSeq++}`;
const ids = async (g: string) => (await store.snapshot(g)).entries.map((e) => e.id);

afterAll(async () => {
  await cleanupRedis(config);
  redis.disconnect();
});

describe('FaqStore', () => {
  it('GIVEN a guild that never changed its FAQ THEN it has the file entries at version 0', async () => {
    const g = guild();
    expect(await store.snapshot(g)).toMatchObject({ version: 0, threshold: null, defaults: true });
    expect(await ids(g)).toEqual(['hello', 'rules']);
  });

  it('GIVEN add, edit of a file entry, and remove THEN entries extend and override the file, each change bumping the version', async () => {
    const g = guild();
    await store.add(g, { id: 'wifi', questions: ['wifi password?'], answer: 'ask staff' });
    await expect(store.add(g, { id: 'rules', questions: ['x'], answer: 'y' })).rejects.toThrow(/already exists; use \/faq edit/u);
    await store.put(g, { id: 'rules', questions: ['rules?'], answer: 'be very nice' });
    expect((await store.get(g, 'rules'))?.answer).toBe('be very nice');
    expect(await store.version(g)).toBe(2);
    await store.remove(g, 'rules');
    await store.remove(g, 'wifi');
    // Removing the server copy of a file entry must not bring the file's version back.
    expect(await ids(g)).toEqual(['hello']);
    expect(await store.version(g)).toBe(4);
    await expect(store.remove(g, 'nope')).rejects.toThrow(/There is no entry "nope"/u);
  });

  it('GIVEN an import THEN merge adds and replaces by id, and replace makes the file its whole FAQ', async () => {
    const g = guild();
    expect(
      await store.import(
        g,
        [
          { id: 'hello', questions: ['hey'], answer: 'yo' },
          { id: 'new', questions: ['n'], answer: 'n' },
        ],
        'merge',
      ),
    ).toEqual({ added: 1, replaced: 1 });
    expect(await ids(g)).toEqual(['rules', 'hello', 'new']);
    await store.import(g, [{ id: 'only', questions: ['o'], answer: 'o' }], 'replace');
    expect(await store.snapshot(g)).toMatchObject({ defaults: false, entries: [{ id: 'only' }] });
    expect(await store.guilds()).toContain(g);
  });

  it('GIVEN a guild threshold THEN it is stored and reset, bumping the version', async () => {
    const g = guild();
    await store.setThreshold(g, 0.3);
    expect((await store.snapshot(g)).threshold).toBe(0.3);
    await store.setThreshold(g, null);
    expect(await store.snapshot(g)).toMatchObject({ threshold: null, version: 2 });
  });
});

describe('MissLog', () => {
  it('GIVEN misses of the same question in different spellings THEN they form one group with counts and the usual entry', async () => {
    const misses = new MissLog(redis, config.redis.prefix, 3600);
    const g = guild();
    await misses.record(g, { question: 'Where is the WIFI password?', kind: 'unknown', entryId: 'hello' });
    await misses.record(g, { question: 'where is the wifi password', kind: 'downvote', entryId: 'rules' });
    await misses.record(g, { question: 'where is the wifi password?', kind: 'unknown', entryId: 'rules' });
    await misses.record(g, { question: 'something else', kind: 'unknown' });
    const [first, second] = await misses.groups(g);
    expect(first).toMatchObject({ count: 3, downvotes: 1, entryId: 'rules', question: 'Where is the WIFI password?' });
    expect(second).toMatchObject({ count: 1, question: 'something else' });
    expect(await misses.take(g, first?.key ?? '')).toMatchObject({ count: 3 });
    expect((await misses.groups(g)).map((group) => group.question)).toEqual(['something else']);
    expect(await redis.ttl(`${config.redis.prefix}:faq:guild:${g}:misses`)).toBeGreaterThan(3500);
  });

  it('GIVEN misses older than the retention THEN they are gone', async () => {
    const misses = new MissLog(redis, config.redis.prefix, 60);
    const g = guild();
    await misses.record(g, { question: 'old', kind: 'unknown' }, Date.now() - 120_000);
    await misses.record(g, { question: 'new', kind: 'unknown' });
    expect((await misses.groups(g)).map((group) => group.question)).toEqual(['new']);
  });
});
