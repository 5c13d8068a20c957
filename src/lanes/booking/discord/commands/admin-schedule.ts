/** `/booking hours`, `/booking exception closed|extra|remove`, `/booking timezone`: when things can be booked. */
import type { ChatInputCommandInteraction } from 'discord.js';
import { hoursFromText, hoursText } from '../../admin/resource-edit.ts';
import type { Translate } from '../../locale.ts';
import type { BookingException, Resource } from '../../model.ts';
import type { BookingServices } from '../../services.ts';
import { localDateSchema, localTimeSchema } from '../../time/civil.ts';
import { isTimeZone } from '../../time/zone.ts';
import { findResource } from './book.ts';
import { DAY_SETS, daySetSchema } from './booking-definition.ts';

async function withResource(
  interaction: ChatInputCommandInteraction,
  services: BookingServices,
  guildId: string,
  t: Translate,
  change: (resource: Resource) => Promise<string>,
): Promise<string> {
  const name = interaction.options.getString('resource', true);
  const resource = await findResource(services, guildId, name);
  return resource ? change(resource) : t('refused.unknown_resource', { name });
}

/** `/booking hours resource: days: hours:` */
export async function hoursCommand(
  interaction: ChatInputCommandInteraction,
  services: BookingServices,
  guildId: string,
  t: Translate,
): Promise<string> {
  return withResource(interaction, services, guildId, t, async (resource) => {
    const ranges = hoursFromText(interaction.options.getString('hours', true));
    if (!ranges) return t('admin.hours_invalid');
    const set = daySetSchema.safeParse(interaction.options.getString('days', true));
    const days: readonly number[] = set.success ? DAY_SETS[set.data] : [];
    const hours = resource.hours.map((current, weekday) => (days.includes(weekday) ? ranges : current));
    await services.resources.save({ ...resource, hours });
    await services.panels.refresh(guildId, resource.id);
    return t('admin.hours_saved', { resource: resource.name, hours: hoursText(t, hours) });
  });
}

/** `/booking exception closed|extra|remove resource: date: [time:]` */
export async function exceptionCommand(
  interaction: ChatInputCommandInteraction,
  services: BookingServices,
  guildId: string,
  t: Translate,
): Promise<string> {
  return withResource(interaction, services, guildId, t, async (resource) => {
    const sub = interaction.options.getSubcommand();
    const date = localDateSchema.safeParse(interaction.options.getString('date', true).trim());
    if (!date.success) return t('admin.date_invalid');
    let exceptions = resource.exceptions.filter((e) => e.date !== date.data || sub === 'extra');
    let what = '';
    if (sub === 'closed') {
      exceptions = [...exceptions, { kind: 'closed', date: date.data }];
      what = t('admin.closed_day', { date: date.data });
    } else if (sub === 'extra') {
      const time = localTimeSchema.safeParse(interaction.options.getString('time', true).trim().padStart(5, '0'));
      if (!time.success || time.data === '24:00') return t('admin.time_invalid');
      const extra: BookingException = { kind: 'extra', date: date.data, time: time.data };
      exceptions = [...exceptions.filter((e) => !(e.kind === 'extra' && e.date === date.data && e.time === time.data)), extra];
      what = t('admin.extra_slot', { date: date.data, time: time.data });
    }
    await services.resources.save({ ...resource, exceptions: exceptions.slice(-200) });
    await services.panels.refresh(guildId, resource.id);
    return sub === 'remove'
      ? t('admin.exception_removed', { resource: resource.name, date: date.data })
      : t('admin.exception_saved', { resource: resource.name, what });
  });
}

/** `/booking timezone zone: [date-order:]` */
export async function timezoneCommand(
  interaction: ChatInputCommandInteraction,
  services: BookingServices,
  guildId: string,
  t: Translate,
): Promise<string> {
  const zone = interaction.options.getString('zone', true).trim();
  if (!isTimeZone(zone)) return t('admin.timezone_invalid', { zone });
  const current = await services.resources.settings(guildId);
  const order = interaction.options.getString('date-order');
  await services.resources.saveSettings(guildId, {
    timeZone: zone,
    dateOrder: order === 'day-first' || order === 'month-first' ? order : current.dateOrder,
  });
  return t('admin.timezone_saved', { zone });
}

/** Zone names for autocomplete: the platform's list, filtered by what was typed. */
export function zoneChoices(typed: string, max: number): { name: string; value: string }[] {
  const lower = typed.toLowerCase();
  return Intl.supportedValuesOf('timeZone')
    .filter((zone) => zone.toLowerCase().includes(lower))
    .slice(0, max)
    .map((zone) => ({ name: zone, value: zone }));
}
