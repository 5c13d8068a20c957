/** A member picked one of the suggested free times instead of the one refused: a new draft for it. */
import type { BookingServices } from '../services.ts';
import { loadDraft } from './load.ts';
import { prepareBook, type Prepared, prepareMove } from './prepare.ts';
import { problem } from './problem.ts';

/** A new draft at `start` from a refused draft (same member, party and note). */
export async function prepareAlternative(services: BookingServices, draftId: string, userId: string, start: number): Promise<Prepared> {
  const loaded = await loadDraft(services, draftId, userId);
  if ('key' in loaded) return { ok: false, problem: loaded, suggestions: [] };
  const { draft, resource } = loaded;
  if (draft.kind === 'move') {
    const booking = draft.bookingId ? await services.bookings.get(resource, draft.bookingId) : undefined;
    if (!booking || booking.status === 'cancelled') return { ok: false, problem: problem('refused.missing'), suggestions: [] };
    return prepareMove(services, resource, booking, start);
  }
  const { userId: owner, party, name, note, locale, channelId } = draft;
  return prepareBook(services, { resource, userId: owner, start, party, name, note, locale, ...(channelId ? { channelId } : {}) });
}
