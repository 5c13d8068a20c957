/** The FAQ lane's address: what the bot and the lane's own Discord code need to queue a question. */
import { laneRef } from '../lane.ts';
import { faqMessages as m } from './messages.ts';
import { faqInputSchema } from './schema.ts';

export const faqRef = laneRef({
  name: 'faq',
  role: 'knowledge',
  input: faqInputSchema,
  verb: m.verb,
  measure: (input) => input.question.length,
});
