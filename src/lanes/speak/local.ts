/** `/speak [--out <file.ogg>] <text>` in the local chat: the speech is written to an .ogg file. */
import { UserError } from '../../core/errors.ts';
import type { LaneLocal } from '../local.ts';
import { speakMessages as m } from './messages.ts';
import { outFile, type SpeakInput } from './schema.ts';

export const speakLocal: LaneLocal<SpeakInput> = {
  command: '/speak',
  usage: '/speak [--out <file.ogg>] <text>',
  does: m.localDoes,
  async parse(args) {
    let text = args.trim();
    let out: string | undefined;
    const flag = /^--out\s+(\S+)\s*/u.exec(text);
    if (flag) {
      const parsed = outFile.safeParse(flag[1]);
      if (!parsed.success) throw new UserError('bad_request', m.badOut(flag[1] ?? ''));
      out = parsed.data;
      text = text.slice(flag[0].length).trim();
    }
    if (!text) throw new UserError('bad_request', m.localUsage);
    return { text, ...(out ? { out } : {}) };
  },
};
