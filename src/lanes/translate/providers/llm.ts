/**
 * An instruct language model prompted to translate, through the chat lane's `ChatProvider`: the local model
 * (transformers.js text-generation) or any OpenAI-compatible server (llama.cpp, Ollama, vLLM). Several chunks go in
 * ONE request as numbered segments `<s1>…</s1>`; a segment missing from the answer is asked for again on its own.
 * The prompt tells the model to copy placeholders `{n}`; the engine checks that it did.
 */
import type { ChatProvider, ChatTurn } from '../../../inference/chat.ts';
import type { LanguagePair, TranslatedText, TranslationProvider } from '../provider.ts';

export interface LlmProviderOptions {
  readonly chat: ChatProvider;
  /** Model id on the provider; its default when absent. */
  readonly model?: string | undefined;
  /** Longest input in (estimated) tokens. @defaultValue 2048 */
  readonly maxInputTokens?: number;
  /** Cap on the answer's tokens. @defaultValue 1024 */
  readonly maxNewTokens?: number;
}

/** The system prompt: translation only, placeholders copied. Exported for tests and the README. */
export function translationPrompt(pair: LanguagePair): string {
  return [
    `You are a translation engine. Translate the user's chat message from ${pair.from.name} to ${pair.to.name}.`,
    'Answer with the translation only: no notes, no quotes, no explanations.',
    'Copy every placeholder such as {1} or {2} exactly as written, once each, where it belongs in the translated sentence.',
    'Keep names, numbers and line breaks.',
  ].join('\n');
}

const SEGMENT = /<s(\d+)>([\s\S]*?)<\/s\1>/gu;

/** Remote tokenizers are unknown: about 4 Latin characters a token, one token per CJK character. */
export function estimateTokens(text: string): number {
  const cjk = [...text.matchAll(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu)].length;
  return Math.ceil((text.length - cjk) / 4) + cjk;
}

export class LlmTranslationProvider implements TranslationProvider {
  readonly kind = 'llm';
  readonly model: string;
  readonly maxInputTokens: number;
  readonly #maxNewTokens: number;

  constructor(private readonly options: LlmProviderOptions) {
    this.model = options.model ?? options.chat.defaultModel;
    this.maxInputTokens = options.maxInputTokens ?? 2048;
    this.#maxNewTokens = options.maxNewTokens ?? 1024;
  }

  countTokens(text: string): number {
    return estimateTokens(text);
  }

  async translateBatch(texts: readonly string[], pair: LanguagePair, signal?: AbortSignal): Promise<TranslatedText[]> {
    if (texts.length === 0) return [];
    if (texts.length === 1) return [await this.#ask(texts[0] ?? '', pair, signal)];
    const body = texts.map((text, i) => `<s${i + 1}>${text}</s${i + 1}>`).join('\n');
    const answer = await this.#ask(
      `Translate each segment separately. Answer with the same numbered tags, one per segment, in order.\n\n${body}`,
      pair,
      signal,
    );
    const segments = new Map([...answer.text.matchAll(SEGMENT)].map((match) => [Number(match[1]), (match[2] ?? '').trim()]));
    const results: TranslatedText[] = [];
    for (const [i, text] of texts.entries()) {
      const found = segments.get(i + 1);
      // A segment the model skipped (or an answer cut off before it) is asked for on its own.
      results.push(found !== undefined ? { text: found, truncated: false } : await this.#ask(text, pair, signal));
    }
    return results;
  }

  async #ask(text: string, pair: LanguagePair, signal: AbortSignal | undefined): Promise<TranslatedText> {
    const messages: ChatTurn[] = [
      { role: 'system', content: translationPrompt(pair) },
      { role: 'user', content: text },
    ];
    let out = '';
    const outcome = await this.options.chat.stream(
      { messages, ...(this.options.model ? { model: this.options.model } : {}), maxNewTokens: this.#maxNewTokens, temperature: 0, topP: 1 },
      signal ?? new AbortController().signal,
      (piece) => {
        out += piece;
      },
    );
    return { text: out.trim(), truncated: outcome.finish === 'length' };
  }
}
