/** The chat lane's address: what the bot and the lane's own Discord code need to queue a conversation. */
import { laneRef } from '../lane.ts';
import { generateMessages as m } from './messages.ts';
import { generateInputSchema } from './schema.ts';

export const generateRef = laneRef({
  name: 'generate',
  role: 'conversation',
  input: generateInputSchema,
  verb: m.verb,
  // The new message: the history before it is the bot's own doing and is cut to the model's context.
  measure: (input) => input.messages.at(-1)?.content.length ?? 0,
});
