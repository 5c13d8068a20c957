/**
 * Discord's rules for bot-sent voice messages (flag IS_VOICE_MESSAGE, 1 << 13), answered with its error
 * codes: no other content (50159), exactly one `audio/ogg` attachment (50160), `duration_secs` and a
 * `waveform` present and valid (50161), no edits (50162), and Send Voice Messages in the channel (50173).
 * The fake is stricter than Discord in one place on purpose: the file must really be Ogg/Opus, because
 * clients silently fail to play anything else (e.g. MP3 bytes labelled as OGG).
 */
import type { APIAttachment, APIMessage } from 'discord.js';
import { Permission, type GuildFixture } from './fixtures.ts';
import { MessageFlag, type MessageBody } from './messages.ts';
import { DiscordHttpError } from './rest/errors.ts';
import type { ChannelRecord, DiscordState } from './state.ts';

export const VoiceErrors = {
  additionalContent: () => new DiscordHttpError(400, 50159, 'Voice messages do not support additional content.'),
  singleAudioAttachment: () => new DiscordHttpError(400, 50160, 'Voice messages must have a single audio attachment.'),
  metadata: () => new DiscordHttpError(400, 50161, 'Voice messages must have supporting metadata.'),
  cannotEdit: () => new DiscordHttpError(400, 50162, 'Voice messages cannot be edited.'),
  notInChannel: () => new DiscordHttpError(403, 50173, 'Cannot send voice messages in this channel.'),
} as const;

/** Discord's limits on `waveform`: at most 256 points, at most one per 100 ms. */
const MAX_POINTS = 256;

/** The bot's permissions in a guild channel: roles, then the channel's (or a thread's parent's) overwrites. */
export function botChannelPermissions(state: DiscordState, record: ChannelRecord): bigint {
  const guild = record.guild;
  if (!guild) return Permission.SendVoiceMessages | Permission.SendMessages | Permission.AttachFiles;
  let permissions = BigInt(guild.roles.everyone.permissions) | BigInt(guild.roles.bot.permissions);
  const parentId =
    record.channel.type === 11 || record.channel.type === 12 ? (record.channel as { parent_id?: string | null }).parent_id : null;
  const source = parentId ? (state.channels.get(parentId)?.channel ?? record.channel) : record.channel;
  const overwrites = ('permission_overwrites' in source ? source.permission_overwrites : undefined) ?? [];
  const apply = (ids: readonly string[]) => {
    let allow = 0n;
    let deny = 0n;
    for (const o of overwrites.filter((o) => ids.includes(o.id))) [allow, deny] = [allow | BigInt(o.allow), deny | BigInt(o.deny)];
    permissions = (permissions & ~deny) | allow;
  };
  apply([guild.roles.everyone.id]);
  apply([guild.roles.bot.id]);
  apply([state.fixtures.botUser.id]);
  return permissions;
}

/** Denies (or allows again) Send Voice Messages to the bot's role in a guild text channel. */
export function setVoiceMessagesAllowed(guild: GuildFixture, record: ChannelRecord, allowed: boolean): void {
  const channel = record.channel as { permission_overwrites?: { id: string; type: number; allow: string; deny: string }[] };
  const others = (channel.permission_overwrites ?? []).filter((o) => o.id !== guild.roles.bot.id);
  channel.permission_overwrites = allowed
    ? others
    : [...others, { id: guild.roles.bot.id, type: 0, allow: '0', deny: Permission.SendVoiceMessages.toString() }];
}

function isOggOpus(bytes: Buffer | undefined): boolean {
  return !!bytes && bytes.subarray(0, 4).toString('latin1') === 'OggS' && bytes.subarray(28, 36).toString('latin1') === 'OpusHead';
}

function validWaveform(waveform: string | undefined, durationSecs: number): boolean {
  if (!waveform || !/^[A-Za-z0-9+/]+={0,2}$/u.test(waveform) || waveform.length % 4 !== 0) return false;
  const points = Buffer.from(waveform, 'base64').length;
  return points >= 1 && points <= MAX_POINTS && points <= Math.max(1, Math.floor(durationSecs * 10 + 1e-9));
}

function validAudio(state: DiscordState, channelId: string, attachment: APIAttachment): boolean {
  const type = attachment.content_type?.split(';')[0]?.trim().toLowerCase();
  const file = state.files.get(`${channelId}/${attachment.id}/${attachment.filename}`);
  return type === 'audio/ogg' && isOggOpus(file?.bytes);
}

/** Throws Discord's error when a message flagged IS_VOICE_MESSAGE breaks a voice-message rule. */
export function checkVoiceMessage(state: DiscordState, record: ChannelRecord, body: MessageBody, message: APIMessage): void {
  if (((message.flags ?? 0) & MessageFlag.IsVoiceMessage) === 0) return;
  if ((botChannelPermissions(state, record) & Permission.SendVoiceMessages) === 0n) throw VoiceErrors.notInChannel();
  if (message.content !== '' || message.embeds.length || (message.components?.length ?? 0) || body.sticker_ids?.length || body.poll) {
    throw VoiceErrors.additionalContent();
  }
  const [audio] = message.attachments;
  if (message.attachments.length !== 1 || !audio || !validAudio(state, message.channel_id, audio))
    throw VoiceErrors.singleAudioAttachment();
  const duration = audio.duration_secs;
  if (duration === undefined || !Number.isFinite(duration) || duration <= 0 || !validWaveform(audio.waveform, duration))
    throw VoiceErrors.metadata();
}

/** Voice messages are immutable. */
export function checkVoiceMessageEdit(message: APIMessage): void {
  if (((message.flags ?? 0) & MessageFlag.IsVoiceMessage) !== 0) throw VoiceErrors.cannotEdit();
}
