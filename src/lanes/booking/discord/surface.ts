/**
 * The booking lane on the bot's Discord surface (`LaneDiscord`): its commands and `bk:` components adapted from
 * the lane's own contract (`contract.ts`, handlers on {@link BookingServices}), and a message route that answers
 * booking talk in DMs, mentions and booking channels itself, before the bot's FAQ/chat policy sees it. Nothing
 * here queues a job: booking runs no model, and each answer is a few Redis calls.
 */
import type { Message, RepliableInteraction } from 'discord.js';
import { z } from 'zod';
import { UserError } from '../../../core/errors.ts';
import { coreMessages } from '../../../i18n/messages.ts';
import type { BotServices, IncomingMessage } from '../../../bot/discord/services.ts';
import type { ComponentHandler, LaneDiscord, SlashCommand } from '../../discord.ts';
import { defineSetting, parseSwitch } from '../../server-settings.ts';
import { forgetMember } from '../actions/forget.ts';
import { MESSAGES } from '../messages.ts';
import { createBookingRuntime } from '../runtime.ts';
import { bookingRef } from '../ref.ts';
import type { BookingInput, BookingResult } from '../schema.ts';
import type { BookingServices } from '../services.ts';
import { CUSTOM_ID_PREFIX } from './custom-ids.ts';
import { bookingCommands, componentFor } from './index.ts';
import { answerBookingMessage } from './message.ts';
import { withJapaneseNames } from './names.ts';

/** The bot's one instance of the booking services (created on first use, on the bot's Redis connection). */
export function bookingServicesOf(bot: BotServices): BookingServices {
  return bot.shared('booking:services', () => createBookingRuntime({ config: bot.config, redis: bot.redis, logger: bot.logger }).services);
}

/** `/settings set bookingChannel on`: every message in the channel is offered to booking first. */
export const bookingChannelSetting = defineSetting<boolean>({
  key: 'bookingChannel',
  value: z.boolean(),
  defaultValue: () => false,
  parse(text) {
    const value = parseSwitch(text);
    if (value === undefined) throw new UserError('bad_request', MESSAGES['lane.setting.on_off']);
    return value;
  },
  describe: MESSAGES['lane.setting.channel'],
});

/** Commands refuse where the lane is off (the server's `lanes` setting, or `lanes.booking.enabled`); buttons stay usable. */
async function ensureOn(interaction: RepliableInteraction, bot: BotServices): Promise<void> {
  const settings = await bot.settingsFor(interaction);
  if (!settings.laneEnabled(bookingRef.name) || !bot.producer.tunables(bookingRef.name).enabled)
    throw new UserError('unavailable', coreMessages.laneOff(bookingRef.verb));
}

const commands: SlashCommand[] = bookingCommands.map((command) => {
  const { autocomplete } = command;
  return {
    data: withJapaneseNames(command.data.toJSON()),
    async execute(interaction, bot) {
      await ensureOn(interaction, bot);
      await command.execute(interaction, bookingServicesOf(bot));
    },
    ...(autocomplete ? { autocomplete: (interaction, bot) => autocomplete.call(command, interaction, bookingServicesOf(bot)) } : {}),
  } satisfies SlashCommand;
});

/** Every `bk:` button, select menu and modal (also from DMs: offers and reminders carry buttons). */
const components: ComponentHandler = {
  namespace: CUSTOM_ID_PREFIX.replace(/:$/u, ''),
  async execute(interaction, bot) {
    const handler = componentFor(interaction.customId);
    if (!handler || !(interaction.isButton() || interaction.isStringSelectMenu() || interaction.isModalSubmit()))
      throw new UserError('bad_request', MESSAGES['lane.unknown_button']);
    await handler.execute(interaction, bookingServicesOf(bot));
  },
};

/**
 * The server a DM books in: the only server with bookable resources that the bot shares with the member; null when
 * there is none or more than one (the member then uses `/book` in the server).
 */
async function dmServer(message: Message, services: BookingServices): Promise<string | null> {
  const offering: string[] = [];
  for (const guild of message.client.guilds.cache.values()) {
    if ((await services.resources.list(guild.id)).length) offering.push(guild.id);
  }
  if (offering.length <= 1) return offering[0] ?? null;
  const shared: string[] = [];
  for (const id of offering) {
    const guild = message.client.guilds.cache.get(id);
    if (
      await guild?.members.fetch(message.author.id).then(
        () => true,
        () => false,
      )
    )
      shared.push(id);
  }
  return shared.length === 1 ? (shared[0] ?? null) : null;
}

/** Answers booking talk; false (touching nothing) for everything else, which then goes its usual way. */
async function handleMessage(incoming: IncomingMessage, bot: BotServices): Promise<boolean> {
  const { message, text } = incoming;
  const bookingChannel = !incoming.dm && incoming.settings.get(bookingChannelSetting);
  if (!text || (!incoming.addressed && !bookingChannel)) return false;
  if (!incoming.addressed && (await incoming.optedOut())) return false;
  const services = bookingServicesOf(bot);
  const guildId = message.guildId ?? (await dmServer(message, services));
  // A server that offers nothing to book leaves "book a table…" to chat.
  if (!guildId || !(await services.resources.list(guildId)).length) return false;
  // A gateway replay delivers the same message again: answer it once (its own mark, so chat still may take it).
  const answered = await answerBookingMessage(message, services, guildId, text, () => bot.store.firstSeen('booking-message', message.id));
  return answered;
}

export const bookingDiscord: LaneDiscord<BookingInput, BookingResult> = {
  commands,
  components: [components],
  settings: [bookingChannelSetting],
  help: MESSAGES['lane.help'],
  message: {
    // After voice messages (a voice message is transcribed first), before auto-translation and chat.
    order: 20,
    plan: () => Promise.resolve(null),
    handle: handleMessage,
  },
  forgetUser: (userId, bot) => forgetMember(bookingServicesOf(bot), userId),
};
