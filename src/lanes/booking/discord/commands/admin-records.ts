/** `/booking list [date]`, `/booking export`, `/booking cancel`: the bookings themselves. */
import type { AttachmentPayload, ChatInputCommandInteraction } from 'discord.js';
import { z } from 'zod';
import { adminCancel } from '../../actions/offers.ts';
import { bookingsCsv } from '../../export/csv.ts';
import { bookingsIcs } from '../../export/ics.ts';
import type { Translate } from '../../locale.ts';
import { bookingIdSchema, type Booking, type Resource, resourceIdSchema } from '../../model.ts';
import { problemText, type TimeFormat } from '../../present.ts';
import type { BookingServices } from '../../services.ts';
import { addDays, type LocalDate, localDateSchema } from '../../time/civil.ts';
import { instantOf, localLabel, wallClock } from '../../time/zone.ts';
import { clip, MESSAGE_CHARS } from '../limits.ts';
import { findResource } from './book.ts';

const EXPORT_DAYS = 30;

/** The value of the `booking` option: `<resource id>:<booking id>` (made by the autocomplete). */
export const bookingRefSchema = z
  .string()
  .transform((value) => value.split(':'))
  .pipe(z.tuple([resourceIdSchema, bookingIdSchema]));

/** The `booking` option value of a booking. */
export function bookingRef(resource: Resource, booking: Booking): string {
  return `${resource.id}:${booking.id}`;
}

/** The resources named by the `resource` option, or all of the server's. */
async function resourcesFor(
  interaction: ChatInputCommandInteraction,
  services: BookingServices,
  guildId: string,
): Promise<Resource[] | string> {
  const name = interaction.options.getString('resource');
  if (!name) return services.resources.list(guildId);
  const resource = await findResource(services, guildId, name);
  return resource ? [resource] : name;
}

/** Bookings of the resources from the start of `from` to the end of `to` (local days), in time order. */
async function bookingsBetween(services: BookingServices, resources: readonly Resource[], from: LocalDate, to: LocalDate) {
  const rows = await Promise.all(
    resources.map(async (resource) => {
      const zone = await services.resources.timeZoneOf(resource);
      const start = instantOf(from, 0, zone, 'later') ?? 0;
      const end = instantOf(addDays(to, 1), 0, zone, 'later') ?? 0;
      return (await services.bookings.between(resource, start, end)).map((booking) => ({ booking, resource, zone }));
    }),
  );
  return rows.flat().sort((a, b) => a.booking.start - b.booking.start);
}

/** `/booking list [date:] [resource:]`: the day's bookings, in time order. */
export async function listCommand(
  interaction: ChatInputCommandInteraction,
  services: BookingServices,
  guildId: string,
  t: Translate,
  format: TimeFormat,
): Promise<string> {
  const resources = await resourcesFor(interaction, services, guildId);
  if (typeof resources === 'string') return t('refused.unknown_resource', { name: resources });
  const typed = interaction.options.getString('date');
  const parsed = typed ? localDateSchema.safeParse(typed.trim()) : undefined;
  if (parsed && !parsed.success) return t('admin.date_invalid');
  const date = parsed?.data ?? wallClock(services.clock.now(), (await services.resources.settings(guildId)).timeZone).date;
  const rows = await bookingsBetween(services, resources, date, date);
  if (rows.length === 0) return t('list.admin.empty', { date: format.date(date) });
  const lines = rows.map(({ booking, resource, zone }) =>
    t('list.admin.line', {
      time: localLabel(booking.start, zone).time,
      resource: resource.name,
      name: booking.name,
      userId: booking.userId,
      party: booking.party,
      note: booking.note ? ` — ${booking.note}` : '',
    }),
  );
  return clip([t('list.admin.title', { date: format.date(date) }), ...lines].join('\n'), MESSAGE_CHARS);
}

/** `/booking export format: [resource:] [from:] [to:]`: a CSV or .ics file. */
export async function exportCommand(
  interaction: ChatInputCommandInteraction,
  services: BookingServices,
  guildId: string,
  t: Translate,
): Promise<{ content: string; files?: AttachmentPayload[] }> {
  const resources = await resourcesFor(interaction, services, guildId);
  if (typeof resources === 'string') return { content: t('refused.unknown_resource', { name: resources }) };
  const zone = (await services.resources.settings(guildId)).timeZone;
  const today = wallClock(services.clock.now(), zone).date;
  const from = localDateSchema.safeParse(interaction.options.getString('from') ?? today);
  const to = localDateSchema.safeParse(interaction.options.getString('to') ?? addDays(from.data ?? today, EXPORT_DAYS));
  if (!from.success || !to.success) return { content: t('admin.date_invalid') };
  const rows = await bookingsBetween(services, resources, from.data, to.data);
  const ics = interaction.options.getString('format', true) === 'ics';
  const body = ics ? bookingsIcs(rows, `Bookings ${from.data}–${to.data}`, services.clock.now()) : bookingsCsv(rows, zone);
  // A plain file object: discord.js sends an AttachmentBuilder's unset title as null.
  const file: AttachmentPayload = {
    attachment: Buffer.from(body, 'utf8'),
    name: `bookings-${from.data}-${to.data}.${ics ? 'ics' : 'csv'}`,
  };
  return { content: t('admin.export_ready', { count: rows.length }), files: [file] };
}

/** `/booking cancel booking: [reason:]`: cancels for the member and tells them. */
export async function cancelCommand(
  interaction: ChatInputCommandInteraction,
  services: BookingServices,
  guildId: string,
  t: Translate,
  format: TimeFormat,
): Promise<string> {
  const ref = bookingRefSchema.safeParse(interaction.options.getString('booking', true));
  if (!ref.success) return t('refused.missing');
  const [resourceId, bookingId] = ref.data;
  const cancelled = await adminCancel(services, { guildId, resourceId, bookingId }, interaction.options.getString('reason') ?? '');
  if (!cancelled.ok) return problemText(t, cancelled.problem);
  return t('admin.cancelled_for', {
    name: cancelled.booking.name,
    resource: cancelled.resource.name,
    when: format.when(cancelled.booking.start),
  });
}
