/**
 * Translation: Japanese <-> English first, any pair the model covers. The default model (NLLB-200)
 * takes source/target language codes; pair-specific Marian models (`translate.pairModels`) take none.
 */
import type { Config } from '../../config/index.ts';
import { UserError } from '../../core/errors.ts';
import type { ModelRuntime } from '../../inference/runtime.ts';
import type { LaneProcessor } from '../processor.ts';
import { resolveLane } from '../registry.ts';
import { detectLanguage } from './detect.ts';
import { findLanguage, languageName, supportedLanguageList } from './languages.ts';
import { joinMarkup, splitMarkup } from './markup.ts';

/** Model families that need NLLB-style language codes; Marian (pair-specific) models need none. */
const MULTILINGUAL_TYPES = new Set(['m2m_100', 'nllb', 'nllb-moe']);

export interface TranslateDeps {
  readonly config: Config;
  readonly runtime: ModelRuntime;
}

export function createTranslateProcessor({ config, runtime }: TranslateDeps): LaneProcessor<'translate'> {
  const lane = resolveLane(config, 'translate');
  return async (input, { report }) => {
    const to = findLanguage(input.to);
    if (!to)
      throw new UserError('unsupported_language', `I can't translate into "${input.to}". Languages I know: ${supportedLanguageList()}.`);
    const fromCode = input.from ?? detectLanguage(input.text);
    const from = findLanguage(fromCode);
    if (!from)
      throw new UserError('unsupported_language', `I can't translate from "${fromCode}". Languages I know: ${supportedLanguageList()}.`);
    if (from.code === to.code) throw new UserError('bad_request', `This text already looks like ${to.name}; pick another target language.`);

    const model = config.translate.pairModels[`${from.code}-${to.code}`] ?? lane.model;
    report({ stage: 'loading model' });
    const translator = await runtime.load({ task: 'translation', model, dtype: lane.dtype, device: lane.device });
    const multilingual = MULTILINGUAL_TYPES.has(String(translator.model.config.model_type));
    const pieces = splitMarkup(input.text);
    const prose = pieces.filter((piece) => piece.translate).map((piece) => piece.text);
    report({ stage: `translating ${languageName(from.code)} → ${languageName(to.code)}`, percent: 0 });
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
