/**
 * `/book resource: when: party: [note:]` — resource and time autocomplete from the free slots; `when` also takes
 * free text ("tomorrow 7pm", 「明日19時」). It answers with a confirmation card; only Confirm books.
 */
import { type AutocompleteInteraction, type ChatInputCommandInteraction, SlashCommandBuilder } from 'discord.js';
import { nearestFree } from '../../actions/availability.ts';
import { prepareBook } from '../../actions/prepare.ts';
import { resolveStart } from '../../actions/resolve.ts';
import type { Resource } from '../../model.ts';
import { parseRequest } from '../../nl/parse.ts';
import { plainFormat } from '../../present.ts';
import type { BookingServices } from '../../services.ts';
import { wallClock } from '../../time/zone.ts';
import type { BookingCommand } from '../contract.ts';
import { describe } from '../describe.ts';
import { clip, LABEL_CHARS, MENU_OPTIONS } from '../limits.ts';
import { EPHEMERAL, NO_PINGS, speakerOf } from '../reply.ts';
import { preparedView } from '../views.ts';

const data = describe(new SlashCommandBuilder().setName('book'), 'cmd.book')
  .setContexts(0)
  .addStringOption((o) => describe(o.setName('resource').setRequired(true).setAutocomplete(true), 'cmd.book.resource'))
  .addStringOption((o) => describe(o.setName('when').setRequired(true).setAutocomplete(true).setMaxLength(100), 'cmd.book.when'))
  .addIntegerOption((o) => describe(o.setName('party').setRequired(true).setMinValue(1).setMaxValue(1000), 'cmd.book.party'))
  .addStringOption((o) => describe(o.setName('note').setMaxLength(500), 'cmd.book.note'));

/** A resource from its id (what autocomplete sends) or its name (what a member may type). */
export async function findResource(services: BookingServices, guildId: string, value: string): Promise<Resource | undefined> {
  return (await services.resources.get(guildId, value)) ?? services.resources.byName(guildId, value);
}

/** The start instant `when` means: an autocomplete value (epoch ms) or text read by the parser. */
async function startFrom(services: BookingServices, resource: Resource, when: string): Promise<number | 'date' | 'time'> {
  if (/^\d{12,14}$/u.test(when)) return Number(when);
  const settings = await services.resources.settings(resource.guildId);
  const timeZone = await services.resources.timeZoneOf(resource);
  const now = services.clock.now();
  const parsed = parseRequest(when, { now, ...settings, resources: [] });
  if (parsed.minutes === undefined) return 'time';
  const date = parsed.date ?? wallClock(now, timeZone).date;
  return resolveStart(resource, date, parsed.minutes, parsed.timeAmbiguous ?? false, now, timeZone);
}

async function execute(interaction: ChatInputCommandInteraction, services: BookingServices): Promise<void> {
  const { t, format, locale } = speakerOf(interaction);
  const reply = (content: string) => interaction.reply({ content, flags: EPHEMERAL, allowedMentions: NO_PINGS });
  if (!interaction.guildId) return void (await reply(t('refused.guild_only')));
  const name = interaction.options.getString('resource', true);
  const resource = await findResource(services, interaction.guildId, name);
  if (!resource) return void (await reply(t('refused.unknown_resource', { name })));
  const start = await startFrom(services, resource, interaction.options.getString('when', true));
  if (typeof start === 'string') return void (await reply(t(start === 'date' ? 'ask.date' : 'ask.time')));
  const prepared = await prepareBook(services, {
    resource,
    userId: interaction.user.id,
    start,
    party: interaction.options.getInteger('party', true),
    name: interaction.member && 'displayName' in interaction.member ? interaction.member.displayName : interaction.user.displayName,
    note: interaction.options.getString('note') ?? '',
    locale,
    channelId: interaction.channelId,
  });
  await interaction.reply({ ...preparedView(t, format, prepared), flags: EPHEMERAL, allowedMentions: NO_PINGS });
}

async function autocomplete(interaction: AutocompleteInteraction, services: BookingServices): Promise<void> {
  if (!interaction.guildId) return interaction.respond([]);
  const focused = interaction.options.getFocused(true);
  if (focused.name === 'resource') {
    const typed = focused.value.toLowerCase();
    const resources = (await services.resources.list(interaction.guildId)).filter((r) => r.name.toLowerCase().includes(typed));
    return interaction.respond(resources.slice(0, MENU_OPTIONS).map((r) => ({ name: clip(r.name, LABEL_CHARS), value: r.id })));
  }
  const resource = await findResource(services, interaction.guildId, interaction.options.getString('resource') ?? '');
  if (!resource) return interaction.respond([]);
  const timeZone = await services.resources.timeZoneOf(resource);
  const { t, locale } = speakerOf(interaction);
  // Around what was typed ("tomorrow 7pm"), or from now on.
  const typed = focused.value.trim() ? await startFrom(services, resource, focused.value) : services.clock.now();
  const around = typeof typed === 'number' ? typed : services.clock.now();
  const party = interaction.options.getInteger('party') ?? 1;
  const slots = await nearestFree(services, resource, around, party, { limit: MENU_OPTIONS, includeStart: true });
  const format = plainFormat(locale, timeZone);
  await interaction.respond(
    slots.map((s) => ({
      name: clip(`${format.when(s.start)} · ${t('panel.day_option', { free: s.free })}`, LABEL_CHARS),
      value: String(s.start),
    })),
  );
}

/** `/book` */
export const bookCommand = { data, execute, autocomplete } satisfies BookingCommand;
