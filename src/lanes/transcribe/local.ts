/** `/transcribe <audio file> [language]` in the local chat: the file is read here and sent inline. */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { audioErrors } from '../../audio/errors.ts';
import { UserError } from '../../core/errors.ts';
import type { LaneLocal } from '../local.ts';
import { findLanguage } from '../../text/languages.ts';
import { transcribeMessages as m } from './messages.ts';
import type { TranscribeInput } from './schema.ts';

export const transcribeLocal: LaneLocal<TranscribeInput> = {
  command: '/transcribe',
  usage: '/transcribe <audio file> [language]',
  does: m.localDoes,
  async parse(args, { config }) {
    const [file = '', language] = args.split(/\s+/u).filter(Boolean);
    if (!file) throw new UserError('bad_request', m.usage);
    const spoken = language ? findLanguage(language) : undefined;
    if (language && !spoken) throw new UserError('unsupported_language', m.unknownLanguage(language));
    const resolved = path.resolve(file);
    const info = await stat(resolved).catch(() => null);
    if (!info?.isFile()) throw new UserError('bad_request', m.noFile(file));
    const max = config.limits.audio.maxBytes;
    if (info.size > max) throw audioErrors.tooLarge(info.size, max);
    if (info.size === 0) throw audioErrors.empty();
    const bytes = await readFile(resolved);
    return {
      audio: { kind: 'inline', base64: bytes.toString('base64'), name: path.basename(file) },
      ...(spoken ? { language: spoken.code } : {}),
    };
  },
};
