/**
 * The booking lane's Discord surface on a real discord.js Client against the Discord-protocol test server, with a
 * minimal router standing in for the bot's wiring (commands by name, components by custom id, booking messages).
 */
import { Client, Events, GatewayIntentBits, type Interaction, type Message, Partials } from 'discord.js';
import {
  type APIApplicationCommandInteractionDataSubcommandOption,
  type APIChatInputApplicationCommandInteraction,
  type APIMessage,
  type APIUser,
  ApplicationCommandOptionType,
} from 'discord-api-types/v10';
import {
  answerBookingMessage,
  bookingCommands,
  componentFor,
  createDiscordNotifier,
  createPanelRefresher,
  type PanelRefresher,
} from '../../../../src/lanes/booking/index.ts';
import { FakeDiscord, type InteractionRecord } from '../../../discord-server/index.ts';
import { commandInteraction } from '../../../discord-server/interactions.ts';
import { quietLogger, waitFor } from '../../../helpers/env.ts';
import { testServices } from '../helpers.ts';

export function bookingDiscord() {
  const server = new FakeDiscord({ heartbeatIntervalMs: 500 });
  // The client needs the server's port, known once it has started.
  let started: Client | undefined;
  const clientOf = (): Client => {
    if (!started) throw new Error('start() first');
    return started;
  };
  const failures: unknown[] = [];
  const env = testServices({
    notifier: { notify: (notice) => createDiscordNotifier(clientOf(), quietLogger).notify(notice) },
    panels: (services) => {
      let refresher: PanelRefresher | undefined;
      return { refresh: (guildId, resourceId) => (refresher ??= createPanelRefresher(clientOf(), services)).refresh(guildId, resourceId) };
    },
  });
  const { services } = env;

  async function route(interaction: Interaction): Promise<void> {
    if (interaction.isChatInputCommand())
      return bookingCommands.find((c) => c.data.name === interaction.commandName)?.execute(interaction, services);
    if (interaction.isAutocomplete())
      return bookingCommands.find((c) => c.data.name === interaction.commandName)?.autocomplete?.(interaction, services);
    if (interaction.isButton() || interaction.isStringSelectMenu() || interaction.isModalSubmit())
      return componentFor(interaction.customId)?.execute(interaction, services);
  }
  async function onMessage(message: Message): Promise<void> {
    if (!message.author.bot) await answerBookingMessage(message, services, message.guildId);
  }

  return {
    server,
    get client() {
      return clientOf();
    },
    services,
    env,
    failures,
    async start() {
      await server.start();
      const client = new Client({
        intents: [
          GatewayIntentBits.Guilds,
          GatewayIntentBits.DirectMessages,
          GatewayIntentBits.GuildMessages,
          GatewayIntentBits.MessageContent,
        ],
        partials: [Partials.Channel],
        rest: { api: server.apiUrl },
      });
      started = client;
      client.on(Events.InteractionCreate, (interaction) => void route(interaction).catch((error: unknown) => failures.push(error)));
      client.on(Events.MessageCreate, (message) => void onMessage(message).catch((error: unknown) => failures.push(error)));
      const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
      await client.login(server.token);
      await server.waitForReady();
      await ready;
    },
    async close() {
      await started?.destroy();
      await server.close();
      await env.close();
    },
    /** `/booking <group> <sub> …`: the test server builds subcommands; this wraps one in its subcommand group. */
    groupCommand(user: APIUser, group: string, sub: string, options: { name: string; value: string | number }[]): InteractionRecord {
      const record = server.state.channel(server.channels.general.id);
      const input = { name: 'booking', options: [{ name: sub, subcommand: options }] };
      const payload = commandInteraction(server.state, record, user, input, false) as APIChatInputApplicationCommandInteraction;
      const subcommands = (payload.data.options ?? []) as APIApplicationCommandInteractionDataSubcommandOption[];
      return server.interact({
        ...payload,
        data: { ...payload.data, options: [{ name: group, type: ApplicationCommandOptionType.SubcommandGroup, options: subcommands }] },
      });
    },
    /** The interaction's accepted response (with the handler failures in the error when none came). */
    async answered(record: InteractionRecord): Promise<{ type: number; data: Record<string, unknown> }> {
      const response = await waitFor(() => record.response ?? undefined, 10_000, `answer to ${record.id}`).catch((error: unknown) => {
        throw new Error(
          `${String(error)}; handler failures: ${failures.map(String).join(' | ')}; callbacks: ${JSON.stringify(record.callbacks)}`,
        );
      });
      return { type: response.type, data: (response.data ?? {}) as Record<string, unknown> };
    },
    /** The message the bot's answer created or updated (for clicking its components). */
    messageOf(record: InteractionRecord, channelId = server.channels.general.id): APIMessage {
      const message = server.messagesIn(channelId).find((m) => m.id === record.originalMessageId);
      if (!message) throw new Error('no message for the interaction');
      return message;
    },
  };
}

/** Custom ids of a message's components, in order. */
export function componentIds(data: { components?: unknown }): string[] {
  const rows = (data.components ?? []) as { components: { custom_id?: string }[] }[];
  return rows.flatMap((row) => row.components.map((c) => c.custom_id ?? ''));
}
