/**
 * One Whisper window: log-mel features, then greedy generation that starts from <|startoftranscript|>
 * alone and steers the prompt itself. transformers.js v4 has no language detection (it silently
 * defaults to English), so the first decoding step *is* the detection: its logits give the language
 * (the most likely language token, as OpenAI's `detect_language`) and the probability of
 * <|nospeech|>; then the task and <|notimestamps|> are forced and the text follows, all in one
 * encoder pass. The mean log-probability of the chosen text tokens is kept for the no-speech rule.
 */
import { LogitsProcessor, LogitsProcessorList, StoppingCriteria, type Tensor } from '@huggingface/transformers';

/** The parts of the transformers.js ASR pipeline this needs, typed narrowly (the library's are loose). */
export interface WhisperParts {
  processor(audio: Float32Array): Promise<{ input_features: Tensor }>;
  model: {
    generation_config: unknown;
    generate(options: Record<string, unknown>): Promise<unknown>;
  };
  tokenizer: { get_vocab(): Map<string, number>; decode(ids: readonly bigint[], options: { skip_special_tokens: boolean }): string };
}

interface WhisperGeneration {
  decoder_start_token_id: number;
  no_timestamps_token_id: number;
  is_multilingual?: boolean;
  lang_to_id?: Record<string, number>;
  task_to_id?: Record<string, number>;
  begin_suppress_tokens?: number[];
}

export interface WindowRequest {
  /** Force this language; otherwise the window's most likely language is used. */
  readonly language?: string | undefined;
  readonly task: 'transcribe' | 'translate';
  /** Stops decoding at the next step (the text is then incomplete). */
  readonly signal?: AbortSignal;
}

export interface WindowDecode {
  readonly text: string;
  /** Language code the window was decoded in (null for English-only models). */
  readonly language: string | null;
  /** Probability of that language among all language tokens at the first step. */
  readonly languageProbability: number;
  /** Probability of <|nospeech|> at the first step (0 when the vocabulary has none). */
  readonly noSpeechProbability: number;
  /** Mean log-probability of the generated text tokens (0 when none). */
  readonly avgLogprob: number;
}

export async function decodeWindow(asr: WhisperParts, samples: Float32Array, request: WindowRequest): Promise<WindowDecode> {
  const config = asr.model.generation_config as WhisperGeneration;
  const vocab = asr.tokenizer.get_vocab();
  const languages = new Map(Object.entries(config.lang_to_id ?? {}).map(([token, id]) => [id, token.slice(2, -2)]));
  const forced = request.language === undefined ? undefined : config.lang_to_id?.[`<|${request.language}|>`];
  if (request.language !== undefined && forced === undefined && config.is_multilingual) {
    throw new Error(`language ${request.language} is not in the model's vocabulary`);
  }
  const steer = new PromptSteering({
    languages: config.is_multilingual ? [...languages.keys()] : [],
    forcedLanguage: forced,
    task: config.task_to_id?.[request.task],
    noTimestamps: config.no_timestamps_token_id,
    noSpeech: vocab.get('<|nospeech|>') ?? vocab.get('<|nocaptions|>'),
    beginSuppress: config.begin_suppress_tokens ?? [],
  });
  const { input_features } = await asr.processor(samples);
  const list = new LogitsProcessorList();
  list.push(steer);
  const stop = request.signal ? [new AbortCriteria(request.signal)] : null;
  const output = (await asr.model.generate({
    inputs: input_features,
    decoder_input_ids: [config.decoder_start_token_id],
    logits_processor: list,
    stopping_criteria: stop,
  })) as Tensor;
  const sequence = (output.tolist() as bigint[][])[0] ?? [];
  const text = asr.tokenizer.decode(sequence.slice(steer.promptLength), { skip_special_tokens: true }).trim();
  return {
    text,
    language: steer.language === undefined ? null : (languages.get(steer.language) ?? null),
    languageProbability: steer.languageProbability,
    noSpeechProbability: steer.noSpeechProbability,
    avgLogprob: steer.scored ? steer.logprobSum / steer.scored : 0,
  };
}

interface SteeringTokens {
  readonly languages: readonly number[];
  readonly forcedLanguage: number | undefined;
  readonly task: number | undefined;
  readonly noTimestamps: number;
  readonly noSpeech: number | undefined;
  readonly beginSuppress: readonly number[];
}

/** Forces <|lang|> <|task|> <|notimestamps|> after <|startoftranscript|> and records what it saw. */
class PromptSteering extends LogitsProcessor {
  language: number | undefined;
  languageProbability = 1;
  noSpeechProbability = 0;
  logprobSum = 0;
  scored = 0;
  readonly #prompt: (number | 'language')[];

  constructor(private readonly tokens: SteeringTokens) {
    super();
    const multilingual = tokens.languages.length > 0;
    this.#prompt = [...(multilingual ? (['language', tokens.task] as const) : []), tokens.noTimestamps].filter(
      (t): t is number | 'language' => t !== undefined,
    );
  }

  get promptLength(): number {
    return 1 + this.#prompt.length;
  }

  override _call(inputIds: bigint[][], logits: Tensor): Tensor {
    const step = (inputIds[0]?.length ?? 1) - 1;
    const row = (logits as unknown as { data: Float32Array }[])[0]!.data;
    if (step === 0 && this.tokens.noSpeech !== undefined) this.noSpeechProbability = softmaxAt(row, null, this.tokens.noSpeech);
    const forced = this.#prompt[step];
    if (forced === 'language') {
      const candidates = this.tokens.forcedLanguage === undefined ? this.tokens.languages : [this.tokens.forcedLanguage];
      this.language = candidates.reduce((best, id) => (row[id]! > row[best]! ? id : best), candidates[0]!);
      this.languageProbability = softmaxAt(row, this.tokens.languages, this.language);
      force(row, this.language);
    } else if (forced !== undefined) {
      force(row, forced);
    } else {
      if (step === this.#prompt.length) for (const id of this.tokens.beginSuppress) row[id] = -Infinity;
      // Greedy decoding picks the maximum of these (final) logits: score that choice.
      let best = 0;
      for (let i = 1; i < row.length; i++) if (row[i]! > row[best]!) best = i;
      this.logprobSum += Math.log(Math.max(softmaxAt(row, null, best), 1e-30));
      this.scored += 1;
    }
    return logits;
  }
}

/** Ends generation at the next step once the job is cancelled or timed out. */
class AbortCriteria extends StoppingCriteria {
  constructor(private readonly signal: AbortSignal) {
    super();
  }

  override _call(inputIds: number[][]): boolean[] {
    return inputIds.map(() => this.signal.aborted);
  }
}

function force(row: Float32Array, id: number): void {
  row.fill(-Infinity);
  row[id] = 0;
}

/** softmax(row restricted to `ids`, or all of it)[target], computed stably. */
function softmaxAt(row: Float32Array, ids: readonly number[] | null, target: number): number {
  let max = -Infinity;
  let sum = 0;
  if (ids) {
    for (const id of ids) max = Math.max(max, row[id]!);
    for (const id of ids) sum += Math.exp(row[id]! - max);
  } else {
    for (const value of row) max = Math.max(max, value);
    for (const value of row) sum += Math.exp(value - max);
  }
  return Math.exp(row[target]! - max) / sum;
}
