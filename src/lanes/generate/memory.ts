/**
 * Chat memory for DMs (one history per member) and threads (one per thread), in Redis with a TTL, so a
 * conversation survives restarts. Elsewhere the reply chain is the conversation and nothing is stored.
 *
 * The chat worker reads the history before answering and records the exchange (what the member wrote and the
 * answer) after. DM keys live under `<prefix>:bot:user:<id>:` so `/forget-me` deletes them with the rest; a
 * thread's history is shared, so forgetting a member removes their exchanges from every thread they wrote in.
 * A stored value that does not parse is skipped, never fatal.
 */
import type { Redis } from 'ioredis';
import { z } from 'zod';
import type { ChatMessage, Conversation } from './schema.ts';

const exchangeSchema = z.object({ userId: z.string(), content: z.string(), answer: z.string(), at: z.number() });
export type Exchange = z.infer<typeof exchangeSchema>;

/** An answer as the model should see it again: without the bot's subtext footers ("-# Sources: …"). */
export function answerText(text: string): string {
  return text
    .split('\n')
    .filter((line) => !line.startsWith('-# '))
    .join('\n')
    .trim();
}

function parseExchange(raw: string): Exchange | undefined {
  try {
    const parsed = exchangeSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export class ChatMemory {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  #key(conversation: Conversation): string {
    return conversation.kind === 'dm'
      ? `${this.prefix}:bot:user:${conversation.userId}:chat`
      : `${this.prefix}:bot:chat:thread:${conversation.threadId}`;
  }

  #threads(userId: string): string {
    return `${this.prefix}:bot:user:${userId}:chat-threads`;
  }

  /** The stored conversation, oldest first, cut from the oldest end to at most `maxChars` characters. */
  async history(conversation: Conversation, maxChars: number): Promise<ChatMessage[]> {
    const exchanges = (await this.redis.lrange(this.#key(conversation), 0, -1)).flatMap((raw) => parseExchange(raw) ?? []);
    const turns: ChatMessage[][] = exchanges.map((exchange) => [
      { role: 'user', content: exchange.content },
      ...(exchange.answer ? [{ role: 'assistant' as const, content: exchange.answer }] : []),
    ]);
    let total = turns.flat().reduce((sum, turn) => sum + turn.content.length, 0);
    while (turns.length && total > maxChars) total -= (turns.shift() ?? []).reduce((sum, turn) => sum + turn.content.length, 0);
    return turns.flat();
  }

  /** Records one exchange; the history's TTL starts again. */
  async remember(conversation: Conversation, exchange: Omit<Exchange, 'at'>, ttlSec: number, maxTurns: number): Promise<void> {
    const key = this.#key(conversation);
    const entry = JSON.stringify({ ...exchange, answer: answerText(exchange.answer), at: Date.now() });
    const multi = this.redis.multi().rpush(key, entry).ltrim(key, -maxTurns, -1).expire(key, ttlSec);
    if (conversation.kind === 'thread')
      multi.sadd(this.#threads(exchange.userId), conversation.threadId).expire(this.#threads(exchange.userId), ttlSec);
    await multi.exec();
  }

  /** Forgets one conversation (`/chat reset`). */
  async reset(conversation: Conversation): Promise<void> {
    await this.redis.del(this.#key(conversation));
  }

  /** Removes a member's exchanges from every thread they wrote in; returns how many. */
  async forgetUser(userId: string): Promise<number> {
    let removed = 0;
    for (const threadId of await this.redis.smembers(this.#threads(userId))) {
      const key = this.#key({ kind: 'thread', threadId });
      for (const raw of await this.redis.lrange(key, 0, -1)) {
        const exchange = parseExchange(raw);
        if (exchange?.userId === userId) removed += await this.redis.lrem(key, 0, raw);
      }
    }
    await this.redis.del(this.#threads(userId));
    return removed;
  }
}
