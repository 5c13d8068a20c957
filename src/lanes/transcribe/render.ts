/**
 * Transcripts as members read them. Short clips: the text and a small line with the clip's length and language.
 * Long clips: a preview, with the full text as `transcript.txt` and `transcript.srt` (window-level timestamps).
 * Under every transcript, buttons re-run it as Japanese or English, translate it, or answer it.
 */
import { ActionRowBuilder, ButtonBuilder, ButtonStyle } from 'discord.js';
import { customId } from '../../bot/discord/custom-id.ts';
import type { Config } from '../../config/index.ts';
import { pick, type Locale } from '../../i18n/text.ts';
import type { ActionRow, DiscordReply } from '../discord.ts';
import { languageText } from '../../text/language-text.ts';
import { transcribeMessages as m } from './messages.ts';
import type { TranscribeResult } from './schema.ts';
import { toSrt, toText } from './srt.ts';

/** Namespace of the transcript buttons: `tx:<action>:<transcribe job id>`. */
export const TRANSCRIPT_BUTTONS = 'tx';
export const TRANSCRIPT_ACTIONS = ['ja', 'en', 'tr', 'ans'] as const;

export function renderTranscript(result: TranscribeResult, locale: Locale): string {
  const language = result.language ? languageText(result.language) : null;
  return `${result.text || pick(m.noSpeech, locale)}\n${pick(m.footer(result.durationSec.toFixed(1), language, result.stopped), locale)}`;
}

export function renderTranscriptForDiscord(result: TranscribeResult, jobId: string, locale: Locale, config: Config): DiscordReply {
  if (!result.text) return { content: renderTranscript(result, locale) };
  const components = transcriptButtons(jobId, result.language, locale);
  const segments = result.segments ?? [];
  if (result.durationSec <= config.transcribe.attachAfterSec || !segments.length)
    return { content: renderTranscript(result, locale), components };
  const minutes = `${Math.floor(result.durationSec / 60)}:${String(Math.round(result.durationSec % 60)).padStart(2, '0')}`;
  const preview = result.text.length > 300 ? `${result.text.slice(0, 300)}…` : result.text;
  const language = result.language ? languageText(result.language) : null;
  const files = [
    { name: 'transcript.txt', data: Buffer.from(toText(segments), 'utf8'), contentType: 'text/plain; charset=utf-8' },
    { name: 'transcript.srt', data: Buffer.from(toSrt(segments), 'utf8'), contentType: 'application/x-subrip' },
  ];
  return { content: `${preview}\n${pick(m.attachedFooter(minutes, language, Boolean(result.stopped)), locale)}`, components, files };
}

/** Re-run as Japanese / English (whichever it was not), translate (to the other one), answer it. */
export function transcriptButtons(jobId: string, language: string | null, locale: Locale): ActionRow[] {
  const buttons: ButtonBuilder[] = [];
  const add = (action: (typeof TRANSCRIPT_ACTIONS)[number], label: string) => {
    const id = customId(TRANSCRIPT_BUTTONS, action, jobId);
    if (id) buttons.push(new ButtonBuilder().setCustomId(id).setStyle(ButtonStyle.Secondary).setLabel(label));
  };
  if (language !== 'ja') add('ja', pick(m.rerunJapanese, locale));
  if (language !== 'en') add('en', pick(m.rerunEnglish, locale));
  add('tr', pick(language === 'en' ? m.translateToJapanese : m.translateToEnglish, locale));
  add('ans', pick(m.answer, locale));
  return buttons.length ? [new ActionRowBuilder<ButtonBuilder>().addComponents(buttons).toJSON()] : [];
}
