/** `/chat <message>` in the local chat (plain text goes through the bot's answer policy instead). */
import { UserError } from '../../core/errors.ts';
import type { LaneLocal } from '../local.ts';
import { generateMessages as m } from './messages.ts';
import type { GenerateInput } from './schema.ts';

export const generateLocal: LaneLocal<GenerateInput> = {
  command: '/chat',
  usage: '/chat <message>',
  does: m.localDoes,
  async parse(args) {
    if (!args.trim()) throw new UserError('bad_request', m.usage);
    return { messages: [{ role: 'user', content: args.trim() }] };
  },
};
