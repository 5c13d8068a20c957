/** `/translate <language> <text>` in the local chat. */
import { UserError } from '../../core/errors.ts';
import type { LaneLocal } from '../local.ts';
import { findLanguage, supportedLanguageList } from '../../text/languages.ts';
import { translateMessages as m } from './messages.ts';
import type { TranslateInput } from './schema.ts';

export const translateLocal: LaneLocal<TranslateInput> = {
  command: '/translate',
  usage: '/translate <language> <text>',
  does: m.localDoes,
  async parse(args) {
    const [target = ''] = args.split(/\s+/u);
    const text = args.slice(target.length).trim();
    if (!target || !text) throw new UserError('bad_request', m.usage);
    const language = findLanguage(target);
    if (!language) throw new UserError('unsupported_language', m.unknownTarget(target, supportedLanguageList()));
    return { text, to: language.code };
  },
};
