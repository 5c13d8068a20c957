/**
 * The translate lane against the bare model call: a typical 20-word chat message (English → Japanese, and a
 * Japanese message → English) through the lane's processor (language detection, markup split, the model, joining)
 * against the same text given to the translation pipeline directly with the same options. Figures: time per
 * message and source characters per second. Target: lane overhead under 5%.
 *
 *   npm run bench -- --only translate-lane [--real] [--runs=5]
 */
import { createLogger } from '../src/core/logger.ts';
import { ModelRuntime } from '../src/inference/runtime.ts';
import { findLanguage } from '../src/text/languages.ts';
import { createTranslateProcessor } from '../src/lanes/translate/processor.ts';
import { median, option, ratioOf, report, round, size, withCpu } from './lib/report.ts';
import { benchJobContext, benchSetup } from './lib/setup.ts';
import { MESSAGE_EN_20_WORDS, MESSAGE_JA } from './lib/texts.ts';

const runs = Number(option('runs', String(size(5, 1))));
const logger = createLogger({ level: 'silent' });
const { config, models } = benchSetup();
const runtime = new ModelRuntime({ models: config.models, logger });
const lane = config.lanes.translate;
const translate = createTranslateProcessor({ config, runtime });
const translator = await runtime.load({ task: 'translation', model: lane.model, dtype: lane.dtype, device: lane.device });
const multilingual = ['m2m_100', 'nllb'].includes(String(translator.model.config.model_type));
const context = benchJobContext(logger);

async function timed(run: () => Promise<unknown>): Promise<{ ms: number; cpuMs: number }> {
  await run(); // warm-up (and first load)
  const all: { wallMs: number; cpuMs: number }[] = [];
  for (let i = 0; i < runs; i++) all.push(await withCpu(run));
  return { ms: round(median(all.map((r) => r.wallMs))), cpuMs: round(median(all.map((r) => r.cpuMs))) };
}

for (const [from, to, text] of [
  ['en', 'ja', MESSAGE_EN_20_WORDS],
  ['ja', 'en', MESSAGE_JA],
] as const) {
  const languages = multilingual ? { src_lang: findLanguage(from)?.nllb, tgt_lang: findLanguage(to)?.nllb } : {};
  const options = { max_new_tokens: Math.min(512, text.length * 3 + 16), ...languages };
  const bare = await timed(() => translator(text, options as never));
  const viaLane = await timed(() => translate({ text, from, to }, context));
  const sourceTokens = translator.tokenizer(text).input_ids.dims[1] as number;
  report({
    name: `translate-lane-${from}-${to}`,
    models,
    model: lane.model,
    dtype: lane.dtype,
    chars: text.length,
    words: text.split(/\s+/u).length,
    sourceTokens,
    msPerMessage: viaLane.ms,
    cpuMsPerMessage: viaLane.cpuMs,
    charsPerSec: round((text.length * 1000) / viaLane.ms, 1),
    floor: { msPerMessage: bare.ms, cpuMsPerMessage: bare.cpuMs, charsPerSec: round((text.length * 1000) / bare.ms, 1) },
    ratio: { ms: ratioOf(viaLane.ms, bare.ms), cpu: ratioOf(viaLane.cpuMs, bare.cpuMs) },
    target: { ratioMax: 1.05 },
  });
}
await runtime.dispose();
