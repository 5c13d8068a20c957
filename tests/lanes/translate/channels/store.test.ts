/** Translation-channel state in real Redis and the /autotranslate command core. */
import { Redis } from 'ioredis';
import { pino } from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { runAutotranslateCommand } from '../../../../src/lanes/translate/channels/command.ts';
import { ChannelStore } from '../../../../src/lanes/translate/channels/store.ts';
import { webhookName } from '../../../../src/lanes/translate/channels/relay.ts';
import { cleanupRedis, testConfig } from '../../../helpers/env.ts';

const config = testConfig();
const redis = new Redis(config.redis.url);
const logs: string[] = [];
const store = new ChannelStore({
  redis,
  prefix: config.redis.prefix,
  followWindowSec: 60,
  logger: pino({ level: 'warn' }, { write: (line: string) => void logs.push(line) }),
});
const services = { channels: store, maxTargets: 3 };
const [G, A, B, C] = ['100000000000000001', '200000000000000001', '200000000000000002', '200000000000000003'];
afterAll(async () => {
  await cleanupRedis(config);
  redis.disconnect();
});

describe('translation channel rules', () => {
  it('GIVEN two linked channels THEN each points at the other; turning one off unlinks both', async () => {
    await store.link(G, { channelId: A, language: 'ja' }, { channelId: B, language: 'en' });
    expect(await store.rule(A)).toEqual({ guildId: G, language: 'ja', outputs: [{ channelId: B, language: 'en' }] });
    expect(await store.rule(B)).toEqual({ guildId: G, language: 'en', outputs: [{ channelId: A, language: 'ja' }] });
    expect(await store.off(G, A)).toBe(true);
    expect(await store.rule(A)).toBeUndefined();
    expect(await store.rule(B)).toBeUndefined();
    expect(await store.rules(G)).toEqual([]);
  });

  it('GIVEN a channel re-linked elsewhere THEN its old partner no longer posts into it', async () => {
    await store.link(G, { channelId: A, language: 'ja' }, { channelId: B, language: 'en' });
    await store.link(G, { channelId: A, language: 'ja' }, { channelId: C, language: 'ko' });
    expect(await store.rule(B)).toBeUndefined();
    expect((await store.rules(G)).map((r) => r.channelId)).toEqual([A, C]);
  });

  it('GIVEN a corrupt rule in Redis THEN it is ignored and logged, not fatal', async () => {
    await redis.set(`${config.redis.prefix}:translate:channel:${B}`, '{"guildId": 5}');
    expect(await store.rule(B)).toBeUndefined();
    expect(logs.some((line) => line.includes('ignored a corrupt translation-channel rule'))).toBe(true);
  });

  it('GIVEN copies THEN they expire with the follow window, and their webhook counts as the bot’s own', async () => {
    await store.recordCopy('300000000000000001', { channelId: B, messageId: '300000000000000002', language: 'en' }, '400000000000000001');
    expect(await store.copies('300000000000000001')).toEqual([{ channelId: B, messageId: '300000000000000002', language: 'en' }]);
    const ttl = await redis.ttl(`${config.redis.prefix}:translate:copies:300000000000000001`);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(60);
    expect(await store.isOwnWebhook('400000000000000001')).toBe(true);
    expect(await store.isOwnWebhook('400000000000000002')).toBe(false);
  });
});

describe('/autotranslate', () => {
  it('GIVEN targets, link, status and off THEN each answers and changes the rules', async () => {
    expect((await runAutotranslateCommand(G, { sub: 'targets', channelId: B, languages: 'en, 日本語' }, services)).en).toBe(
      `Messages in <#${B}> are now translated into English, Japanese.`,
    );
    expect(await store.rule(B)).toMatchObject({
      outputs: [
        { channelId: B, language: 'en' },
        { channelId: B, language: 'ja' },
      ],
    });
    expect((await runAutotranslateCommand(G, { sub: 'status' }, services)).en).toBe(
      `- <#${A}> → <#${C}> (Korean)\n- <#${B}> → English, Japanese\n- <#${C}> → <#${A}> (Japanese)`,
    );
    expect((await runAutotranslateCommand(G, { sub: 'off', channelId: B }, services)).en).toBe(`Translation is off in <#${B}>.`);
    expect((await runAutotranslateCommand(G, { sub: 'off', channelId: B }, services)).en).toBe(`<#${B}> had no translation set up.`);
  });

  it('GIVEN bad requests THEN the admin is told how to fix them', async () => {
    await expect(runAutotranslateCommand(G, { sub: 'targets', channelId: B, languages: 'klingon' }, services)).rejects.toThrow(
      /not a language I know/u,
    );
    await expect(runAutotranslateCommand(G, { sub: 'targets', channelId: B, languages: 'en ja ko fr' }, services)).rejects.toThrow(
      /At most 3/u,
    );
    await expect(
      runAutotranslateCommand(G, { sub: 'link', channelId: A, language: 'ja', otherChannelId: A, otherLanguage: 'en' }, services),
    ).rejects.toThrow(/two different channels/u);
    await expect(
      runAutotranslateCommand(G, { sub: 'link', channelId: A, language: 'ja', otherChannelId: B, otherLanguage: 'japanese' }, services),
    ).rejects.toThrow(/two different languages/u);
  });

  it('GIVEN a member name Discord refuses for webhooks THEN the copy uses a safe variant', () => {
    expect(webhookName('Discord Fan')).toBe('d1scord Fan');
    expect(webhookName('  ')).toBe('member');
    expect(webhookName('x'.repeat(100))).toHaveLength(80);
  });
});
