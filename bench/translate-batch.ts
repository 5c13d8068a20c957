/**
 * `npm run bench -- --only translate-batch`: the sentences of one message translated as ONE batched model call
 * (what the lane does) against one call per sentence (the floor: what it did before), on the fixture m2m_100 model
 * with NLLB's layout. ratio = batched time / one-by-one time: at or under 1, batching is never slower.
 */
import { PROJECT_ROOT, loadConfig } from '../src/config/index.ts';
import { createLogger } from '../src/core/logger.ts';
import { ModelRuntime } from '../src/inference/runtime.ts';
import { translateMessage } from '../src/lanes/translate/engine.ts';
import { findLanguage } from '../src/text/languages.ts';
import type { TranslationProvider } from '../src/lanes/translate/provider.ts';
import { createSeq2SeqProvider } from '../src/lanes/translate/providers/seq2seq.ts';
import { median, ratioOf, report, size } from './lib/report.ts';

const MESSAGES = size(12, 2);
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

await time(batched);
await time(oneByOne);
const runs = { batched: [] as number[], oneByOne: [] as number[] };
let calls = { batched: 0, oneByOne: 0 };
for (let i = 0; i < size(5, 1); i++) {
  const b = await time(batched);
  const o = await time(oneByOne);
  runs.batched.push(b.ms);
  runs.oneByOne.push(o.ms);
  calls = { batched: b.calls, oneByOne: o.calls };
}
await runtime.dispose();
const batchedMs = Math.round(median(runs.batched));
const oneByOneMs = Math.round(median(runs.oneByOne));
report({
  name: 'translate-batch',
  model: 'tiny-random-m2m100-nllb (fixture)',
  messages: MESSAGES,
  sentencesPerMessage: SENTENCES.length,
  ms: batchedMs,
  calls: calls.batched,
  floor: { ms: oneByOneMs, calls: calls.oneByOne },
  ratio: ratioOf(batchedMs, oneByOneMs),
});

function fail(code: string): never {
  throw new Error(`no language ${code}`);
}
