/**
 * Notices and panel redraws through Discord's REST API alone, so every process can send them: the worker (whose
 * reminder jobs fall due there and which holds no gateway connection), the bot, and `/forget-me` (which has no
 * client at hand). Same texts, buttons and fallbacks as the client-based {@link createDiscordNotifier}.
 */
import { DiscordAPIError, REST, RESTJSONErrorCodes, Routes } from 'discord.js';
import type { Logger } from '../../../core/logger.ts';
import { daysAvailability } from '../actions/availability.ts';
import { localeOf, translator } from '../locale.ts';
import type { Panel, Resource } from '../model.ts';
import { discordFormat } from '../present.ts';
import type { BookingServices, Notice, Notifier, PanelRefresher } from '../services.ts';
import type { Delivery } from './notifier.ts';
import { noticeMessage } from './notifier.ts';
import { panelView } from './views.ts';

/** The REST form of "ping nobody". */
const NO_PINGS_API = Object.freeze({ parse: [], replied_user: false });
const GONE = new Set<number>([RESTJSONErrorCodes.UnknownMessage, RESTJSONErrorCodes.UnknownChannel, RESTJSONErrorCodes.MissingAccess]);
/** Bookings arriving together redraw a panel once. */
const REFRESH_DELAY_MS = 500;

function codeOf(error: unknown): number | string | undefined {
  return error instanceof DiscordAPIError ? error.code : undefined;
}

/** A bot-token REST client on the configured API (the test server in tests); undefined without a token. */
export function bookingRest(discord: { readonly token?: string | undefined; readonly apiUrl: string }): REST | undefined {
  if (!discord.token) return undefined;
  return new REST({ api: discord.apiUrl, retries: 3 }).setToken(discord.token);
}

/** Sends one notice: a DM, else the booking's channel mentioning (and pinging) only that member. */
export async function sendNotice(rest: REST, notice: Notice): Promise<Delivery> {
  const { content, components } = noticeMessage(notice);
  const rows = components.map((row) => row.toJSON());
  const { userId, channelId } = notice.booking;
  try {
    const dm = (await rest.post(Routes.userChannels(), { body: { recipient_id: userId } })) as { id: string };
    await rest.post(Routes.channelMessages(dm.id), { body: { content, components: rows, allowed_mentions: NO_PINGS_API } });
    return 'dm';
  } catch (error) {
    if (codeOf(error) !== RESTJSONErrorCodes.CannotSendMessagesToThisUser) throw error;
  }
  if (!channelId) return 'undeliverable';
  try {
    await rest.post(Routes.channelMessages(channelId), {
      body: { content: `<@${userId}> ${content}`, components: rows, allowed_mentions: { parse: [], users: [userId] } },
    });
    return 'channel';
  } catch (error) {
    const code = codeOf(error);
    if (typeof code === 'number' && GONE.has(code)) return 'undeliverable';
    throw error;
  }
}

/** The notifier of a process without a gateway connection; logs (never throws for) members nobody can reach. */
export function createRestNotifier(rest: REST | undefined, logger: Logger): Notifier {
  return {
    async notify(notice) {
      const delivery = rest ? await sendNotice(rest, notice) : 'undeliverable';
      if (delivery === 'undeliverable')
        logger.warn(
          { kind: notice.kind, bookingId: notice.booking.id },
          'booking notice could not be delivered (no token, DMs and channel closed)',
        );
    },
  };
}

/** Redraws a resource's panels by editing their messages; a panel whose message is gone is forgotten. */
export function createRestPanelRefresher(rest: REST | undefined, services: () => BookingServices): PanelRefresher {
  const pending = new Map<string, Promise<void>>();
  const locales = new Map<string, string>();

  async function guildLocale(guildId: string): Promise<string> {
    let locale = locales.get(guildId);
    if (!locale && rest) {
      const guild = (await rest.get(Routes.guild(guildId)).catch(() => undefined)) as { preferred_locale?: string } | undefined;
      locale = guild?.preferred_locale ?? 'en-US';
      locales.set(guildId, locale);
    }
    return locale ?? 'en-US';
  }

  async function redrawOne(client: REST, s: BookingServices, panel: Panel, resource: Resource): Promise<void> {
    const locale = localeOf(await guildLocale(panel.guildId));
    const view = panelView(translator(locale), discordFormat(locale), resource, await daysAvailability(s, resource, s.config.panelDays));
    try {
      await client.patch(Routes.channelMessage(panel.channelId, panel.messageId), {
        body: {
          embeds: view.embeds.map((e) => e.toJSON()),
          components: view.components.map((c) => c.toJSON()),
          allowed_mentions: NO_PINGS_API,
        },
      });
    } catch (error) {
      const code = codeOf(error);
      if (typeof code !== 'number' || !GONE.has(code)) throw error;
      s.logger.info({ panelId: panel.id, channelId: panel.channelId }, 'booking panel message is gone; forgetting it');
      await s.resources.removePanel(panel.guildId, panel.id);
    }
  }

  async function redraw(client: REST, guildId: string, resourceId: string): Promise<void> {
    const s = services();
    const resource = await s.resources.get(guildId, resourceId);
    for (const panel of (await s.resources.panels(guildId)).filter((p) => p.resourceId === resourceId)) {
      if (resource) await redrawOne(client, s, panel, resource);
      else await s.resources.removePanel(guildId, panel.id);
    }
  }

  return {
    refresh(guildId, resourceId) {
      const key = `${guildId}:${resourceId}`;
      if (rest && !pending.has(key)) {
        const run = new Promise<void>((resolve) => setTimeout(resolve, REFRESH_DELAY_MS))
          .then(() => redraw(rest, guildId, resourceId))
          .catch((error: unknown) => services().logger.warn({ err: error, guildId, resourceId }, 'booking panel refresh failed'))
          .finally(() => pending.delete(key));
        pending.set(key, run);
      }
      // Callers do not wait for the redraw: the member's answer goes first.
      return Promise.resolve();
    },
  };
}
