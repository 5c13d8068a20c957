/**
 * Notices to members on Discord: a DM first; when the member does not accept DMs from the server, the channel they
 * booked from, mentioning them. That channel message pings only that member (it is their reminder or offer) and
 * nobody else.
 */
import { ActionRowBuilder, ButtonBuilder, ButtonStyle, type Client, DiscordAPIError, RESTJSONErrorCodes } from 'discord.js';
import type { Logger } from '../../../core/logger.ts';
import { translator } from '../locale.ts';
import { discordFormat, noticeText } from '../present.ts';
import type { Notice, Notifier } from '../services.ts';
import { customId } from './custom-ids.ts';
import { NO_PINGS } from './reply.ts';
import { offerButtons } from './views.ts';

/** Where a notice went. */
export type Delivery = 'dm' | 'channel' | 'undeliverable';

function closedDms(error: unknown): boolean {
  return error instanceof DiscordAPIError && error.code === RESTJSONErrorCodes.CannotSendMessagesToThisUser;
}

/** A notice's message body (text and buttons), in the member's language. */
export function noticeMessage(notice: Notice) {
  const t = translator(notice.booking.locale);
  const content = noticeText(t, discordFormat(notice.booking.locale), notice);
  const ref = { resourceId: notice.resource.id, bookingId: notice.booking.id };
  const components =
    notice.kind === 'offer'
      ? offerButtons(t, notice.booking)
      : notice.kind === 'reminder'
        ? [
            new ActionRowBuilder<ButtonBuilder>().addComponents(
              new ButtonBuilder()
                .setCustomId(customId({ action: 'cancel', ...ref }))
                .setLabel(t('button.cancel'))
                .setStyle(ButtonStyle.Danger),
            ),
          ]
        : [];
  return { content, components };
}

/** Sends one notice; returns where it went. */
export async function deliverNotice(client: Client, notice: Notice): Promise<Delivery> {
  const { content, components } = noticeMessage(notice);
  const { userId, channelId } = notice.booking;
  try {
    await client.users.send(userId, { content, components, allowedMentions: NO_PINGS });
    return 'dm';
  } catch (error) {
    if (!closedDms(error)) throw error;
  }
  if (!channelId) return 'undeliverable';
  const channel = await client.channels.fetch(channelId).catch(() => null);
  if (!channel?.isSendable()) return 'undeliverable';
  await channel.send({ content: `<@${userId}> ${content}`, components, allowedMentions: { parse: [], users: [userId] } });
  return 'channel';
}

/** The notifier the booking services use on Discord; logs notices nobody could receive. */
export function createDiscordNotifier(client: Client, logger: Logger): Notifier {
  return {
    async notify(notice) {
      const delivery = await deliverNotice(client, notice);
      if (delivery === 'undeliverable')
        logger.warn({ kind: notice.kind, bookingId: notice.booking.id }, 'booking notice could not be delivered (DMs and channel closed)');
    },
  };
}
