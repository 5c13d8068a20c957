/** `/booking resource add|edit|remove|list`: what can be booked and its rules. */
import type { ChatInputCommandInteraction } from 'discord.js';
import { hoursFromText, resourceMessage } from '../../admin/resource-edit.ts';
import type { Translate } from '../../locale.ts';
import { newId, type Resource, resourceSchema } from '../../model.ts';
import type { BookingServices } from '../../services.ts';
import { findResource } from './book.ts';

const every = <T>(value: T): T[] => Array.from({ length: 7 }, () => value);

/** Integer options of `resource add/edit`, by option name -> resource field. */
const NUMBER_OPTIONS = [
  ['capacity', 'capacity'],
  ['slot-minutes', 'slotMinutes'],
  ['buffer-minutes', 'bufferMinutes'],
  ['horizon-days', 'horizonDays'],
  ['cutoff-minutes', 'cutoffMinutes'],
  ['max-per-member', 'maxPerMember'],
] as const;

function numbers(interaction: ChatInputCommandInteraction): Partial<Pick<Resource, (typeof NUMBER_OPTIONS)[number][1]>> {
  const out: Partial<Record<(typeof NUMBER_OPTIONS)[number][1], number>> = {};
  for (const [option, field] of NUMBER_OPTIONS) {
    const value = interaction.options.getInteger(option);
    if (value !== null) out[field] = value;
  }
  return out;
}

async function save(services: BookingServices, t: Translate, resource: Resource): Promise<string> {
  const valid = resourceSchema.safeParse(resource);
  if (!valid.success) return t('admin.values_invalid', { fields: valid.error.issues.map((i) => i.path.join('.')).join(', ') });
  return resourceMessage(t, await services.resources.save(valid.data), valid.data);
}

/** `/booking resource add|edit|remove|list`; returns the answer. */
export async function resourceCommand(
  interaction: ChatInputCommandInteraction,
  services: BookingServices,
  guildId: string,
  t: Translate,
): Promise<string> {
  const sub = interaction.options.getSubcommand();
  if (sub === 'list') {
    const resources = await services.resources.list(guildId);
    if (resources.length === 0) return t('refused.no_resources');
    const line = (r: Resource) =>
      t('admin.resource_line', {
        resource: r.name,
        capacity: r.capacity,
        minutes: r.slotMinutes,
        buffer: r.bufferMinutes,
        horizon: r.horizonDays,
        cutoff: r.cutoffMinutes,
        max: r.maxPerMember,
      });
    return [t('admin.resources_title'), ...resources.map(line)].join('\n');
  }
  if (sub === 'add') {
    const hours = hoursFromText(interaction.options.getString('hours') ?? '17:00-22:00');
    if (!hours) return t('admin.hours_invalid');
    const resource: Resource = {
      id: newId('r'),
      guildId,
      name: interaction.options.getString('name', true).trim(),
      capacity: 1,
      slotMinutes: 60,
      bufferMinutes: 0,
      hours: every(hours),
      horizonDays: 30,
      cutoffMinutes: 0,
      maxPerMember: 2,
      exceptions: [],
      createdAt: services.clock.now(),
      ...numbers(interaction),
    };
    return save(services, t, resource);
  }
  const name = interaction.options.getString('resource', true);
  const resource = await findResource(services, guildId, name);
  if (!resource) return t('refused.unknown_resource', { name });
  if (sub === 'edit')
    return save(services, t, {
      ...resource,
      ...numbers(interaction),
      name: interaction.options.getString('new-name')?.trim() || resource.name,
    });
  if (await services.bookings.hasUpcoming(resource, services.clock.now())) return t('admin.resource_in_use', { resource: resource.name });
  await services.resources.remove(guildId, resource.id);
  return t('admin.resource_removed', { resource: resource.name });
}
