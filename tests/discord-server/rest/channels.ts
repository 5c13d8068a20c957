/** Channels, messages, reactions, typing, DMs. */
import type { APIMessage } from 'discord.js';
import { MessageFlag, parseEmoji, withReaction } from '../messages.ts';
import type { ChannelRecord } from '../state.ts';
import { DiscordHttpError, Errors } from './errors.ts';
import { createMessage, editMessage } from './message-ops.ts';
import { noContent, ok, param, type RestContext, type Route } from './types.ts';

const TEXT_CHANNEL_TYPES = new Set([0, 1, 3, 5, 10, 11, 12]);

function sendableChannel(ctx: RestContext): ChannelRecord {
  const record = ctx.state.channel(param(ctx, 'channelId'));
  if (!TEXT_CHANNEL_TYPES.has(record.channel.type)) throw new DiscordHttpError(400, 50008, 'Cannot send messages in a non-text channel');
  const recipient = ctx.state.dmRecipient(record);
  if (recipient && ctx.state.closedDms.has(recipient.id)) throw Errors.cannotDmUser();
  return record;
}

function targetMessage(ctx: RestContext): APIMessage {
  return ctx.state.message(param(ctx, 'channelId'), param(ctx, 'messageId'));
}

function listMessages(ctx: RestContext): APIMessage[] {
  const record = ctx.state.channel(param(ctx, 'channelId'));
  const limit = Number(ctx.query.get('limit') ?? 50);
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) {
    throw Errors.invalidFormBody(['limit'], 'NUMBER_TYPE_MAX', 'int value should be less than or equal to 100.');
  }
  const visible = record.messages.filter((m) => ((m.flags ?? 0) & MessageFlag.Ephemeral) === 0);
  const newestFirst = [...visible].reverse();
  const before = ctx.query.get('before');
  const after = ctx.query.get('after');
  const around = ctx.query.get('around');
  if (before) return newestFirst.filter((m) => BigInt(m.id) < BigInt(before)).slice(0, limit);
  if (after)
    return visible
      .filter((m) => BigInt(m.id) > BigInt(after))
      .slice(0, limit)
      .reverse();
  if (around) {
    const index = newestFirst.findIndex((m) => m.id === around);
    if (index < 0) return [];
    const start = Math.max(0, index - Math.floor(limit / 2));
    return newestFirst.slice(start, start + limit);
  }
  return newestFirst.slice(0, limit);
}

function emojiParam(ctx: RestContext) {
  const emoji = parseEmoji(param(ctx, 'emoji'));
  const name = emoji.name ?? '';
  // No custom emojis exist on the fake server; ASCII text is not an emoji either.
  if (emoji.id !== null || /^[\x20-\x7e]*$/.test(name)) throw Errors.unknownEmoji();
  return emoji;
}

export const channelRoutes: Route[] = [
  { method: 'GET', path: '/channels/:channelId', auth: true, handler: (ctx) => ok(ctx.state.channel(param(ctx, 'channelId')).channel) },
  { method: 'GET', path: '/channels/:channelId/messages', auth: true, handler: (ctx) => ok(listMessages(ctx)) },
  {
    method: 'POST',
    path: '/channels/:channelId/messages',
    auth: true,
    handler: (ctx) => {
      const record = sendableChannel(ctx);
      const message = createMessage(ctx, record, ctx.body, ctx.files, { author: ctx.state.fixtures.botUser });
      ctx.state.addMessage(message);
      ctx.events.messageCreated(message);
      return ok(message);
    },
  },
  { method: 'GET', path: '/channels/:channelId/messages/:messageId', auth: true, handler: (ctx) => ok(targetMessage(ctx)) },
  {
    method: 'PATCH',
    path: '/channels/:channelId/messages/:messageId',
    auth: true,
    handler: (ctx) => {
      const message = targetMessage(ctx);
      if (message.author.id !== ctx.state.fixtures.botUser.id) throw Errors.cannotEditOthers();
      const edited = editMessage(ctx, message, ctx.body, ctx.files);
      ctx.state.replaceMessage(edited);
      ctx.events.messageUpdated(edited);
      return ok(edited);
    },
  },
  {
    method: 'DELETE',
    path: '/channels/:channelId/messages/:messageId',
    auth: true,
    handler: (ctx) => {
      const record = ctx.state.channel(param(ctx, 'channelId'));
      const message = targetMessage(ctx);
      if (!record.guild && message.author.id !== ctx.state.fixtures.botUser.id) {
        throw new DiscordHttpError(403, 50003, 'Cannot execute action on a DM channel');
      }
      ctx.state.removeMessage(record.channel.id, message.id);
      ctx.events.messageDeleted(message);
      return noContent();
    },
  },
  {
    method: 'POST',
    path: '/channels/:channelId/typing',
    auth: true,
    handler: (ctx) => {
      sendableChannel(ctx);
      return noContent();
    },
  },
  {
    method: 'PUT',
    path: '/channels/:channelId/messages/:messageId/reactions/:emoji/@me',
    auth: true,
    handler: (ctx) => {
      const message = targetMessage(ctx);
      const emoji = emojiParam(ctx);
      const already = message.reactions?.some((r) => r.me && (r.emoji.id ?? r.emoji.name) === (emoji.id ?? emoji.name));
      if (!already) {
        const next = withReaction(message, emoji, true, 1);
        ctx.state.replaceMessage(next);
        ctx.events.reactionAdded(next, ctx.state.fixtures.botUser.id, emoji);
      }
      return noContent();
    },
  },
  {
    method: 'DELETE',
    path: '/channels/:channelId/messages/:messageId/reactions/:emoji/@me',
    auth: true,
    handler: (ctx) => {
      const message = targetMessage(ctx);
      const emoji = emojiParam(ctx);
      const mine = message.reactions?.some((r) => r.me && (r.emoji.id ?? r.emoji.name) === (emoji.id ?? emoji.name));
      if (mine) {
        const next = withReaction(message, emoji, true, -1);
        ctx.state.replaceMessage(next);
        ctx.events.reactionRemoved(next, ctx.state.fixtures.botUser.id, emoji);
      }
      return noContent();
    },
  },
  {
    method: 'POST',
    path: '/users/@me/channels',
    auth: true,
    handler: (ctx) => {
      const recipient = (ctx.body as { recipient_id?: unknown } | null)?.recipient_id;
      if (typeof recipient !== 'string') throw Errors.invalidFormBody(['recipient_id'], 'BASE_TYPE_REQUIRED', 'This field is required');
      return ok(ctx.state.dmChannel(ctx.state.user(recipient)).channel);
    },
  },
];
