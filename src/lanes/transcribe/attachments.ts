/** Audio attachments in Discord: which ones to transcribe, and their limits checked before anything downloads. */
import { MessageFlags, type Attachment, type Message } from 'discord.js';
import { audioErrors } from '../../audio/errors.ts';
import type { Config } from '../../config/index.ts';
import { checkUrl } from './fetch.ts';
import type { AudioSource } from './schema.ts';

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
  if (attachment.size > maxBytes) throw audioErrors.tooLarge(attachment.size, maxBytes);
  if (attachment.duration !== null && attachment.duration > maxDurationSec) throw audioErrors.tooLong(attachment.duration, maxDurationSec);
  checkUrl(attachment.url, config.attachments.hosts);
  return { kind: 'url', url: attachment.url, name: attachment.name, size: attachment.size };
}
