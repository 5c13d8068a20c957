/**
 * How a reading looks: in Discord a real voice message (the waveform bubble: one OGG/Opus attachment with its
 * duration and waveform, no text), with a short caption, the answer's text or nothing beside it; in the local chat
 * the file written and its duration.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { pick, type Locale } from '../../i18n/text.ts';
import { languageText } from '../../text/language-text.ts';
import type { DiscordReply, VoiceMessage } from '../discord.ts';
import { speakMessages as m } from './messages.ts';
import type { SpeakResult } from './schema.ts';

/** Room left in a 2,000-character message for the fallback note under the text. */
const FALLBACK_TEXT_CHARS = 1800;

const seconds = (result: SpeakResult): string => result.durationSecs.toFixed(1);

/** The result as a Discord voice message (the deliverer falls back to an ordinary file where voice is refused). */
export function voiceMessageOf(result: SpeakResult): VoiceMessage {
  const text = result.text.length > FALLBACK_TEXT_CHARS ? `${result.text.slice(0, FALLBACK_TEXT_CHARS - 1)}…` : result.text;
  return {
    file: { name: result.audio.filename, data: Buffer.from(result.audio.base64, 'base64'), contentType: result.audio.contentType },
    durationSecs: result.durationSecs,
    waveform: result.waveform,
    fallbackText: text,
  };
}

/** What is posted in Discord: the text part (replacing "thinking…") and then the voice message in the channel. */
export function renderSpeechForDiscord(result: SpeakResult, locale: Locale): DiscordReply {
  const stopped = result.stopped ? pick(m.stoppedEarly(result.sentencesDone, result.sentences), locale) : '';
  const show = result.show ?? 'caption';
  const main =
    show === 'text'
      ? (result.display ?? result.text)
      : show === 'caption'
        ? pick(m.caption(seconds(result), languageText(result.language), result.voice), locale)
        : '';
  return { content: [main, stopped].filter(Boolean).join('\n'), voice: voiceMessageOf(result) };
}

/** The local chat: writes the OGG/Opus file (`--out`, else a timestamped name in the working directory) and says where. */
export function renderSpeechLocally(result: SpeakResult, locale: Locale, now = new Date()): string {
  const name = result.out ?? `kotodama-speech-${now.toISOString().replace(/[:.]/gu, '-')}.ogg`;
  const file = path.resolve(name);
  try {
    writeFileSync(file, Buffer.from(result.audio.base64, 'base64'));
  } catch {
    return `⚠️ ${pick(m.notSaved(file), locale)}`;
  }
  const stopped = result.stopped ? `\n${pick(m.stoppedEarly(result.sentencesDone, result.sentences), locale)}` : '';
  return `${pick(m.savedTo(file, seconds(result)), locale)}${stopped}`;
}
