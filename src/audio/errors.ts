/** Member-facing refusals for audio input, worded for a Discord reply, in English and Japanese (errors ready to throw). */
import { UserError } from '../core/errors.ts';
import type { LocalText } from '../i18n/text.ts';
import { formatBytes, formatDuration, formatDurationJa } from './format.ts';
import type { AudioFormat } from './sniff.ts';

const FORMAT_NAMES: Partial<Record<AudioFormat, string>> = {
  webm: 'WebM',
  mp4: 'M4A/AAC',
  'aac-adts': 'AAC',
  wav: 'compressed WAV',
};

const refuse = (code: ConstructorParameters<typeof UserError>[0], text: LocalText) => new UserError(code, text);

export const audioErrors = {
  empty: () => refuse('audio_corrupt', { en: 'This file is empty.', ja: 'このファイルは空です。' }),
  tooLarge: (bytes: number, max: number) =>
    refuse('audio_too_large', {
      en: `This file is ${formatBytes(bytes)}; the limit here is ${formatBytes(max)}.`,
      ja: `このファイルは${formatBytes(bytes)}です。上限は${formatBytes(max)}です。`,
    }),
  /** The size was not announced, and the download ran past the limit. */
  tooLargeUnknown: (max: number) =>
    refuse('audio_too_large', {
      en: `This file is larger than ${formatBytes(max)}, the limit here.`,
      ja: `このファイルは上限の${formatBytes(max)}より大きいです。`,
    }),
  tooLong: (seconds: number | null, max: number) =>
    refuse(
      'audio_too_long',
      seconds === null
        ? {
            en: `This clip is longer than ${formatDuration(max)}, the limit here.`,
            ja: `この音声は上限の${formatDurationJa(max)}より長いです。`,
          }
        : {
            en: `This clip is ${formatDuration(seconds)} long; the limit here is ${formatDuration(max)}.`,
            ja: `この音声は${formatDurationJa(seconds)}あります。上限は${formatDurationJa(max)}です。`,
          },
    ),
  text: () =>
    refuse('audio_unsupported', {
      en: 'This file is not audio I can read (it looks like text).',
      ja: 'このファイルは読める音声ではありません（テキストのようです）。',
    }),
  unknown: () =>
    refuse('audio_unsupported', {
      en: 'This file is not audio I can read. Voice messages, OGG, MP3, WAV, FLAC, M4A and WebM work.',
      ja: 'このファイルは読める音声ではありません。ボイスメッセージ、OGG、MP3、WAV、FLAC、M4A、WebM に対応しています。',
    }),
  noAudioTrack: () =>
    refuse('audio_unsupported', {
      en: 'This file has no audio track I can transcribe.',
      ja: 'このファイルには文字起こしできる音声トラックがありません。',
    }),
  needsFfmpeg: (format: AudioFormat) => {
    const name = FORMAT_NAMES[format];
    return refuse('audio_unsupported', {
      en: `Install ffmpeg on the worker machine to transcribe ${name ? `${name} files` : 'this kind of file'}.`,
      ja: `${name ? `${name}ファイル` : 'この種類のファイル'}を文字起こしするには、ワーカーのマシンに ffmpeg をインストールしてください。`,
    });
  },
  truncated: () =>
    refuse('audio_corrupt', {
      en: 'This audio file is incomplete (it looks cut off), so I cannot read it.',
      ja: 'この音声ファイルは途中で切れているため読めません。',
    }),
  corrupt: () =>
    refuse('audio_corrupt', { en: 'This audio file is damaged, so I cannot read it.', ja: 'この音声ファイルは壊れているため読めません。' }),
  corruptWav: () =>
    refuse('audio_corrupt', {
      en: 'This WAV file is damaged or incomplete, so I cannot read it.',
      ja: 'このWAVファイルは壊れているか不完全なため読めません。',
    }),
  silentFile: () =>
    refuse('audio_corrupt', {
      en: 'This audio file contains no sound I can decode.',
      ja: 'この音声ファイルには読み取れる音がありません。',
    }),
  timeout: () =>
    refuse('audio_corrupt', {
      en: 'Decoding this file took too long; it may be damaged.',
      ja: 'このファイルの読み込みに時間がかかりすぎました。壊れている可能性があります。',
    }),
  cancelled: () => refuse('cancelled', { en: 'The transcription was cancelled.', ja: '文字起こしはキャンセルされました。' }),
};
