/**
 * Retention: bookings carry a member's id, name and note, so they are deleted `booking.retentionDays` after their
 * slot (the daily `prune` job of the reminder queue runs this). Waitlists expire by themselves when their slot starts.
 */
import type { BookingServices } from '../services.ts';

const DAY_MS = 86_400_000;

/** Deletes every server's bookings older than the retention limit; returns how many went. */
export async function pruneAll(services: BookingServices): Promise<number> {
  const cutoff = services.clock.now() - services.config.retentionDays * DAY_MS;
  let removed = 0;
  for (const [resourceId, guildId] of await services.resources.allResources()) {
    // Batches keep each script short, so Redis never blocks long on a large history.
    let batch: number;
    do {
      batch = await services.bookings.prune({ guildId, id: resourceId }, cutoff);
      removed += batch;
    } while (batch > 0);
  }
  if (removed > 0) services.logger.info({ removed, retentionDays: services.config.retentionDays }, 'old bookings deleted');
  return removed;
}
