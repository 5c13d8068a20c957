/** The speak lane's address: what the bot and the lane's own Discord and local code need to queue a reading. */
import { laneRef } from '../lane.ts';
import { speakMessages as m } from './messages.ts';
import { speakInputSchema } from './schema.ts';

export const speakRef = laneRef({
  name: 'speak',
  role: 'speech',
  input: speakInputSchema,
  verb: m.verb,
  measure: (input) => input.text.length,
});
