/**
 * What each default model expects of its input, in one frozen table: the tests run tiny random models, so nothing
 * else would notice if a real model were fed the wrong way (quality drops silently, or a long input crashes).
 *
 * Sources (model cards and reference code): multilingual-e5 — "Each input text should start with "query: " or
 * "passage: "… Use "query: " prefix for symmetric tasks such as semantic similarity, bitext mining, paraphrase
 * retrieval", mean pooling, L2 normalisation, 512 tokens; NLLB-200 — FLORES-200 codes (`jpn_Jpan`), "trained with input
 * lengths not exceeding 512 tokens"; Whisper — 16 kHz, 30 s windows, decoder prompt `<|startoftranscript|><|ja|>
 * <|transcribe|><|notimestamps|>`, 448 target positions, `*.en` checkpoints are English-only without language or task
 * tokens; Qwen2.5 Instruct — ChatML (`<|im_start|>role … <|im_end|>`) from the tokenizer's chat template, which adds
 * "You are Qwen, created by Alibaba Cloud…" when no system message is given, 32,768 context and 8,192 generated tokens;
 * BGE — CLS pooling, no prefix between two questions.
 */

/** A sentence embedder (the FAQ lane). */
export interface EmbedderConventions {
  readonly kind: 'embedder';
  /** Prefix for both texts when comparing like with like (a question with an FAQ question): the FAQ lane's case. */
  readonly symmetricPrefix: string;
  /** Prefixes for asymmetric retrieval (a question against passages such as answers). */
  readonly queryPrefix: string;
  readonly passagePrefix: string;
  /** Longest input in tokens (special tokens included); longer texts are truncated with a note. */
  readonly maxInputTokens: number;
  readonly pooling: 'mean' | 'cls';
  readonly normalize: boolean;
}

/** A translation model (the translate lane). */
export interface TranslatorConventions {
  readonly kind: 'translator';
  /** `flores-200`: `src_lang`/`tgt_lang` such as `jpn_Jpan`; `iso-639-1`: `ja`; `none`: a pair-specific model. */
  readonly languageCodes: 'flores-200' | 'iso-639-1' | 'none';
  readonly maxInputTokens: number;
}

/** A speech recogniser (the transcribe lane). */
export interface SpeechConventions {
  readonly kind: 'speech';
  readonly sampleRate: number;
  readonly windowSec: number;
  /** English-only checkpoints take neither a language nor a task token. */
  readonly multilingual: boolean;
  readonly startToken: string;
  readonly taskTokens: { readonly transcribe: string; readonly translate: string };
  readonly noTimestampsToken: string;
  /** Decoder positions, prompt included. */
  readonly maxTargetTokens: number;
}

/** An instruct model (the generate lane). */
export interface ChatConventions {
  readonly kind: 'chat';
  /** The prompt format the tokenizer's own chat template renders; kotodama always applies that template. */
  readonly template: 'chatml';
  /** Tokens the model can attend to (prompt + answer). */
  readonly contextTokens: number;
  readonly maxNewTokens: number;
  /** Tokens that end an answer. */
  readonly stopTokens: readonly string[];
  /** Why kotodama always sends a system message: the template otherwise injects this one. */
  readonly implicitSystemPrompt?: string;
}

export type ModelConventions = EmbedderConventions | TranslatorConventions | SpeechConventions | ChatConventions;

interface Row {
  /** Matches the model id's last path segment (`Xenova/multilingual-e5-small` → `multilingual-e5-small`). */
  readonly pattern: RegExp;
  readonly conventions: ModelConventions;
}

const e5 = (maxInputTokens: number): EmbedderConventions => ({
  kind: 'embedder',
  symmetricPrefix: 'query: ',
  queryPrefix: 'query: ',
  passagePrefix: 'passage: ',
  maxInputTokens,
  pooling: 'mean',
  normalize: true,
});

const whisper = (multilingual: boolean): SpeechConventions => ({
  kind: 'speech',
  sampleRate: 16_000,
  windowSec: 30,
  multilingual,
  startToken: '<|startoftranscript|>',
  taskTokens: { transcribe: '<|transcribe|>', translate: '<|translate|>' },
  noTimestampsToken: '<|notimestamps|>',
  maxTargetTokens: 448,
});

