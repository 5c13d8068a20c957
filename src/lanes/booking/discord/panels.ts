/**
 * Booking panels on Discord: posting one, and redrawing every panel of a resource when its slots change. A panel
 * whose message or channel is gone (deleted by a moderator) is forgotten instead of retried forever.
 */
import { type Client, DiscordAPIError, RESTJSONErrorCodes } from 'discord.js';
import { daysAvailability } from '../actions/availability.ts';
import { localeOf, translator } from '../locale.ts';
import type { Panel, Resource } from '../model.ts';
import { discordFormat } from '../present.ts';
import type { BookingServices, PanelRefresher } from '../services.ts';
import { NO_PINGS } from './reply.ts';
import { panelView, type View } from './views.ts';

const GONE = new Set<number>([RESTJSONErrorCodes.UnknownMessage, RESTJSONErrorCodes.UnknownChannel, RESTJSONErrorCodes.MissingAccess]);
/** Bookings arriving together redraw a panel once. */
const REFRESH_DELAY_MS = 500;

/** A panel's message, in the server's language. */
export async function panelMessage(services: BookingServices, resource: Resource, guildLocale: string): Promise<View> {
  const locale = localeOf(guildLocale);
  const days = await daysAvailability(services, resource, services.config.panelDays);
  return panelView(translator(locale), discordFormat(locale), resource, days);
}

function isGone(error: unknown): boolean {
  return error instanceof DiscordAPIError && typeof error.code === 'number' && GONE.has(error.code);
}

/** Redraws panels through the Discord client. `services` is passed lazily because the services hold this refresher. */
export function createPanelRefresher(client: Client, services: () => BookingServices): PanelRefresher {
  const pending = new Map<string, Promise<void>>();
  async function redraw(guildId: string, resourceId: string): Promise<void> {
    const s = services();
    const resource = await s.resources.get(guildId, resourceId);
    const panels = (await s.resources.panels(guildId)).filter((p) => p.resourceId === resourceId);
    for (const panel of panels) {
      if (!resource) {
        await s.resources.removePanel(guildId, panel.id);
        continue;
      }
      await redrawOne(client, s, panel, resource);
    }
  }
  return {
    refresh(guildId, resourceId) {
      const key = `${guildId}:${resourceId}`;
      if (!pending.has(key)) {
        const run = new Promise<void>((resolve) => setTimeout(resolve, REFRESH_DELAY_MS))
          .then(() => redraw(guildId, resourceId))
          .catch((error: unknown) => services().logger.warn({ err: error, guildId, resourceId }, 'booking panel refresh failed'))
          .finally(() => pending.delete(key));
        pending.set(key, run);
      }
      // Callers do not wait for the redraw: the member's answer goes first.
      return Promise.resolve();
    },
  };
}

async function redrawOne(client: Client, services: BookingServices, panel: Panel, resource: Resource): Promise<void> {
  try {
    const channel = await client.channels.fetch(panel.channelId);
    if (!channel?.isTextBased()) throw new Error('not a text channel');
    const guild = 'guild' in channel ? channel.guild : undefined;
    const view = await panelMessage(services, resource, guild?.preferredLocale ?? 'en-US');
    await channel.messages.edit(panel.messageId, { embeds: view.embeds, components: view.components, allowedMentions: NO_PINGS });
  } catch (error) {
    if (!isGone(error)) throw error;
    services.logger.info({ panelId: panel.id, channelId: panel.channelId }, 'booking panel message is gone; forgetting it');
    await services.resources.removePanel(panel.guildId, panel.id);
  }
}
