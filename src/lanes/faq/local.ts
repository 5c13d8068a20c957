/** `/ask <question>` in the local chat. */
import { UserError } from '../../core/errors.ts';
import type { LaneLocal } from '../local.ts';
import { faqMessages as m } from './messages.ts';
import type { FaqInput } from './schema.ts';

export const faqLocal: LaneLocal<FaqInput> = {
  command: '/ask',
  usage: '/ask <question>',
  does: m.localDoes,
  async parse(args) {
    if (!args.trim()) throw new UserError('bad_request', m.usage);
    return { question: args.trim() };
  },
};
