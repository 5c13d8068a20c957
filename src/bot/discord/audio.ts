/** Audio attachments: which ones to transcribe, and their limits checked before anything downloads. */
import { MessageFlags, type Attachment, type Message } from 'discord.js';
import type { Config } from '../../config/index.ts';
import { UserError } from '../../core/errors.ts';
import type { AudioSource } from '../../lanes/transcribe/schema.ts';
import { checkUrl } from '../../lanes/transcribe/fetch.ts';

const AUDIO_NAME = /\.(ogg|oga|opus|mp3|wav|flac|m4a|aac|webm|weba)$/iu;

export function isAudio(attachment: Attachment): boolean {
  return Boolean(
    attachment.contentType?.startsWith('audio/') || attachment.contentType === 'video/webm' || AUDIO_NAME.test(attachment.name),
  );
}

/** The voice message or first audio attachment of a message, if any. */
export function audioAttachment(message: Message): Attachment | undefined {
  if (message.flags.has(MessageFlags.IsVoiceMessage)) return message.attachments.first();
  return message.attachments.find(isAudio);
}

/** Checks size, duration (voice messages carry it) and host before a job is queued. */
export function audioSource(attachment: Attachment, config: Config): AudioSource {
  const { maxBytes, maxDurationSec } = config.limits.audio;
  if (attachment.size > maxBytes) {
    throw new UserError(
      'audio_too_large',
      `This file is ${(attachment.size / 1048576).toFixed(1)} MiB; the limit here is ${(maxBytes / 1048576).toFixed(1)} MiB.`,
    );
  }
  if (attachment.duration !== null && attachment.duration > maxDurationSec) {
    throw new UserError(
      'audio_too_long',
      `This clip is ${Math.ceil(attachment.duration / 60)} min long; the limit here is ${Math.floor(maxDurationSec / 60)} min.`,
    );
  }
  checkUrl(attachment.url, config.attachments.hosts);
  return { kind: 'url', url: attachment.url, name: attachment.name, size: attachment.size };
}
