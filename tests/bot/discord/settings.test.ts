/** Settings in real Redis: inheritance, the lanes' own settings, refusals, corrupt values, members' own for DMs. */
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { SettingsStore } from '../../../src/bot/discord/settings.ts';
import { BotStore } from '../../../src/bot/discord/store.ts';
import { answerModeSetting, lanesSetting } from '../../../src/bot/policy/core-settings.ts';
import { UserError } from '../../../src/core/errors.ts';
import { voiceRepliesSetting } from '../../../src/lanes/speak/discord.ts';
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

  it("GIVEN a member's own value for their DMs THEN only their DMs get it, only member settings are taken, and forgetting them removes it", async () => {
    const [member, other] = ['400000000000000001', '400000000000000002'];
    expect(await store.setForMember(member, 'voiceReplies', 'on')).toBe('true');
    expect((await store.resolve(null, member)).get(voiceRepliesSetting)).toBe(true);
    expect((await store.resolve(null, other)).get(voiceRepliesSetting)).toBe(false);
    expect((await store.resolve(chain, member)).get(voiceRepliesSetting)).toBe(false);
    const refused = await store.setForMember(member, 'answerMode', 'chat-only').catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(UserError);
    expect((refused as UserError).text.en).toContain('only voiceReplies');
    // A server-only key that somehow sits with the member's values is not theirs to change.
    await redis.hset(`${config.redis.prefix}:bot:user:${member}:settings`, 'answerMode', '"chat-only"');
    expect((await store.resolve(null, member)).get(answerModeSetting)).toBe('faq-then-chat');
    expect(await new BotStore(redis, config.redis.prefix).forgetUser(member)).toBe(1);
    expect((await store.resolve(null, member)).get(voiceRepliesSetting)).toBe(false);
    await store.setForMember(member, 'voiceReplies', 'on');
    expect(await store.setForMember(member, 'voiceReplies', 'reset')).toBeNull();
    expect((await store.resolve(null, member)).get(voiceRepliesSetting)).toBe(false);
  });
});
