/**
 * What is read aloud: the visible answer only. Hidden reasoning (`<think>`), Markdown markers, code
 * blocks (said as "code omitted"), URLs ("link"), custom emoji and spoilers never reach the voice;
 * mentions become display names and Discord timestamps become dates in the listener's language.
 * Pure functions: the caller passes the name resolver, the clock and the time zone.
 */
import { stripThinking } from '../generate/think-filter.ts';
import { discordTimestamp } from './timestamps.ts';
import { spokenWords, type SpokenWords } from './words.ts';

export type MentionKind = 'user' | 'role' | 'channel';

export interface SpokenTextOptions {
  /** The answer's language: picks the words said for code, links and unknown mentions. */
  readonly language: string;
  /** Display name of a mentioned user, role or channel; undefined when unknown. */
  readonly resolve?: (kind: MentionKind, id: string) => string | undefined;
  /** "Now", for relative timestamps (`<t:…:R>`). */
  readonly now?: Date;
  /** IANA zone for absolute timestamps (default UTC). */
  readonly timeZone?: string;
}

const CODE_BLOCK = /```[\s\S]*?(?:```|$)/gu;
const URL = /\bhttps?:\/\/[^\s<>()]+[^\s<>().,!?;:'"、。！？]/giu;

function replaceDiscordTokens(text: string, options: SpokenTextOptions, words: SpokenWords): string {
  const name = (kind: MentionKind, id: string, fallback: string) => options.resolve?.(kind, id)?.trim() || fallback;
  return text
    .replace(/<t:(-?\d{1,13})(?::([tTdDfFR]))?>/gu, (_, unix: string, style: string | undefined) =>
      discordTimestamp(Number(unix), style ?? 'f', options.language, options.now ?? new Date(), options.timeZone ?? 'UTC'),
    )
    .replace(/<a?:\w{2,32}:\d{17,20}>/gu, ' ')
    .replace(/<@!?(\d{17,20})>/gu, (_, id: string) => name('user', id, words.someone))
    .replace(/<@&(\d{17,20})>/gu, (_, id: string) => name('role', id, words.aRole))
    .replace(/<#(\d{17,20})>/gu, (_, id: string) => name('channel', id, words.aChannel))
    .replace(/<\/([\w-]+(?: [\w-]+){0,2}):\d{17,20}>/gu, '$1')
    .replace(/@everyone\b/gu, words.everyone)
    .replace(/@here\b/gu, words.here);
}

function replaceLinks(text: string, words: SpokenWords): string {
  return text
    .replace(/!?\[([^\]\n]*)\]\(<?[^)\s]+>?(?:\s+"[^"]*")?\)/gu, (_, label: string) => (label.trim() ? label : words.link))
    .replace(/<(https?:\/\/[^>\s]+)>/giu, words.link)
    .replace(URL, words.link);
}

function stripMarkdownLine(line: string, words: SpokenWords): string {
  return line
    .replace(/^\s*(?:>>>|>)\s?/u, '') // block quotes
    .replace(/^\s*(?:#{1,3}|-#)\s+/u, '') // headers, subtext
    .replace(/^\s*(?:[-*+•]|\d{1,3}[.)])\s+/u, '') // list items
    .replace(/^\s*(?:[-*_]\s*){3,}$/u, '') // horizontal rules
    .replace(/\|\|[\s\S]*?\|\|/gu, words.spoiler)
    .replace(/`([^`]*)`/gu, '$1')
    .replace(/(\*\*\*|\*\*|\*|___|__|~~)(?=\S)([\s\S]*?\S)\1/gu, '$2')
    .replace(/(^|[^\p{L}\p{N}])_(?=\S)([^_]*?\S)_(?![\p{L}\p{N}])/gu, '$1$2')
    .replace(/\\([\\`*_~|>#[\]()-])/gu, '$1');
}

/** Ends a line with the language's full stop unless it already ends a sentence. */
function closeLine(line: string, words: SpokenWords): string {
  return /[.!?。！？…:：;；]["'」』）)\]]*$/u.test(line) ? line : `${line}${words.stop}`;
}

/** The text to speak for a bot answer written in Discord Markdown. */
export function spokenText(text: string, options: SpokenTextOptions): string {
  const words = spokenWords(options.language);
  const visible = stripThinking(text).replace(CODE_BLOCK, `\n${words.codeOmitted}\n`);
  const plain = replaceLinks(replaceDiscordTokens(visible, options, words), words);
  return plain
    .split(/\r?\n/u)
    .map((line) => stripMarkdownLine(line, words).replace(/\s+/gu, ' ').trim())
    .filter((line) => /[\p{L}\p{N}]/u.test(line))
    .map((line) => closeLine(line, words))
    .join('\n');
}
