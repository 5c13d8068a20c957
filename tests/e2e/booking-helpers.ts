/**
 * Helpers of the booking end-to-end tests: reading an interaction's answer (immediate, update, modal, or deferred
 * then edited), `/booking resource add` (a subcommand inside a group), component ids and a panel's day options.
 */
import {
  type APIApplicationCommandInteractionDataSubcommandOption,
  type APIChatInputApplicationCommandInteraction,
  ApplicationCommandOptionType,
} from 'discord-api-types/v10';
import { commandInteraction } from '../discord-server/interactions.ts';
import type { FakeDiscord } from '../discord-server/index.ts';
import type { InteractionRecord } from '../discord-server/state.ts';

/** What an interaction was answered with: the response type, its data (or the edited message), its text and JSON. */
export interface Answer {
  type: number;
  data: { content?: string; components?: unknown; embeds?: unknown[]; custom_id?: string };
  content: string;
  raw: string;
}

/** Waits for the answer; a deferred answer (type 5/6) is the original message once it has been edited. */
export function answered(server: FakeDiscord, record: InteractionRecord, timeoutMs = 30_000): Promise<Answer> {
  return server.waitFor(
    () => {
      const response = record.response as { type?: number; data?: Answer['data'] } | null;
      if (!response?.type) return undefined;
      if (response.type === 5 || response.type === 6) {
        const message = server.messagesIn(record.channelId).find((m) => m.id === record.originalMessageId);
        if (!message?.content && !message?.embeds?.length) return undefined;
        return { type: response.type, data: message, content: message.content, raw: JSON.stringify(message) };
      }
      const data = response.data ?? {};
      return { type: response.type, data, content: data.content ?? '', raw: JSON.stringify(data) };
    },
    timeoutMs,
    `answer to ${record.id}`,
  );
}

/** Custom ids of a message's components, in order. */
export function componentIds(message: { components?: unknown }): string[] {
  const rows = (message.components ?? []) as { components: { custom_id?: string }[] }[];
  return rows.flatMap((row) => row.components.map((c) => c.custom_id ?? ''));
}

/** A panel's day menu as date → description ("10 places free"). */
export function dayOptions(message: { components?: unknown }): Record<string, string> {
  const rows = (message.components ?? []) as {
    components: { custom_id?: string; options?: { value: string; description?: string }[] }[];
  }[];
  const menu = rows.flatMap((row) => row.components).find((c) => c.custom_id?.startsWith('bk:day:'));
  return Object.fromEntries((menu?.options ?? []).map((o) => [o.value, o.description ?? '']));
}

/** `/booking resource add` by alice in #general: one-hour slots, `hours` every day. */
export function addResource(server: FakeDiscord, name: string, capacity: number, hours: string): InteractionRecord {
  const options = [
    { name: 'name', value: name },
    { name: 'capacity', value: capacity },
    { name: 'slot-minutes', value: 60 },
    { name: 'hours', value: hours },
  ];
  const channel = server.state.channel(server.channels.general.id);
  const input = { name: 'booking', options: [{ name: 'add', subcommand: options }] };
  const payload = commandInteraction(server.state, channel, server.users.alice, input, false) as APIChatInputApplicationCommandInteraction;
  const subcommands = (payload.data.options ?? []) as APIApplicationCommandInteractionDataSubcommandOption[];
  return server.interact({
    ...payload,
    data: { ...payload.data, options: [{ name: 'resource', type: ApplicationCommandOptionType.SubcommandGroup, options: subcommands }] },
  });
}
