/** The language each member last spoke, as a hint for their next short clip (kept 90 days, forgotten by /forget-me). */
import type { Redis } from 'ioredis';

const LANGUAGE_TTL_SEC = 90 * 86400;

export class LanguageMemory {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  // Under the member's namespace, so /forget-me deletes it.
  #key(userId: string): string {
    return `${this.prefix}:bot:user:${userId}:language`;
  }

  /** `{ languageHint }` to spread into a transcribe input, or nothing. */
  async hintFor(userId: string): Promise<{ languageHint?: string }> {
    const code = await this.redis.get(this.#key(userId)).catch(() => null);
    return code && /^[a-z]{2,3}$/u.test(code) ? { languageHint: code } : {};
  }

  async remember(userId: string, language: string): Promise<void> {
    await this.redis.set(this.#key(userId), language, 'EX', LANGUAGE_TTL_SEC).catch(() => undefined);
  }
}
