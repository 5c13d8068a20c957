/** Per-server settings in real Redis: inheritance, the lanes' own settings, refusals and corrupt values. */
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { SettingsStore } from '../../../src/bot/discord/settings.ts';
import { answerModeSetting, lanesSetting } from '../../../src/bot/policy/core-settings.ts';
import { UserError } from '../../../src/core/errors.ts';
import { autoTranslateSetting } from '../../../src/lanes/translate/discord.ts';
import { cleanupRedis, REDIS_URL, testConfig } from '../../helpers/env.ts';

const config = testConfig();
const redis = new Redis(REDIS_URL);
const store = new SettingsStore(redis, config);
const guildId = '100000000000000001';
const chain = { guildId, channelIds: ['200000000000000001', '300000000000000001'] };

afterAll(async () => {
  await cleanupRedis(config);
  redis.disconnect();
});

describe('settings store', () => {
  it('GIVEN a server value and a channel value THEN the innermost wins, and reset inherits again', async () => {
    await store.set(`guild:${guildId}`, guildId, 'answerMode', 'faq-only', 'admin');
    await store.set('channel:300000000000000001', guildId, 'answerMode', 'chat-only', 'admin');
    expect((await store.resolve(chain)).get(answerModeSetting)).toBe('chat-only');
    expect(await store.set('channel:300000000000000001', guildId, 'answerMode', 'reset', 'admin')).toBeNull();
    expect((await store.resolve(chain)).get(answerModeSetting)).toBe('faq-only');
    expect((await store.resolve(null)).get(answerModeSetting)).toBe('faq-then-chat');
  });

  it("GIVEN a lane's own setting THEN it is stored, parsed by the lane and read back typed", async () => {
    expect(await store.set(`guild:${guildId}`, guildId, 'autoTranslate', 'Japanese', 'admin')).toBe('"ja"');
    expect((await store.resolve(chain)).get(autoTranslateSetting)).toBe('ja');
    const refused = await store.set(`guild:${guildId}`, guildId, 'autoTranslate', 'klingon', 'admin').catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(UserError);
    expect((refused as UserError).text.ja).toContain('klingon');
  });

  it('GIVEN a corrupt stored value THEN it is ignored, as if never set', async () => {
    await redis.hset(`${config.redis.prefix}:bot:settings:guild:${guildId}`, 'lanes', '{not json', 'answerMode', '"nonsense"');
    const settings = await store.resolve(chain);
    expect(settings.get(lanesSetting)).toEqual(config.discord.defaults.lanes);
    expect(settings.get(answerModeSetting)).toBe('faq-then-chat');
  });
});
