/** The translation lane's address: what the bot and the lane's own Discord code need to queue a translation. */
import { laneRef } from '../lane.ts';
import { translateMessages as m } from './messages.ts';
import { translateInputSchema } from './schema.ts';

export const translateRef = laneRef({
  name: 'translate',
  role: 'translation',
  input: translateInputSchema,
  verb: m.verb,
  measure: (input) => input.text.length,
});
