/** Why something could not be done, as a catalogue message the surface shows in the member's language. */
import type { MessageKey } from '../messages.ts';
import type { MessageParams } from '../locale.ts';
import type { Refusal } from '../store/bookings.ts';

/** A catalogue key and its parameters. */
export interface Problem {
  readonly key: MessageKey;
  readonly params: MessageParams;
}

/** A problem from a key. */
export function problem(key: MessageKey, params: MessageParams = {}): Problem {
  return { key, params };
}

/** The message for a refusal from the booking store. */
export function refusalProblem(refusal: Refusal, party = 0): Problem {
  switch (refusal.reason) {
    case 'full':
      return problem('refused.full', { free: Math.max(0, refusal.free), party });
    case 'limit':
      return problem('refused.limit', { count: refusal.count });
    case 'not_expired':
      return problem('done.already_confirmed');
    case 'not_offered':
      return problem('done.already_confirmed');
    default:
      return problem(`refused.${refusal.reason}`);
  }
}
