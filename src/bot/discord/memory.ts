/**
 * Chat memory for DMs (one history per user) and threads (one per thread), in Redis with a TTL, so a
 * conversation survives bot restarts. Elsewhere the reply chain is the conversation and nothing is stored.
 *
 * Each entry is one exchange: what the member wrote and the id of the job that answered it. The answer itself
 * is looked up from that job when the history is next read (the bot never waits for it) and then kept next to
 * the history. DM keys live under `<prefix>:bot:user:<id>:` so `/forget-me` deletes them with the rest; a
 * thread's history is shared, so forgetting a member removes their exchanges from every thread they wrote in.
 */
import type { Redis } from 'ioredis';
import { z } from 'zod';
import type { ChatMessage } from '../../lanes/generate/schema.ts';

export type Conversation = { readonly kind: 'dm'; readonly userId: string } | { readonly kind: 'thread'; readonly threadId: string };

const exchangeSchema = z.object({ userId: z.string(), content: z.string(), jobId: z.string(), at: z.number() });
export type Exchange = z.infer<typeof exchangeSchema>;

/** Finds the text of a finished answer job, or undefined while it runs or when it is gone. */
export type AnswerLookup = (jobId: string) => Promise<string | undefined>;

/** An answer as the model should see it again: without the bot's subtext footers ("-# Sources: …"). */
export function answerText(text: string): string {
  return text
    .split('\n')
    .filter((line) => !line.startsWith('-# '))
    .join('\n')
    .trim();
}

export class ChatMemory {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  #keys(conversation: Conversation): { list: string; answers: string } {
    const base =
      conversation.kind === 'dm'
        ? `${this.prefix}:bot:user:${conversation.userId}:chat`
        : `${this.prefix}:bot:chat:thread:${conversation.threadId}`;
    return { list: base, answers: `${base}-answers` };
  }

  #threads(userId: string): string {
    return `${this.prefix}:bot:user:${userId}:chat-threads`;
  }

  /** The stored conversation, oldest first, cut from the oldest end to at most `maxChars` characters. */
  async history(conversation: Conversation, lookup: AnswerLookup, maxChars: number): Promise<ChatMessage[]> {
    const keys = this.#keys(conversation);
    const [raw, answers] = await Promise.all([this.redis.lrange(keys.list, 0, -1), this.redis.hgetall(keys.answers)]);
    const exchanges = raw.flatMap((entry) => {
      const parsed = exchangeSchema.safeParse(JSON.parse(entry));
      return parsed.success ? [parsed.data] : [];
    });
    const turns: ChatMessage[][] = [];
    for (const exchange of exchanges) {
      let answer = answers[exchange.jobId];
      if (answer === undefined) {
        const found = await lookup(exchange.jobId);
        if (found !== undefined) {
          answer = answerText(found);
          // Kept beside the history: finished jobs are removed from the queue after a while.
          await this.redis.hset(keys.answers, exchange.jobId, answer);
        }
      }
      turns.push([{ role: 'user', content: exchange.content }, ...(answer ? [{ role: 'assistant' as const, content: answer }] : [])]);
    }
    let total = turns.flat().reduce((sum, turn) => sum + turn.content.length, 0);
    while (turns.length && total > maxChars) total -= (turns.shift() ?? []).reduce((sum, turn) => sum + turn.content.length, 0);
    return turns.flat();
  }

  /** Adds an exchange whose answer job was just enqueued; the history's TTL starts again. */
  async remember(conversation: Conversation, exchange: Omit<Exchange, 'at'>, ttlSec: number, maxTurns: number): Promise<void> {
    const keys = this.#keys(conversation);
    const entry = JSON.stringify({ ...exchange, at: Date.now() });
    const multi = this.redis
      .multi()
      .rpush(keys.list, entry)
      .ltrim(keys.list, -maxTurns, -1)
      .expire(keys.list, ttlSec)
      .expire(keys.answers, ttlSec);
    if (conversation.kind === 'thread')
      multi.sadd(this.#threads(exchange.userId), conversation.threadId).expire(this.#threads(exchange.userId), ttlSec);
    await multi.exec();
  }

  /** Forgets one conversation (`/chat reset`). */
  async reset(conversation: Conversation): Promise<void> {
    const keys = this.#keys(conversation);
    await this.redis.del(keys.list, keys.answers);
  }

  /** Removes a member's exchanges (and the answers to them) from every thread they wrote in; returns how many. */
  async forgetUser(userId: string): Promise<number> {
    let removed = 0;
    for (const threadId of await this.redis.smembers(this.#threads(userId))) {
      const keys = this.#keys({ kind: 'thread', threadId });
      for (const entry of await this.redis.lrange(keys.list, 0, -1)) {
        const parsed = exchangeSchema.safeParse(JSON.parse(entry));
        if (!parsed.success || parsed.data.userId !== userId) continue;
        removed += await this.redis.lrem(keys.list, 0, entry);
        await this.redis.hdel(keys.answers, parsed.data.jobId);
      }
    }
    await this.redis.del(this.#threads(userId));
    return removed;
  }
}
