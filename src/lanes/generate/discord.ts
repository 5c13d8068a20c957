/**
 * Chat in Discord: `/chat` (with `reset`), the chat settings servers choose (`/settings set chatModel …`), and
 * the options chat takes from them when it answers as a step of the bot's answer policy (mentions, DMs, replies).
 */
import { SlashCommandBuilder, type ChatInputCommandInteraction } from 'discord.js';
import { z } from 'zod';
import { described } from '../../bot/discord/kit.ts';
import type { BotServices } from '../../bot/discord/services.ts';
import type { Config } from '../../config/index.ts';
import { UserError } from '../../core/errors.ts';
import { pick, type LocalText } from '../../i18n/text.ts';
import type { LaneDiscord, SlashCommand } from '../discord.ts';
import { defineSetting, meansNone, type ResolvedSettings } from '../server-settings.ts';
import { generateRef } from './ref.ts';
import { ChatMemory } from './memory.ts';
import { generateMessages as m } from './messages.ts';
import type { Conversation, GenerateInput, GenerateResult } from './schema.ts';

/** The models a server may choose: the provider's default and `generate.models`. */
export function offeredModels(config: Config): string[] {
  const base = config.generate.provider === 'openai' ? config.generate.openai.model : config.lanes.generate.model;
  return [base, ...config.generate.models];
}

function numberSetting(key: string, min: number, max: (config: Config) => number, what: (config: Config) => string, describe: LocalText) {
  return defineSetting<number | null>({
    key,
    value: z.number().nullable(),
    defaultValue: () => null,
    parse(text, config) {
      if (meansNone(text)) return null;
      const value = Number(text);
      if (!Number.isFinite(value) || value < min || value > max(config))
        throw new UserError('bad_request', m.takesNumber(key, what(config)));
      return value;
    },
    describe,
  });
}

export const chatModelSetting = defineSetting<string | null>({
  key: 'chatModel',
  value: z.string().min(1).max(200).nullable(),
  defaultValue: () => null,
  parse(text, config) {
    if (meansNone(text)) return null;
    const offered = offeredModels(config);
    if (!offered.includes(text.trim())) throw new UserError('bad_request', m.modelNotOffered(text.trim(), offered.join(', ')));
    return text.trim();
  },
  describe: m.settingChatModel,
});
export const maxNewTokensSetting = numberSetting(
  'maxNewTokens',
  1,
  (c) => c.generate.maxNewTokens,
  (c) => `1–${c.generate.maxNewTokens}`,
  m.settingMaxNewTokens,
);
export const temperatureSetting = numberSetting(
  'temperature',
  0,
  () => 2,
  () => '0–2',
  m.settingTemperature,
);
export const topPSetting = numberSetting(
  'topP',
  0.01,
  () => 1,
  () => '0.01–1',
  m.settingTopP,
);
export const personaSetting = defineSetting<string>({
  key: 'persona',
  value: z.string().max(2000),
  defaultValue: (config) => config.generate.persona,
  parse(text) {
    if (text.length > 2000) throw new UserError('too_long', m.personaTooLong);
    return meansNone(text) ? '' : text.trim();
  },
  describe: m.settingPersona,
});

/** What chat takes from the server's settings: persona, model, length and sampling, and whether to ground. */
export function chatOptions(settings: ResolvedSettings): Omit<GenerateInput, 'messages'> {
  const persona = settings.get(personaSetting);
  const model = settings.get(chatModelSetting);
  const maxNewTokens = settings.get(maxNewTokensSetting);
  const temperature = settings.get(temperatureSetting);
  const topP = settings.get(topPSetting);
  return {
    ...(persona ? { persona } : {}),
    ...(model ? { model } : {}),
    ...(maxNewTokens !== null ? { maxNewTokens: Math.round(maxNewTokens) } : {}),
    ...(temperature !== null ? { temperature } : {}),
    ...(topP !== null ? { topP } : {}),
    ...(settings.roleEnabled('knowledge') ? {} : { ground: false }),
  };
}

/** A DM is remembered per member, a thread per thread; other channels follow the reply chain only. */
export function conversationOf(place: {
  readonly guildId: string | null;
  readonly channelId: string;
  readonly isThread: boolean;
  readonly userId: string;
}): Conversation | undefined {
  if (!place.guildId) return { kind: 'dm', userId: place.userId };
  if (place.isThread) return { kind: 'thread', threadId: place.channelId };
  return undefined;
}

const chatCommand: SlashCommand = {
  data: described(new SlashCommandBuilder().setName('chat').setNameLocalizations({ ja: 'チャット' }), m.commandDescription)
    // Optional so that `/chat reset:True` alone forgets.
    .addStringOption((o) => described(o.setName('prompt').setNameLocalizations({ ja: 'メッセージ' }), m.promptOption).setMaxLength(4000))
    .addBooleanOption((o) => described(o.setName('reset').setNameLocalizations({ ja: 'リセット' }), m.resetOption))
    .toJSON(),
  async execute(interaction: ChatInputCommandInteraction, services: BotServices) {
    const prompt = interaction.options.getString('prompt')?.trim() ?? '';
    const reset = interaction.options.getBoolean('reset') ?? false;
    const conversation = conversationOf({
      guildId: interaction.guildId,
      channelId: interaction.channelId,
      isThread: interaction.channel?.isThread() ?? false,
      userId: interaction.user.id,
    });
    if (reset) {
      if (conversation) await new ChatMemory(services.redis, services.config.redis.prefix).reset(conversation);
      if (!prompt) {
        await services.replyPrivately(interaction, conversation ? m.reset : m.noMemoryHere);
        return;
      }
    }
    if (!prompt) throw new UserError('bad_request', m.promptMissing);
    const settings = await services.settingsFor(interaction);
    const input: GenerateInput = {
      messages: [{ role: 'user', content: prompt }],
      ...(conversation ? { conversation } : {}),
      userId: interaction.user.id,
      ...chatOptions(settings),
    };
    await services.runInteraction(interaction, generateRef, input);
  },
};

export const generateDiscord: LaneDiscord<GenerateInput, GenerateResult> = {
  commands: [chatCommand],
  settings: [personaSetting, chatModelSetting, maxNewTokensSetting, temperatureSetting, topPSetting],
  stepOptions: (settings, request) => {
    const conversation = conversationOf(request);
    return {
      ...chatOptions(settings),
      ...(request.turns.length ? { messages: request.turns } : {}),
      ...(conversation ? { conversation } : {}),
      userId: request.userId,
    };
  },
  forgetUser: (userId, services) => new ChatMemory(services.redis, services.config.redis.prefix).forgetUser(userId),
  render: (result, context) => ({ content: renderAnswer(result, context.locale) }),
};

export function renderAnswer(result: GenerateResult, locale: 'en' | 'ja'): string {
  const note: LocalText | undefined = { stop: undefined, length: m.cut, cancelled: m.stopped, timeout: m.timedOut }[result.finishReason];
  return `${result.text || '…'}${note ? `\n${pick(note, locale)}` : ''}`;
}
