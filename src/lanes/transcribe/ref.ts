/** The speech-to-text lane's address: what the bot and the lane's own Discord code need to queue audio. */
import { laneRef } from '../lane.ts';
import { transcribeMessages as m } from './messages.ts';
import { transcribeInputSchema } from './schema.ts';

export const transcribeRef = laneRef({
  name: 'transcribe',
  role: 'transcription',
  input: transcribeInputSchema,
  verb: m.verb,
});
