/** User-facing refusals for audio input, worded for a Discord reply. */
import { UserError } from '../core/errors.ts';
import type { AudioFormat } from './sniff.ts';

/** "45 s", "10 min", "12 min 5 s", "3 h 2 min" — rounded up so a clip just over a limit never reads as equal to it. */
export function formatDuration(seconds: number): string {
  const total = Math.ceil(seconds);
  if (total < 60) return `${total} s`;
  if (total >= 3600) {
    const min = Math.ceil(total / 60);
    return min % 60 ? `${Math.floor(min / 60)} h ${min % 60} min` : `${min / 60} h`;
  }
  const min = Math.floor(total / 60);
  const sec = total % 60;
  return sec ? `${min} min ${sec} s` : `${min} min`;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.ceil(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`;
}

const FORMAT_NAMES: Partial<Record<AudioFormat, string>> = {
  webm: 'WebM',
  mp4: 'M4A/AAC',
  'aac-adts': 'AAC',
  wav: 'compressed WAV',
};

export const audioErrors = {
  empty: () => new UserError('audio_corrupt', 'This file is empty.'),
  tooLarge: (bytes: number, max: number) =>
    new UserError('audio_too_large', `This file is ${formatBytes(bytes)}; the limit here is ${formatBytes(max)}.`),
  tooLong: (seconds: number | null, max: number) =>
    new UserError(
      'audio_too_long',
      seconds === null
        ? `This clip is longer than ${formatDuration(max)}, the limit here.`
        : `This clip is ${formatDuration(seconds)} long; the limit here is ${formatDuration(max)}.`,
    ),
  text: () => new UserError('audio_unsupported', 'This file is not audio I can read (it looks like text).'),
  unknown: () =>
    new UserError('audio_unsupported', 'This file is not audio I can read. Voice messages, OGG, MP3, WAV, FLAC, M4A and WebM work.'),
  noAudioTrack: () => new UserError('audio_unsupported', 'This file has no audio track I can transcribe.'),
  needsFfmpeg: (format: AudioFormat) => {
    const name = FORMAT_NAMES[format];
    const what = name ? `${name} files` : 'this kind of file';
    return new UserError('audio_unsupported', `Install ffmpeg on the worker machine to transcribe ${what}.`);
  },
  truncated: () => new UserError('audio_corrupt', 'This audio file is incomplete (it looks cut off), so I cannot read it.'),
  corrupt: () => new UserError('audio_corrupt', 'This audio file is damaged, so I cannot read it.'),
  silentFile: () => new UserError('audio_corrupt', 'This audio file contains no sound I can decode.'),
  timeout: () => new UserError('audio_corrupt', 'Decoding this file took too long; it may be damaged.'),
  cancelled: () => new UserError('cancelled', 'The transcription was cancelled.'),
};
