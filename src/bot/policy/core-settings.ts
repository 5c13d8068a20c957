/**
 * The bot's own per-server settings (lanes add theirs): which lanes are on, the language channel messages are
 * answered in, how questions are answered (`answerMode`), and what counts as addressing the bot.
 */
import { z } from 'zod';
import { UserError } from '../../core/errors.ts';
import { localeSchema, type Locale, type LocalText } from '../../i18n/text.ts';
import { LANE_NAMES } from '../../lanes/index.ts';
import { defineSetting, meansNone, parseSwitch } from '../../lanes/server-settings.ts';
import { settingsMessages as m } from '../discord/messages.ts';

export const ANSWER_MODES = ['faq-then-chat', 'faq-only', 'chat-only'] as const;
export type AnswerMode = (typeof ANSWER_MODES)[number];

export const lanesSetting = defineSetting<readonly string[]>({
  key: 'lanes',
  value: z.array(z.string()),
  defaultValue: (config) => config.discord.defaults.lanes,
  parse(text) {
    const lanes = text.split(/[\s,]+/u).filter(Boolean);
    const bad = lanes.filter((lane) => !(LANE_NAMES as readonly string[]).includes(lane));
    if (bad.length) throw new UserError('bad_request', m.unknownLanes(bad.join(', '), LANE_NAMES.join(', ')));
    return lanes;
  },
  describe: m.describeLanes,
});

/** `auto` follows the server's preferred locale (Discord's community setting). */
export const languageSetting = defineSetting<Locale | 'auto'>({
  key: 'language',
  value: z.union([localeSchema, z.literal('auto')]),
  defaultValue: () => 'auto',
  parse(text) {
    const value = text.trim().toLowerCase();
    if (meansNone(value) || value === 'auto') return 'auto';
    if (value === 'en' || value === 'english' || value === '英語') return 'en';
    if (value === 'ja' || value === 'japanese' || value === '日本語') return 'ja';
    throw new UserError('bad_request', m.languageValues);
  },
  describe: m.describeLanguage,
});

export const answerModeSetting = defineSetting<AnswerMode>({
  key: 'answerMode',
  value: z.enum(ANSWER_MODES),
  defaultValue: (config) => config.discord.defaults.answerMode,
  parse(text) {
    const value = text.trim().toLowerCase();
    const mode = ANSWER_MODES.find((candidate) => candidate === value);
    if (!mode) throw new UserError('bad_request', m.answerModeValues(ANSWER_MODES.join(', ')));
    return mode;
  },
  describe: m.describeAnswerMode,
});

function switchSetting(key: string, describe: LocalText) {
  return defineSetting<boolean>({
    key,
    value: z.boolean(),
    defaultValue: () => false,
    parse(text) {
      const value = parseSwitch(text);
      if (value === undefined) throw new UserError('bad_request', m.takesOnOff(key));
      return value;
    },
    describe,
  });
}

/** In a help channel, question-like messages get the FAQ's answer without a mention, when the FAQ is confident. */
export const autoAnswerSetting = switchSetting('autoAnswer', m.describeAutoAnswer);
/** Every message in the channel is addressed to the bot. */
export const answerAllSetting = switchSetting('answerAll', m.describeAnswerAll);

export const triggerWordSetting = defineSetting<string | null>({
  key: 'triggerWord',
  value: z.string().min(1).max(50).nullable(),
  defaultValue: () => null,
  parse(text) {
    if (meansNone(text)) return null;
    if (text.trim().length > 50) throw new UserError('too_long', m.triggerTooLong);
    return text.trim();
  },
  describe: m.describeTriggerWord,
});

export const CORE_SETTINGS = [
  lanesSetting,
  languageSetting,
  answerModeSetting,
  autoAnswerSetting,
  answerAllSetting,
  triggerWordSetting,
] as const;
