/** Shared by the actions: loading a member's draft with its resource, and making a waitlist offer. */
import type { Resource } from '../model.ts';
import { newId } from '../model.ts';
import type { BookingServices } from '../services.ts';
import type { Offer } from '../store/bookings.ts';
import type { Draft } from '../store/drafts.ts';
import { type Problem, problem } from './problem.ts';

/** A fresh offer for whoever is first on the waitlist when seats free up. */
export function newOffer(services: BookingServices): Offer {
  return { id: newId('b'), expiresAt: services.clock.now() + services.config.offerMinutes * 60_000 };
}

/** Loads the draft and its resource, checking the draft belongs to `userId`. */
export async function loadDraft(
  services: BookingServices,
  draftId: string,
  userId: string,
): Promise<{ draft: Draft; resource: Resource } | Problem> {
  const draft = await services.drafts.get(draftId);
  if (!draft) return problem('refused.draft_expired');
  if (draft.userId !== userId) return problem('refused.not_yours');
  const resource = await services.resources.get(draft.guildId, draft.resourceId);
  if (!resource) return problem('refused.unknown_resource', { name: '' });
  return { draft, resource };
}
