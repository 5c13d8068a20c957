/**
 * Transcripts in Discord: long clips get the text as .txt and .srt attachments (window-level
 * timestamps) instead of inline; buttons under every transcript re-run it as another language,
 * translate it, or ask the FAQ (src/bot/discord/handlers/transcript-buttons.ts). After a transcript
 * the user's language is remembered (a hint for their next short clip), and per-guild automatic
 * follow-ups are queued: a spoken question goes to the FAQ, a DM to chat.
 */
import type { Redis } from 'ioredis';
import type { Config } from '../../config/index.ts';
import { REPLIES_QUEUE, type LaneResult } from '../../lanes/registry.ts';
import { looksLikeQuestion } from '../../lanes/transcribe/question.ts';
import { toSrt, toText } from '../../lanes/transcribe/srt.ts';
import type { ReplyEnvelope } from '../../queue/envelope.ts';
import { formatReply } from '../reply/format.ts';
import { languageName } from '../../lanes/translate/languages.ts';
import type { DiscordBot } from './app.ts';
import type { Component, ReplyFile } from './deliver.ts';
import type { DiscordTarget } from './target.ts';

/** custom_id prefix of the transcript buttons: `tx:<action>:<transcribe job id>`. */
export const TRANSCRIPT_BUTTON = 'tx';
const LANGUAGE_TTL_SEC = 90 * 86400;

export interface RenderedReply {
  readonly text: string;
  readonly components: Component[];
  readonly files: ReplyFile[];
}

type Transcript = LaneResult<'transcribe'>;

function transcriptOf(reply: ReplyEnvelope): Transcript | null {
  if (reply.lane !== 'transcribe' || !reply.outcome.ok) return null;
  return reply.outcome.result as Transcript;
}

/** What to post for a finished step: transcripts get buttons, and files when long. */
export function renderReply(reply: ReplyEnvelope, config: Config): RenderedReply {
  const transcript = transcriptOf(reply);
  if (!transcript?.text) return { text: formatReply(reply), components: [], files: [] };
  const components = transcriptButtons(reply.jobId, transcript.language);
  const segments = transcript.segments ?? [];
  if (transcript.durationSec <= config.transcribe.attachAfterSec || !segments.length)
    return { text: formatReply(reply), components, files: [] };
  const minutes = `${Math.floor(transcript.durationSec / 60)}:${String(Math.round(transcript.durationSec % 60)).padStart(2, '0')}`;
  const preview = transcript.text.length > 300 ? `${transcript.text.slice(0, 300)}…` : transcript.text;
  const language = transcript.language ? `, ${languageName(transcript.language)}` : '';
  const stopped = transcript.stopped ? ' (stopped early)' : '';
  const text = `${preview}\n-# transcript of ${minutes} of audio${language}${stopped}: full text with timestamps attached`;
  const files = [
    { name: 'transcript.txt', data: Buffer.from(toText(segments), 'utf8'), contentType: 'text/plain; charset=utf-8' },
    { name: 'transcript.srt', data: Buffer.from(toSrt(segments), 'utf8'), contentType: 'application/x-subrip' },
  ];
  return { text, components, files };
}

/** Re-run as Japanese / English (whichever it was not), Translate (to the other one), Answer (FAQ). */
export function transcriptButtons(jobId: string, language: string | null): Component[] {
  const button = (label: string, action: string) => ({ type: 2, style: 2, label, custom_id: `${TRANSCRIPT_BUTTON}:${action}:${jobId}` });
  const reruns = (['ja', 'en'] as const)
    .filter((code) => code !== language)
    .map((code) => button(code === 'ja' ? 'Transcribe as 日本語' : 'Transcribe as English', code));
  return [
    {
      type: 1,
      components: [
        ...reruns,
        button(language === 'en' ? 'Translate → 日本語' : 'Translate → English', 'tr'),
        button('Answer (FAQ)', 'faq'),
      ],
    },
  ];
}

/** The language each user last spoke, as a hint for their next short clip (kept 90 days). */
export class LanguageMemory {
  constructor(
    private readonly redis: Redis,
    private readonly config: Config,
  ) {}

  // Under the user's namespace, so /forget-me deletes it.
  #key(userId: string): string {
    return `${this.config.redis.prefix}:bot:user:${userId}:language`;
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

/** Follow-up work once a transcript is posted. Idempotent: a redelivered reply changes nothing. */
export async function afterTranscript(bot: DiscordBot, reply: ReplyEnvelope, target: DiscordTarget): Promise<void> {
  const transcript = transcriptOf(reply);
  if (!transcript?.text || transcript.stopped) return;
  if (transcript.language && transcript.languageSource !== 'hint') await bot.languages.remember(reply.context.userId, transcript.language);
  if (reply.next) return; // the job already carried its own chain
  const lane = await automaticFollowUp(bot, reply, transcript.text);
  if (!lane) return;
  // Same source id as the transcript: the job id is deterministic, so it is queued at most once.
  // No live progress here: the placeholder already shows the transcript and must keep it.
  const input = lane === 'faq' ? { question: transcript.text } : { messages: [{ role: 'user' as const, content: transcript.text }] };
  await bot.producer.enqueue(lane, {
    sourceId: reply.sourceId,
    input: input as never,
    context: reply.context,
    reply: { queue: REPLIES_QUEUE, target },
  });
}

async function automaticFollowUp(bot: DiscordBot, reply: ReplyEnvelope, text: string): Promise<'faq' | 'generate' | null> {
  const { guildId, channelId } = reply.context;
  const { guilds, ...defaults } = bot.config.transcribe.followUps;
  const rules = { ...defaults, ...(guildId ? guilds[guildId] : {}) };
  const settings = await bot.settings.resolve(guildId ? { guildId, channelIds: channelId ? [channelId] : [] } : null);
  if (rules.questionsToFaq && settings.lanes.includes('faq') && looksLikeQuestion(text)) return 'faq';
  if (!guildId && rules.dmChat && settings.lanes.includes('generate')) return 'generate';
  return null;
}
