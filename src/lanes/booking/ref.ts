/** The booking lane's address: what its local-chat command needs to queue a line. */
import { laneRef } from '../lane.ts';
import { MESSAGES } from './messages.ts';
import { bookingInputSchema } from './schema.ts';

export const bookingRef = laneRef({
  name: 'booking',
  role: 'reservation',
  input: bookingInputSchema,
  verb: MESSAGES['lane.verb'],
  measure: (input) => input.line.length,
});