/** First match wins: specific rows before family rows. Deep-frozen below: nothing may adjust a convention at run time. */
const TABLE: readonly Row[] = deepFreeze([
  // Instruction-tuned e5 wants "Instruct: …\nQuery: " instead; not a default, so it falls to the generic row.
  { pattern: /^(multilingual-)?e5-(small|base|large)(-v2)?$/u, conventions: e5(512) },
  {
    pattern: /^bge-(small|base|large)-[a-z]{2}(-v1\.5)?$/u,
    conventions: { ...e5(512), symmetricPrefix: '', queryPrefix: '', passagePrefix: '', pooling: 'cls' },
  },
  { pattern: /^all-MiniLM-L\d+-v2$/u, conventions: { ...e5(256), symmetricPrefix: '', queryPrefix: '', passagePrefix: '' } },
  { pattern: /^tiny-random-bert$/u, conventions: { ...e5(512), symmetricPrefix: '', queryPrefix: '', passagePrefix: '' } },
  { pattern: /^nllb-200-/u, conventions: { kind: 'translator', languageCodes: 'flores-200', maxInputTokens: 512 } },
  { pattern: /^m2m100_/u, conventions: { kind: 'translator', languageCodes: 'iso-639-1', maxInputTokens: 1024 } },
  { pattern: /^(opus-mt-|tiny-random-marian)/u, conventions: { kind: 'translator', languageCodes: 'none', maxInputTokens: 512 } },
  { pattern: /^whisper-.*\.en$/u, conventions: whisper(false) },
  { pattern: /^(whisper-|tiny-random-whisper$)/u, conventions: whisper(true) },
  {
    pattern: /^Qwen2\.5-.*Instruct$/u,
    conventions: {
      kind: 'chat',
      template: 'chatml',
      contextTokens: 32_768,
      maxNewTokens: 8_192,
      stopTokens: ['<|im_end|>', '<|endoftext|>'],
      implicitSystemPrompt: 'You are Qwen, created by Alibaba Cloud. You are a helpful assistant.',
    },
  },
  {
    pattern: /^tiny-random-qwen2$/u,
    conventions: { kind: 'chat', template: 'chatml', contextTokens: 4096, maxNewTokens: 256, stopTokens: ['<|im_end|>', '<|endoftext|>'] },
  },
]);

/** What an unknown model of each kind is assumed to want: no prefix, the common 512-token BERT limit. */
const GENERIC: { readonly [K in ModelConventions['kind']]: Extract<ModelConventions, { kind: K }> } = deepFreeze({
  embedder: { ...e5(512), symmetricPrefix: '', queryPrefix: '', passagePrefix: '' },
  translator: { kind: 'translator', languageCodes: 'none', maxInputTokens: 512 },
  speech: whisper(true),
  chat: { kind: 'chat', template: 'chatml', contextTokens: 4096, maxNewTokens: 1024, stopTokens: [] },
});

/** The model id's name, without its owner and any folder (a local folder works like a Hub id). */
export function modelName(model: string): string {
  return model.replace(/\/+$/u, '').split('/').pop() ?? model;
}

/**
 * The conventions of `model` for a lane of `kind`: the table's row for it (or its family), else the generic ones.
 * `known` says whether the table had a row, for `models -- check` to mention it.
 */
export function conventionsFor<K extends ModelConventions['kind']>(
  model: string,
  kind: K,
): { readonly conventions: Extract<ModelConventions, { kind: K }>; readonly known: boolean } {
  const name = modelName(model);
  const row = TABLE.find((r) => r.pattern.test(name) && r.conventions.kind === kind);
  const conventions = (row?.conventions ?? GENERIC[kind]) as Extract<ModelConventions, { kind: K }>;
  return Object.freeze({ conventions, known: row !== undefined });
}

/** Every row, for the README table and tests. */
export const CONVENTIONS_TABLE: readonly { readonly pattern: string; readonly conventions: ModelConventions }[] = deepFreeze(
  TABLE.map((row) => ({ pattern: row.pattern.source, conventions: row.conventions })),
);

/** `src_lang`/`tgt_lang` for a translator, from a language's ISO code and FLORES-200 code (`translate/languages.ts`). */
export function translationCodes(
  conventions: TranslatorConventions,
  from: { readonly code: string; readonly nllb: string },
  to: { readonly code: string; readonly nllb: string },
): { src_lang: string; tgt_lang: string } | Record<string, never> {
  if (conventions.languageCodes === 'flores-200') return { src_lang: from.nllb, tgt_lang: to.nllb };
  if (conventions.languageCodes === 'iso-639-1') return { src_lang: from.code, tgt_lang: to.code };
  return {};
}

/** Whisper's forced decoder prompt for a language (ISO code) and task; English-only checkpoints take neither. */
export function whisperPrompt(conventions: SpeechConventions, language: string, task: 'transcribe' | 'translate'): string[] {
  if (!conventions.multilingual) return [conventions.startToken, conventions.noTimestampsToken];
  return [conventions.startToken, `<|${language}|>`, conventions.taskTokens[task], conventions.noTimestampsToken];
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !(value instanceof RegExp)) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
