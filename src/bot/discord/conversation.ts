/**
 * A chat conversation is the reply chain: replying to one of the bot's messages continues it. The
 * chain is read back from Discord itself, so it survives restarts and needs no storage.
 */
import type { Message } from 'discord.js';

/** One turn of the reply chain. */
export interface Turn {
  readonly role: 'user' | 'assistant';
  readonly content: string;
}

/** Longest chain followed back (turns, including the new one). */
export const MAX_TURNS = 12;

/** Message text as the model should see it: no bot mention, no footers, no "still writing" marker. */
export function cleanContent(content: string, botId: string): string {
  return content
    .replaceAll(`<@${botId}>`, '')
    .replaceAll(`<@!${botId}>`, '')
    .split('\n')
    .filter((line) => !line.startsWith('-# '))
    .join('\n')
    .replace(/ ▌$/u, '')
    .trim();
}

/**
 * A bot message that is a voice message's transcript (its footer says so) carries what a member said: in
 * the conversation it is that member's turn, not the bot's.
 */
export function isTranscript(content: string): boolean {
  return content
    .split('\n')
    .some((line) => line.startsWith('-# transcript of') || (line.startsWith('-# ') && line.includes('の文字起こし')));
}

export async function conversationFor(message: Message, botId: string): Promise<Turn[]> {
  const turns: Turn[] = [{ role: 'user', content: cleanContent(message.content, botId) }];
  let reference = message.reference?.messageId;
  while (reference && turns.length < MAX_TURNS) {
    const previous = await message.channel.messages.fetch(reference).catch(() => null);
    if (!previous) break;
    const content = cleanContent(previous.content, botId);
    const spoken = previous.author.id === botId && isTranscript(previous.content);
    if (content && !(spoken && /^[(（]/u.test(content) && content.length < 40))
      turns.unshift({ role: previous.author.id === botId && !spoken ? 'assistant' : 'user', content });
    reference = previous.reference?.messageId;
  }
  return turns;
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
