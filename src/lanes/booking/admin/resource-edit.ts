/** Shared by the admin surfaces: reading opening hours typed by an admin, and the answer to saving a resource. */
import type { Translate } from '../locale.ts';
import { type OpenRange, openRangeSchema, type Resource, type WeekHours } from '../model.ts';
import { MAX_RESOURCES_PER_GUILD } from '../store/resources.ts';

/** `11:00-14:00,17:00-22:00` -> ranges; `closed` (or 休み) -> none; undefined when unreadable. */
export function hoursFromText(text: string): OpenRange[] | undefined {
  const trimmed = text.normalize('NFKC').trim().toLowerCase();
  if (trimmed === 'closed' || trimmed === '休み' || trimmed === '定休日') return [];
  const ranges = trimmed.split(/[,、\s]+/u).filter(Boolean);
  const parsed = ranges.map((range) => {
    const [open = '', close = ''] = range.split(/[-~〜]/u).map((part) => part.trim().padStart(5, '0'));
    return openRangeSchema.safeParse({ open, close });
  });
  if (parsed.length === 0 || parsed.some((p) => !p.success)) return undefined;
  return parsed.flatMap((p) => (p.success ? [p.data] : []));
}

/** Opening hours as lines, Sunday first: `Mon 11:00-14:00, 17:00-22:00`. */
export function hoursText(t: Translate, hours: WeekHours): string {
  return hours
    .map(
      (day, weekday) =>
        `${t(`weekday.${weekday as 0 | 1 | 2 | 3 | 4 | 5 | 6}`)} ${day.length ? day.map((r) => `${r.open}-${r.close}`).join(', ') : t('hours.closed')}`,
    )
    .join('\n');
}

/** The answer to saving a resource: saved with its rules, or why not. */
export function resourceMessage(t: Translate, saved: 'ok' | 'name_taken' | 'too_many', resource: Resource): string {
  if (saved === 'name_taken') return t('admin.name_taken', { resource: resource.name });
  if (saved === 'too_many') return t('admin.too_many', { max: MAX_RESOURCES_PER_GUILD });
  return t('admin.resource_saved', { resource: resource.name, capacity: resource.capacity, minutes: resource.slotMinutes });
}
