/**
 * `npm run models -- check`: does each downloaded model behave like the model it claims to be? Tests prove the code
 * paths on tiny random models; only this proves that a real download is whole, is the right model, and is fed the way
 * it expects (`conventions.ts`). Each probe is a few known inputs with an unmistakable expected output.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { decodeAudio } from '../audio/index.ts';
import { PROJECT_ROOT } from '../config/index.ts';
import { forwardPass, type Embedder } from './embed.ts';
import { conventionsFor, translationCodes } from './conventions.ts';
import { modelStatus } from './models.ts';
import type { LaneTask, ModelRuntime, ModelSpec } from './runtime.ts';

export interface CheckOutcome {
  readonly status: 'ok' | 'failed' | 'missing';
  /** One line for the person running the check: what was seen, and what to do when it is wrong. */
  readonly detail: string;
}

type Probe = (pipeline: unknown, model: string) => Promise<CheckOutcome>;

const ok = (detail: string): CheckOutcome => ({ status: 'ok', detail });
const failed = (detail: string): CheckOutcome => ({ status: 'failed', detail });
const WRONG_MODEL = 'a random, wrong or damaged model?';

/**
 * Question, a paraphrase of it, and an unrelated question in the paraphrase's language. Across languages a model that
 * does not know meaning (random weights) has no shared word to lean on, so it passes each by chance only.
 */
export const EMBEDDER_TRIPLES: readonly (readonly [string, string, string])[] = [
  ['How do I get the member role?', 'メンバーロールはどうやってもらえますか？', '明日の東京の天気はどうですか？'],
  ['Where can I read the server rules?', 'サーバーのルールはどこで読めますか？', 'おすすめのラーメン屋を教えてください'],
  ['I forgot my password', 'パスワードを忘れてしまいました', '猫にどんな餌をあげればいいですか'],
  ['When does the next event start?', '次のイベントはいつ始まりますか？', '駅までの道を教えてください'],
  ['How do I join a voice channel?', 'How can I talk in voice chat?', 'What is the capital of France?'],
];

const checkEmbedder: Probe = async (pipeline, model) => {
  const embed = forwardPass(pipeline as Embedder, model);
  let passed = 0;
  const gaps: number[] = [];
  for (const triple of EMBEDDER_TRIPLES) {
    const [anchor, paraphrase, unrelated] = await embed([...triple]);
    const gap = dot(anchor!, paraphrase!) - dot(anchor!, unrelated!);
    gaps.push(gap);
    if (gap > 0) passed++;
  }
  const worst = Math.min(...gaps).toFixed(3);
  const summary = `${passed}/${EMBEDDER_TRIPLES.length} paraphrases ranked above an unrelated question (worst margin ${worst})`;
  return passed === EMBEDDER_TRIPLES.length ? ok(summary) : failed(`${summary}: ${WRONG_MODEL}`);
};

const checkTranslator: Probe = async (pipeline, model) => {
  const codes = translationCodes(
    conventionsFor(model, 'translator').conventions,
    { code: 'ja', nllb: 'jpn_Jpan' },
    { code: 'en', nllb: 'eng_Latn' },
  );
  const translate = pipeline as (text: string, options: object) => Promise<unknown>;
  const output = await translate('おはようございます', { ...codes, max_new_tokens: 24 });
  const text = String((output as { translation_text?: unknown }[])[0]?.translation_text ?? '').trim();
  const seen = `「おはようございます」 → "${text.slice(0, 60)}"`;
  return /morning/iu.test(text)
    ? ok(seen)
    : failed(`${seen}, expected "morning": ${WRONG_MODEL} (a pair model must translate Japanese to English)`);
};

/** The bundled English clip ("hello, how do I use this bot") and the words a working recogniser must hear in it. */
export const SPEECH_CLIP = path.join(PROJECT_ROOT, 'tests/fixtures/audio/speech-en.wav');
const SPEECH_WORDS = ['hello', 'how', 'use', 'bot'];

const checkSpeech: Probe = async (pipeline, model) => {
  const audio = await decodeAudio(new Uint8Array(await readFile(SPEECH_CLIP)), { maxBytes: 10_000_000, maxDurationSec: 60 });
  const multilingual = conventionsFor(model, 'speech').conventions.multilingual;
  const recognize = pipeline as (samples: Float32Array, options: object) => Promise<unknown>;
  const output = await recognize(audio.samples, { ...(multilingual ? { language: 'en', task: 'transcribe' } : {}), max_new_tokens: 32 });
  const text = String((output as { text?: unknown }).text ?? '').trim();
  const heard = SPEECH_WORDS.filter((word) => new RegExp(`\\b${word}\\b`, 'iu').test(text));
  const seen = `heard "${text.slice(0, 60)}" in a clip saying "hello, how do I use this bot"`;
  return heard.length >= 3 ? ok(seen) : failed(`${seen}: ${WRONG_MODEL}`);
};

const checkChat: Probe = async (pipeline) => {
  const generate = pipeline as (messages: object[], options: object) => Promise<unknown>;
  const question = 'What is 2+2? Reply with the number only.';
  const messages = [{ role: 'user', content: question }];
  const output = await generate(messages, { max_new_tokens: 12, do_sample: false });
  const conversation = (output as { generated_text?: unknown }[])[0]?.generated_text;
  const last = Array.isArray(conversation) ? (conversation.at(-1) as { content?: unknown } | undefined)?.content : conversation;
  const text = String(last ?? '').trim();
  const seen = `"What is 2+2?" → "${text.slice(0, 60)}"`;
  return /(^|[^0-9])(4|４)([^0-9]|$)|\bfour\b|四/iu.test(text) ? ok(seen) : failed(`${seen}, expected 4: ${WRONG_MODEL}`);
};

const PROBES: Readonly<Partial<Record<LaneTask, Probe>>> = Object.freeze({
  'feature-extraction': checkEmbedder,
  translation: checkTranslator,
  'automatic-speech-recognition': checkSpeech,
  'text-generation': checkChat,
});

/** Loads `spec` from the models folder only (never downloads) and runs its probe. */
export async function checkModel(runtime: Pick<ModelRuntime, 'load'>, spec: ModelSpec, modelsDir: string): Promise<CheckOutcome> {
  const status = await modelStatus(spec);
  if (!status.complete) {
    const missing = status.files.filter((f) => !f.present).map((f) => f.file);
    return { status: 'missing', detail: `missing ${missing.slice(0, 3).join(', ')}; run \`npm run models -- download\`` };
  }
  const probe = PROBES[spec.task];
  if (!probe) return ok(`no known-input check for ${spec.task} models; the files are all there`);
  let pipeline: unknown;
  try {
    pipeline = await runtime.load(spec);
  } catch (error) {
    return failed(
      `its files do not load (${firstLine(error, modelsDir)}): the download is broken; delete the model's folder and download it again`,
    );
  }
  try {
    return await probe(pipeline, spec.model);
  } catch (error) {
    return failed(`it failed on a known input (${firstLine(error, modelsDir)}): ${WRONG_MODEL}`);
  }
}

/** The first line of an error, with the machine's paths reduced to names (messages never show server paths). */
function firstLine(error: unknown, modelsDir: string): string {
  const message = (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
  return message
    .replaceAll(path.resolve(modelsDir) + path.sep, '')
    .replace(/(?<=^|[\s"'(=])(?:[A-Za-z]:)?[\\/](?:[^\s"'\\/:]+[\\/])+([^\s"'\\/:]+)/gu, '$1')
    .slice(0, 200);
}

function dot(a: Float32Array, b: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i]! * b[i]!;
  return sum;
}
