/**
 * `npm run bench -- translate-batch`: the sentences of one message translated as ONE batched model call (what the
 * lane does) against one call per sentence (what it did before), on the fixture m2m_100 model with NLLB's layout.
 * Prints one JSON line `{name, …figures, floor, ratio}`; ratio = one-by-one time / batched time, and the run fails
 * when it falls below the floor (batching must never be slower).
 */
import { PROJECT_ROOT, loadConfig } from '../src/config/index.ts';
import { createLogger } from '../src/core/logger.ts';
import { ModelRuntime } from '../src/inference/runtime.ts';
import { translateMessage } from '../src/lanes/translate/engine.ts';
import { findLanguage } from '../src/text/languages.ts';
import type { TranslationProvider } from '../src/lanes/translate/provider.ts';
import { createSeq2SeqProvider } from '../src/lanes/translate/providers/seq2seq.ts';

const FLOOR = 1.0;
const MESSAGES = 12;
const SENTENCES = [
  'Good morning everyone.',
  'The event starts at nine.',
  'Please read the rules first.',
  'See you in the voice channel.',
  'Thanks for the help yesterday.',
  'The link is in the pinned message.',
];

const config = loadConfig({ env: { KOTODAMA_PROFILE: 'fixtures' }, root: PROJECT_ROOT });
const runtime = new ModelRuntime({ models: config.models, logger: createLogger({ level: 'silent' }) });
const model = await createSeq2SeqProvider({ runtime, model: 'tiny-random-m2m100-nllb', lane: { dtype: 'fp32', device: 'cpu' } });
/** Model calls (generate() runs) so far. */
let modelCalls = 0;
const batched: TranslationProvider = {
  ...model,
  countTokens: (text) => model.countTokens(text),
  translateBatch(texts, pair, signal) {
    modelCalls += 1;
    return model.translateBatch(texts, pair, signal);
  },
};
/** The same model, one call per text: the lane's behaviour before batching. */
const oneByOne: TranslationProvider = {
  ...batched,
  countTokens: (text) => batched.countTokens(text),
  async translateBatch(texts, pair, signal) {
    const out = [];
    for (const text of texts) out.push(...(await batched.translateBatch([text], pair, signal)));
    return out;
  },
};
const pair = { from: findLanguage('en') ?? fail('en'), to: findLanguage('ja') ?? fail('ja') };
// Each sentence on its own line: one chunk per sentence, as a member's multi-line message gives.
const message = SENTENCES.join('\n');

async function time(provider: TranslationProvider): Promise<{ ms: number; calls: number }> {
  const before = modelCalls;
  const started = performance.now();
  for (let i = 0; i < MESSAGES; i++) await translateMessage(message, { provider, pair, chunkTokens: 200 });
  return { ms: performance.now() - started, calls: modelCalls - before };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
await time(batched);
await time(oneByOne);
const runs = { batched: [] as number[], oneByOne: [] as number[] };
let calls = { batched: 0, oneByOne: 0 };
for (let i = 0; i < 5; i++) {
  const b = await time(batched);
  const o = await time(oneByOne);
  runs.batched.push(b.ms);
  runs.oneByOne.push(o.ms);
  calls = { batched: b.calls, oneByOne: o.calls };
}
await runtime.dispose();
const ratio = median(runs.oneByOne) / median(runs.batched);
console.log(
  JSON.stringify({
    name: 'translate-batch',
    model: 'tiny-random-m2m100-nllb (fixture)',
    messages: MESSAGES,
    sentences_per_message: SENTENCES.length,
    batched_ms: Math.round(median(runs.batched)),
    one_by_one_ms: Math.round(median(runs.oneByOne)),
    batched_calls: calls.batched,
    one_by_one_calls: calls.oneByOne,
    floor: FLOOR,
    ratio: Math.round(ratio * 100) / 100,
  }),
);
if (ratio < FLOOR) process.exit(1);

function fail(code: string): never {
  throw new Error(`no language ${code}`);
}
