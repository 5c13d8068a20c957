/**
 * The chat lane's per-server settings (set with `/settings set`, inherited guild → category → channel →
 * thread like the others): model, answer length, sampling, and extra triggers. `null` means "the bot's
 * configured default" (`generate.*`), so changing config still changes servers that never chose.
 */
import { z } from 'zod';
import type { Config } from '../../config/index.ts';
import { UserError } from '../../core/errors.ts';

export const CHAT_SETTING_KEYS = ['chatModel', 'maxNewTokens', 'temperature', 'topP', 'answerAll', 'triggerWord'] as const;
export type ChatSettingKey = (typeof CHAT_SETTING_KEYS)[number];

export interface ChatSettings {
  readonly chatModel: string | null;
  readonly maxNewTokens: number | null;
  readonly temperature: number | null;
  readonly topP: number | null;
  /** Answer every message in this channel (set it per channel). */
  readonly answerAll: boolean;
  /** Messages containing this word go to chat, as a mention would. */
  readonly triggerWord: string | null;
}

export const CHAT_DEFAULTS: ChatSettings = {
  chatModel: null,
  maxNewTokens: null,
  temperature: null,
  topP: null,
  answerAll: false,
  triggerWord: null,
};

export const chatValueSchemas = {
  chatModel: z.string().min(1).max(200).nullable(),
  maxNewTokens: z.number().int().positive().nullable(),
  temperature: z.number().min(0).max(2).nullable(),
  topP: z.number().gt(0).max(1).nullable(),
  answerAll: z.boolean(),
  triggerWord: z.string().min(1).max(50).nullable(),
} satisfies Record<ChatSettingKey, z.ZodType>;

/** The models a server may choose: the provider's default and `generate.models`. */
export function offeredModels(config: Config): string[] {
  const base = config.generate.provider === 'openai' ? config.generate.openai.model : config.lanes.generate.model;
  return [base, ...config.generate.models];
}

/** Parses what an admin typed for a chat setting, with a message saying what is accepted. */
export function parseChatSetting(key: ChatSettingKey, value: string, config: Config): unknown {
  const none = /^(default|none|off|null)$/iu.test(value);
  const number = (min: number, max: number, what: string): number | null => {
    if (none) return null;
    const parsed = Number(value);
    if (!Number.isFinite(parsed) || parsed < min || parsed > max) throw new UserError('bad_request', `${key} takes ${what}, or "default".`);
    return parsed;
  };
  switch (key) {
    case 'chatModel': {
      if (none) return null;
      const offered = offeredModels(config);
      if (!offered.includes(value))
        throw new UserError('bad_request', `"${value}" is not a model this bot offers; choose one of: ${offered.join(', ')}.`);
      return value;
    }
    case 'maxNewTokens': {
      const tokens = number(1, config.generate.maxNewTokens, `a whole number from 1 to ${config.generate.maxNewTokens}`);
      return tokens === null ? null : Math.round(tokens);
    }
    case 'temperature':
      return number(0, 2, 'a number from 0 (always the likeliest word) to 2');
    case 'topP':
      return number(0.01, 1, 'a number above 0, up to 1');
    case 'answerAll':
      if (/^(on|true|yes)$/iu.test(value)) return true;
      if (/^(off|false|no)$/iu.test(value)) return false;
      throw new UserError('bad_request', 'answerAll takes on or off (set it with scope: this channel).');
    case 'triggerWord':
      if (none) return null;
      if (value.length > 50) throw new UserError('too_long', 'The trigger word can be at most 50 characters.');
      return value;
  }
}

/** Whether `text` contains the trigger: as a whole word for spaced scripts, anywhere for Japanese/Chinese. */
export function matchesTrigger(text: string, trigger: string | null): boolean {
  if (!trigger) return false;
  const haystack = text.normalize('NFKC').toLowerCase();
  const needle = trigger.normalize('NFKC').toLowerCase().trim();
  if (!needle) return false;
  if (/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u.test(needle)) return haystack.includes(needle);
  const escaped = needle.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
  return new RegExp(`(?<![\\p{L}\\p{N}_])${escaped}(?![\\p{L}\\p{N}_])`, 'u').test(haystack);
}
