/**
 * Per-server settings with inheritance: config defaults → server → category → channel → thread. Each scope stores
 * only what it overrides (a Redis hash of JSON values); changes apply at once (every request reads them) and are
 * logged with who changed what. The settings are the bot's own (`../policy/core-settings.ts`) and those lanes contribute.
 * In DMs the defaults apply, except the settings members may set for themselves (`perMember`), kept per member.
 */
import type { Redis } from 'ioredis';
import type { Config } from '../../config/index.ts';
import { UserError } from '../../core/errors.ts';
import type { AnySetting, ResolvedSettings } from '../../lanes/server-settings.ts';
import { allSettings, resolved } from '../policy/settings-registry.ts';
import { settingsMessages as m } from './messages.ts';

export { allSettings } from '../policy/settings-registry.ts';

/** The scopes that apply to a channel, outermost first. */
export interface ScopeChain {
  readonly guildId: string;
  /** Category, parent channel (for a thread) and the channel/thread itself, outermost first. */
  readonly channelIds: readonly string[];
}

export class SettingsStore {
  readonly #settings = allSettings();

  constructor(
    private readonly redis: Redis,
    private readonly config: Config,
  ) {}

  #key(scope: string): string {
    return `${this.config.redis.prefix}:bot:settings:${scope}`;
  }

  setting(key: string): AnySetting {
    const setting = this.#settings.find((candidate) => candidate.key === key);
    if (!setting) throw new UserError('bad_request', m.unknownKey(key));
    return setting;
  }

  keys(): string[] {
    return this.#settings.map((setting) => setting.key);
  }

  /**
   * The settings of a place. A DM (`chain` null) has the defaults, with the member's own values of the settings
   * members may set (`perMember`) when `memberId` is given.
   */
  async resolve(chain: ScopeChain | null, memberId?: string): Promise<ResolvedSettings> {
    const values = new Map<string, unknown>(this.#settings.map((setting) => [setting.key, setting.defaultValue(this.config)]));
    const apply = (layer: Record<string, string>, settings: readonly AnySetting[]) => {
      for (const setting of settings) {
        const stored = parseStored(layer[setting.key]);
        const parsed = stored === undefined ? undefined : setting.value.safeParse(stored);
        // A stored value that no longer fits (a setting changed shape) is ignored, as if never set.
        if (parsed?.success) values.set(setting.key, parsed.data);
      }
    };
    if (chain) {
      const scopes = [`guild:${chain.guildId}`, ...chain.channelIds.map((id) => `channel:${id}`)];
      const layers = await Promise.all(scopes.map((scope) => this.redis.hgetall(this.#key(scope))));
      for (const layer of layers) apply(layer, this.#settings);
    } else if (memberId) {
      apply(await this.redis.hgetall(this.#memberKey(memberId)), this.memberSettings());
    }
    return resolved(values);
  }

  /** The settings members may set for their own DMs. */
  memberSettings(): AnySetting[] {
    return this.#settings.filter((setting) => setting.perMember === true);
  }

  // Under the member's namespace (`bot:user:<id>:`), so /forget-me deletes it with the rest.
  #memberKey(userId: string): string {
    return `${this.config.redis.prefix}:bot:user:${userId}:settings`;
  }

  /** Sets (or with "reset", removes) a member's own value for their DMs; returns the stored value, or null for reset. */
  async setForMember(userId: string, key: string, text: string): Promise<string | null> {
    const setting = this.setting(key);
    if (!setting.perMember) {
      throw new UserError(
        'bad_request',
        m.notInDms(
          key,
          this.memberSettings()
            .map((candidate) => candidate.key)
            .join(', '),
        ),
      );
    }
    if (text.trim().toLowerCase() === 'reset') {
      await this.redis.hdel(this.#memberKey(userId), key);
      return null;
    }
    const value = JSON.stringify(setting.parse(text, this.config));
    await this.redis.hset(this.#memberKey(userId), key, value);
    return value;
  }

  /** Sets (or with "reset", removes) one key at one scope; returns the stored value for the log, or null for reset. */
  async set(scope: string, guildId: string, key: string, text: string, userId: string): Promise<string | null> {
    const setting = this.setting(key);
    const log = `${this.config.redis.prefix}:bot:settings-log:${guildId}`;
    const entry = (value: string) => JSON.stringify({ at: new Date().toISOString(), userId, scope, key, value });
    if (text.trim().toLowerCase() === 'reset') {
      await this.redis.multi().hdel(this.#key(scope), key).lpush(log, entry('reset')).ltrim(log, 0, 199).exec();
      return null;
    }
    const value = JSON.stringify(setting.parse(text, this.config));
    await this.redis.multi().hset(this.#key(scope), key, value).lpush(log, entry(value)).ltrim(log, 0, 199).exec();
    return value;
  }
}

function parseStored(raw: string | undefined): unknown {
  if (raw === undefined) return undefined;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return undefined;
  }
}
