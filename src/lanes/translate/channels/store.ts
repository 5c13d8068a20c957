/**
 * Redis state of translation channels: each channel's rule, the server's list of configured channels, the copies
 * of each original (kept for the follow window, so edits and deletions reach them), and the webhooks the bot posts
 * through (their messages are never relayed again: no loops, even after a restart).
 */
import type { Redis } from 'ioredis';
import type { Logger } from '../../../core/logger.ts';
import { channelRuleSchema, copySchema, type ChannelOutput, type ChannelRule, type Copy } from './rules.ts';

export interface ChannelStoreOptions {
  readonly redis: Redis;
  readonly prefix: string;
  /** How long copies follow their original (edits, deletions). */
  readonly followWindowSec: number;
  readonly logger?: Logger | undefined;
}

export class ChannelStore {
  constructor(private readonly options: ChannelStoreOptions) {}

  #key(...parts: string[]): string {
    return [this.options.prefix, 'translate', ...parts].join(':');
  }

  /** The channel's rule; a corrupt value is logged and treated as none. */
  async rule(channelId: string): Promise<ChannelRule | undefined> {
    const raw = await this.options.redis.get(this.#key('channel', channelId));
    if (raw === null) return undefined;
    const parsed = channelRuleSchema.safeParse(safeJson(raw));
    if (parsed.success) return parsed.data;
    this.options.logger?.warn({ channelId, issue: parsed.error.issues[0]?.message }, 'ignored a corrupt translation-channel rule');
    return undefined;
  }

  /** Posts translations of the channel's messages into the same channel, one per language. */
  async setTargets(guildId: string, channelId: string, languages: readonly string[]): Promise<ChannelRule> {
    const rule = channelRuleSchema.parse({ guildId, outputs: languages.map((language) => ({ channelId, language })) });
    await this.#unlinkPartners(channelId);
    await this.options.redis
      .multi()
      .set(this.#key('channel', channelId), JSON.stringify(rule))
      .sadd(this.#key('channels', guildId), channelId)
      .exec();
    return rule;
  }

  /** Links two channels: each one's messages are reposted in the other, in the other's language. */
  async link(guildId: string, a: ChannelOutput, b: ChannelOutput): Promise<void> {
    const ruleA = channelRuleSchema.parse({ guildId, language: a.language, outputs: [b] });
    const ruleB = channelRuleSchema.parse({ guildId, language: b.language, outputs: [a] });
    await this.#unlinkPartners(a.channelId);
    await this.#unlinkPartners(b.channelId);
    await this.options.redis
      .multi()
      .set(this.#key('channel', a.channelId), JSON.stringify(ruleA))
      .set(this.#key('channel', b.channelId), JSON.stringify(ruleB))
      .sadd(this.#key('channels', guildId), a.channelId, b.channelId)
      .exec();
  }

  /** Turns translation off in a channel (and in its linked partner). */
  async off(guildId: string, channelId: string): Promise<boolean> {
    const existed = (await this.rule(channelId)) !== undefined;
    await this.#unlinkPartners(channelId);
    await this.options.redis.multi().del(this.#key('channel', channelId)).srem(this.#key('channels', guildId), channelId).exec();
    return existed;
  }

  /** Every configured channel of the server with its rule. */
  async rules(guildId: string): Promise<{ channelId: string; rule: ChannelRule }[]> {
    const ids = (await this.options.redis.smembers(this.#key('channels', guildId))).sort();
    const out: { channelId: string; rule: ChannelRule }[] = [];
    for (const channelId of ids) {
      const rule = await this.rule(channelId);
      if (rule) out.push({ channelId, rule });
    }
    return out;
  }

  async recordCopy(originalId: string, copy: Copy, webhookId: string): Promise<void> {
    const ttl = this.options.followWindowSec;
    await this.options.redis
      .multi()
      .hset(this.#key('copies', originalId), `${copy.channelId}:${copy.language}`, JSON.stringify(copy))
      .expire(this.#key('copies', originalId), ttl)
      .sadd(this.#key('webhooks'), webhookId)
      .exec();
  }

  /** The original's copies still inside the follow window. */
  async copies(originalId: string): Promise<Copy[]> {
    const stored = await this.options.redis.hgetall(this.#key('copies', originalId));
    return Object.values(stored).flatMap((json) => {
      const parsed = copySchema.safeParse(safeJson(json));
      return parsed.success ? [parsed.data] : [];
    });
  }

  async forgetCopies(originalId: string): Promise<void> {
    await this.options.redis.del(this.#key('copies', originalId));
  }

  /** Whether the bot posts through this webhook. */
  async isOwnWebhook(webhookId: string): Promise<boolean> {
    return (await this.options.redis.sismember(this.#key('webhooks'), webhookId)) === 1;
  }

  /** A linked partner stops pointing at `channelId` (its rule goes when nothing is left). */
  async #unlinkPartners(channelId: string): Promise<void> {
    const rule = await this.rule(channelId);
    for (const output of rule?.outputs ?? []) {
      if (output.channelId === channelId) continue;
      const partner = await this.rule(output.channelId);
      if (!partner) continue;
      const outputs = partner.outputs.filter((o) => o.channelId !== channelId);
      if (outputs.length) await this.options.redis.set(this.#key('channel', output.channelId), JSON.stringify({ ...partner, outputs }));
      else
        await this.options.redis
          .multi()
          .del(this.#key('channel', output.channelId))
          .srem(this.#key('channels', partner.guildId), output.channelId)
          .exec();
    }
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
