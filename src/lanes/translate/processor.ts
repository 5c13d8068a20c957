/**
 * Translation: Japanese <-> English first, any pair the model covers. The default model (NLLB-200)
 * takes source/target language codes; pair-specific Marian models (`translate.pairModels`) take none.
 */
import { UserError } from '../../core/errors.ts';
import type { LaneDeps } from '../lane.ts';
import type { LaneProcessor } from '../process-context.ts';
import { detectLanguage } from './detect.ts';
import { languageText } from './language-text.ts';
import { findLanguage, supportedLanguageList } from './languages.ts';
import { joinMarkup, splitMarkup } from './markup.ts';
import { translateMessages as m } from './messages.ts';
import type { TranslateInput, TranslateResult } from './schema.ts';

/** Model families that need NLLB-style language codes; Marian (pair-specific) models need none. */
const MULTILINGUAL_TYPES = new Set(['m2m_100', 'nllb', 'nllb-moe']);

export function createTranslateProcessor({
  config,
  runtime,
}: Pick<LaneDeps, 'config' | 'runtime'>): LaneProcessor<TranslateInput, TranslateResult> {
  const lane = config.lanes.translate;
  return async (input, { report }) => {
    const to = findLanguage(input.to);
    if (!to) throw new UserError('unsupported_language', m.unknownTarget(input.to, supportedLanguageList()));
    const fromCode = input.from ?? detectLanguage(input.text);
    const from = findLanguage(fromCode);
    if (!from) throw new UserError('unsupported_language', m.unknownSource(fromCode, supportedLanguageList()));
    if (from.code === to.code) throw new UserError('bad_request', m.sameLanguage(languageText(to.code)));

    const model = config.translate.pairModels[`${from.code}-${to.code}`] ?? lane.model;
    report({ stage: m.loadingModel });
    const translator = await runtime.load({ task: 'translation', model, dtype: lane.dtype, device: lane.device });
    const multilingual = MULTILINGUAL_TYPES.has(String(translator.model.config.model_type));
    const pieces = splitMarkup(input.text);
    const prose = pieces.filter((piece) => piece.translate).map((piece) => piece.text);
    report({ stage: m.translatingPair(languageText(from.code), languageText(to.code)), percent: 0 });
    const translated: string[] = [];
    for (const [index, text] of prose.entries()) {
      const options = {
        max_new_tokens: Math.min(512, text.length * 3 + 16),
        ...(multilingual ? { src_lang: from.nllb, tgt_lang: to.nllb } : {}),
      };
      const output = await translator(text, options as never);
      const first = Array.isArray(output) ? output[0] : output;
      translated.push((first as { translation_text?: string } | undefined)?.translation_text?.trim() ?? '');
      report({ percent: Math.round(((index + 1) / prose.length) * 100) });
    }
    return { text: joinMarkup(pieces, translated), from: from.code, to: to.code, model };
  };
}
