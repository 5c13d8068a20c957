/**
 * Per-server settings with inheritance: config defaults → guild → category → channel → thread. Each
 * scope stores only what it overrides (a Redis hash of JSON values); changes apply at once (every
 * request reads them) and are logged with who changed what.
 */
import type { Redis } from 'ioredis';
import { z } from 'zod';
import type { Config } from '../../config/index.ts';
import { UserError } from '../../core/errors.ts';
import { LANE_NAMES, type LaneName } from '../../lanes/names.ts';
import { findLanguage } from '../../lanes/translate/languages.ts';
import { CHAT_DEFAULTS, chatValueSchemas, parseChatSetting, type ChatSettings } from './chat-settings.ts';
import { SETTING_KEYS } from './commands.ts';

export type SettingKey = (typeof SETTING_KEYS)[number];

export interface Settings {
  readonly lanes: readonly LaneName[];
  readonly autoTranscribe: boolean;
  readonly autoTranslate: string | null;
  readonly persona: string;
}

/** Every setting, the chat lane's included. */
export type AllSettings = Settings & ChatSettings;

const valueSchemas = {
  lanes: z.array(z.enum(LANE_NAMES)),
  autoTranscribe: z.boolean(),
  autoTranslate: z.string().nullable(),
  persona: z.string().max(2000),
  ...chatValueSchemas,
} satisfies Record<SettingKey, z.ZodType>;

/** The scopes that apply to a channel, outermost first. */
export interface ScopeChain {
  readonly guildId: string;
  /** Category, parent channel (for a thread) and the channel/thread itself, outermost first. */
  readonly channelIds: readonly string[];
}

export class SettingsStore {
  constructor(
    private readonly redis: Redis,
    private readonly config: Config,
  ) {}

  #key(scope: string): string {
    return `${this.config.redis.prefix}:bot:settings:${scope}`;
  }

  async resolve(chain: ScopeChain | null): Promise<AllSettings> {
    const settings: Record<string, unknown> = { ...CHAT_DEFAULTS, ...this.config.discord.defaults };
    if (!chain) return settings as unknown as AllSettings;
    const scopes = [`guild:${chain.guildId}`, ...chain.channelIds.map((id) => `channel:${id}`)];
    const layers = await Promise.all(scopes.map((scope) => this.redis.hgetall(this.#key(scope))));
    for (const layer of layers) {
      for (const key of SETTING_KEYS) {
        const raw = layer[key];
        if (raw === undefined) continue;
        const parsed = valueSchemas[key].safeParse(JSON.parse(raw));
        if (parsed.success) settings[key] = parsed.data;
      }
    }
    return settings as unknown as AllSettings;
  }

  /** Sets (or with "reset", removes) one key at one scope; returns the stored value for the log. */
  async set(scope: string, guildId: string, key: SettingKey, text: string, userId: string): Promise<string> {
    const log = `${this.config.redis.prefix}:bot:settings-log:${guildId}`;
    const entry = (value: string) => JSON.stringify({ at: new Date().toISOString(), userId, scope, key, value });
    if (text.trim().toLowerCase() === 'reset') {
      await this.redis.multi().hdel(this.#key(scope), key).lpush(log, entry('reset')).ltrim(log, 0, 199).exec();
      return 'reset (inherited)';
    }
    const value = parseSetting(key, text, this.config);
    await this.redis
      .multi()
      .hset(this.#key(scope), key, JSON.stringify(value))
      .lpush(log, entry(JSON.stringify(value)))
      .ltrim(log, 0, 199)
      .exec();
    return JSON.stringify(value);
  }
}

/** Parses what an admin typed into a setting value, with a message saying what is accepted. */
export function parseSetting(key: SettingKey, text: string, config?: Config): unknown {
  const value = text.trim();
  switch (key) {
    case 'lanes': {
      const lanes = value.split(/[\s,]+/u).filter(Boolean);
      const bad = lanes.filter((lane) => !(LANE_NAMES as readonly string[]).includes(lane));
      if (bad.length) throw new UserError('bad_request', `Unknown lane(s) ${bad.join(', ')}; use a list of ${LANE_NAMES.join(', ')}.`);
      return lanes;
    }
    case 'autoTranscribe':
      if (/^(on|true|yes)$/iu.test(value)) return true;
      if (/^(off|false|no)$/iu.test(value)) return false;
      throw new UserError('bad_request', 'autoTranscribe takes on or off.');
    case 'autoTranslate': {
      if (/^(off|none|null)$/iu.test(value)) return null;
      const language = findLanguage(value);
      if (!language) throw new UserError('unsupported_language', `"${value}" is not a language I know.`);
      return language.code;
    }
    case 'persona':
      if (value.length > 2000) throw new UserError('too_long', 'The persona can be at most 2000 characters.');
      return value;
    default:
      if (!config) throw new UserError('bad_request', `${key} cannot be checked here.`);
      return parseChatSetting(key, value, config);
  }
}
