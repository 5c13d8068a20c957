/**
 * Translation models run by transformers.js' `translation` pipeline. Multilingual tokenizers list their language
 * codes (`language_codes`): NLLB-200 takes FLORES-200 codes (`jpn_Jpan`), M2M100 takes ISO codes (`ja`); the
 * provider passes whichever the model knows as `src_lang`/`tgt_lang`. Pair-specific Marian (opus-mt) models take none. All texts of a batch
 * go through one `generate()` call (padded batch); an output that used up `max_new_tokens` is reported as cut off.
 */
import { languageText } from '../../../text/language-text.ts';
import { translateMessages as m } from '../messages.ts';
import { InterruptableStoppingCriteria, StoppingCriteriaList } from '@huggingface/transformers';
import type { LaneConfig } from '../../../config/index.ts';
import type { ModelRuntime, PipelineFor } from '../../../inference/runtime.ts';
import { UserError } from '../../../core/errors.ts';
import type { Language } from '../../../text/languages.ts';
import type { LanguagePair, TranslatedText, TranslationProvider } from '../provider.ts';

/** Longest output per input token; Japanese ⇄ English rarely needs more than 2×. */
const OUTPUT_PER_INPUT_TOKEN = 3;
const OUTPUT_SLACK = 16;

export interface Seq2SeqOptions {
  readonly runtime: ModelRuntime;
  readonly model: string;
  readonly lane: Pick<LaneConfig, 'dtype' | 'device'>;
  /** Cap on generated tokens per text. @defaultValue 512 */
  readonly maxNewTokens?: number;
}

export async function createSeq2SeqProvider(options: Seq2SeqOptions): Promise<TranslationProvider> {
  const translator = await options.runtime.load({
    task: 'translation',
    model: options.model,
    dtype: options.lane.dtype,
    device: options.lane.device,
  });
  return new Seq2SeqProvider(translator, options.model, options.maxNewTokens ?? 512);
}

class Seq2SeqProvider implements TranslationProvider {
  readonly kind = 'seq2seq';
  readonly maxInputTokens: number;
  /** The model's language codes (NLLB or M2M100 style), or none for single-pair models. */
  readonly #codes: ReadonlySet<string> | undefined;

  constructor(
    private readonly translator: PipelineFor<'translation'>,
    readonly model: string,
    private readonly maxNewTokens: number,
  ) {
    const limit: unknown = translator.tokenizer.model_max_length;
    this.maxInputTokens = typeof limit === 'number' && limit > 0 && limit < 100_000 ? limit : 512;
    const codes: unknown = 'language_codes' in translator.tokenizer ? translator.tokenizer.language_codes : undefined;
    this.#codes = Array.isArray(codes) && codes.length ? new Set(codes.map(String)) : undefined;
  }

  /** NLLB's FLORES-200 code, else the ISO code (M2M100: `ja`, `zh`), whichever the model has. */
  #code(language: Language): string {
    const found = [language.nllb, language.code, language.code.split('-')[0] ?? ''].find((code) => this.#codes?.has(code));
    if (!found) throw new UserError('unsupported_language', m.modelLacksLanguage(this.model, languageText(language.code)));
    return found;
  }

  countTokens(text: string): number {
    return this.translator.tokenizer.encode(text).length;
  }

  async translateBatch(texts: readonly string[], pair: LanguagePair, signal?: AbortSignal): Promise<TranslatedText[]> {
    if (texts.length === 0) return [];
    const limit = Math.min(
      this.maxNewTokens,
      Math.max(...texts.map((text) => this.countTokens(text))) * OUTPUT_PER_INPUT_TOKEN + OUTPUT_SLACK,
    );
    const stop = new InterruptableStoppingCriteria();
    const onAbort = () => stop.interrupt();
    signal?.addEventListener('abort', onAbort, { once: true });
    const criteria = new StoppingCriteriaList();
    criteria.push(stop);
    try {
      if (signal?.aborted) stop.interrupt();
      const outputs = await this.translator([...texts], {
        max_new_tokens: limit,
        stopping_criteria: criteria,
        ...(this.#codes ? { src_lang: this.#code(pair.from), tgt_lang: this.#code(pair.to) } : {}),
      });
      return outputs.map((output) => {
        const text = output.translation_text.trim();
        // Special tokens (</s>, the language token) are not in the text; anything near the cap was cut off.
        return { text, truncated: this.translator.tokenizer.encode(text, { add_special_tokens: false }).length >= limit - 2 };
      });
    } finally {
      signal?.removeEventListener('abort', onAbort);
    }
  }
}
