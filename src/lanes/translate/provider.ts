/**
 * The contract of a translator, whoever runs it: a seq2seq translation model through transformers.js (NLLB-200,
 * Marian opus-mt; `providers/seq2seq.ts`) or an instruct language model prompted to translate, local or on an
 * OpenAI-compatible server (`providers/llm.ts`). The engine only talks to this.
 */
import type { Language } from '../../text/languages.ts';

export interface LanguagePair {
  readonly from: Language;
  readonly to: Language;
}

export interface TranslatedText {
  readonly text: string;
  /** The output reached the length limit: it may be cut, so the engine splits the input further. */
  readonly truncated: boolean;
}

export interface TranslationProvider {
  /** `seq2seq` or `llm`, for results and logs. */
  readonly kind: 'seq2seq' | 'llm';
  /** The model id, for results and logs. */
  readonly model: string;
  /** Longest input the model takes, in its tokens. */
  readonly maxInputTokens: number;
  /** Length of `text` in the model's tokens (an estimate where the tokenizer is remote). */
  countTokens(text: string): number;
  /**
   * Translates every text in ONE model call (one batch), in order. Placeholders `{n}` should come back unchanged;
   * the engine checks them.
   */
  translateBatch(texts: readonly string[], pair: LanguagePair, signal?: AbortSignal): Promise<TranslatedText[]>;
}
