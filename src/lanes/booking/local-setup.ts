/**
 * `/booking-setup <name> capacity=4 slot=60 hours=17:00-22:00 tz=Asia/Tokyo …` in the terminal chat: the quick
 * way to have something to book without Discord's `/booking` admin command (same validation, same store).
 */
import { hoursFromText, resourceMessage } from './admin/resource-edit.ts';
import type { Translate } from './locale.ts';
import { newId, type Resource, resourceSchema } from './model.ts';
import type { BookingServices } from './services.ts';
import { isTimeZone } from './time/zone.ts';

export async function setupLocalResource(services: BookingServices, guildId: string, args: string, t: Translate): Promise<string> {
  const options = Object.fromEntries([...args.matchAll(/(\w+)=(\S+)/gu)].map((m) => [m[1] ?? '', m[2] ?? '']));
  const name = args.replace(/\w+=\S+/gu, '').trim() || 'Table';
  if (options.tz !== undefined) {
    if (!isTimeZone(options.tz)) return t('admin.timezone_invalid', { zone: options.tz });
    await services.resources.saveSettings(guildId, { ...(await services.resources.settings(guildId)), timeZone: options.tz });
  }
  const hours = hoursFromText(options.hours ?? '17:00-22:00');
  if (!hours) return t('admin.hours_invalid');
  const existing = await services.resources.byName(guildId, name);
  const number = (key: string, fallback: number) => (options[key] === undefined ? fallback : Number(options[key]));
  const resource: Resource = {
    id: existing?.id ?? newId('r'),
    guildId,
    name,
    capacity: number('capacity', existing?.capacity ?? 4),
    slotMinutes: number('slot', existing?.slotMinutes ?? 60),
    bufferMinutes: number('buffer', existing?.bufferMinutes ?? 0),
    hours: Array.from({ length: 7 }, () => hours),
    horizonDays: number('horizon', existing?.horizonDays ?? 30),
    cutoffMinutes: number('cutoff', existing?.cutoffMinutes ?? 0),
    maxPerMember: number('max', existing?.maxPerMember ?? 2),
    exceptions: existing?.exceptions ?? [],
    createdAt: existing?.createdAt ?? services.clock.now(),
  };
  const valid = resourceSchema.safeParse(resource);
  if (!valid.success) return t('admin.values_invalid', { fields: valid.error.issues.map((issue) => issue.path.join('.')).join(', ') });
  return resourceMessage(t, await services.resources.save(valid.data), valid.data);
}
