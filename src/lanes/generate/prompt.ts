/**
 * Building the prompt the model sees: the system prompt first, the server's FAQ entries as grounding, and
 * the conversation cut to the model's context (oldest turns first, the system prompt and the new message
 * always kept). Pure functions, so tests assert on the prompt rather than on model wording.
 */
import { UserError } from '../../core/errors.ts';
import { pick, type Locale } from '../../i18n/text.ts';
import { generateMessages } from './messages.ts';
import type { ChatTurn } from '../../inference/chat.ts';

/** An FAQ entry the model is asked to answer from. */
export interface GroundingEntry {
  readonly id: string;
  readonly question: string;
  readonly answer: string;
  readonly score: number;
}

export const GROUNDING_INSTRUCTION =
  "Entries from this server's FAQ that may answer the user's message follow. When they cover it, answer from them and do not contradict them; when they do not, answer normally.";

/** Puts `systemPrompt` first unless the conversation already starts with a system turn (a server's persona). */
export function withSystem(messages: readonly ChatTurn[], systemPrompt: string): ChatTurn[] {
  if (messages[0]?.role === 'system' || !systemPrompt) return [...messages];
  return [{ role: 'system', content: systemPrompt }, ...messages];
}

/** Adds the FAQ entries to the system turn (which truncation never drops). */
export function ground(messages: readonly ChatTurn[], entries: readonly GroundingEntry[]): ChatTurn[] {
  if (!entries.length) return [...messages];
  const block = entries.map((entry, index) => `[${index + 1}] Q: ${entry.question}\nA: ${entry.answer}`).join('\n\n');
  const context = `${GROUNDING_INSTRUCTION}\n\n${block}`;
  const [first, ...rest] = messages;
  if (first?.role === 'system') return [{ role: 'system', content: `${first.content}\n\n${context}` }, ...rest];
  return [{ role: 'system', content: context }, ...messages];
}

/** The question to match against the FAQ: the newest user turn. */
export function latestUserText(messages: readonly ChatTurn[]): string {
  return messages.findLast((message) => message.role === 'user')?.content ?? '';
}

export interface Fitted {
  readonly messages: ChatTurn[];
  readonly dropped: number;
}

/**
 * Drops the oldest turns until the prompt fits `budget` tokens. Leading system turns and the last turn are
 * kept; a history may not start with an assistant turn, so one left first is dropped too. Throws a UserError
 * when even the system prompt and the new message do not fit.
 */
export async function fitToContext(
  messages: readonly ChatTurn[],
  count: (messages: readonly ChatTurn[]) => Promise<number>,
  budget: number,
): Promise<Fitted> {
  const head = messages.findIndex((message) => message.role !== 'system');
  const system = head < 0 ? [...messages] : messages.slice(0, head);
  let history = head < 0 ? [] : messages.slice(head);
  let dropped = 0;
  let tokens = await count([...system, ...history]);
  while (tokens > budget && history.length > 1) {
    history = history.slice(1);
    dropped += 1;
    while (history.length > 1 && history[0]?.role === 'assistant') {
      history = history.slice(1);
      dropped += 1;
    }
    tokens = await count([...system, ...history]);
  }
  if (tokens > budget) {
    throw new UserError('too_long', generateMessages.tooLong(tokens, budget));
  }
  return { messages: [...system, ...history], dropped };
}

/** The lines appended to an answer: which FAQ entries it was grounded in, and what the context cut. */
export function footer(sources: readonly GroundingEntry[], dropped: number, locale: Locale): string {
  const lines: string[] = [];
  if (sources.length) lines.push(pick(generateMessages.sources(sources.map((source) => source.question).join(' · ')), locale));
  if (dropped) lines.push(pick(generateMessages.dropped(dropped), locale));
  return lines.length ? `\n${lines.join('\n')}` : '';
}
