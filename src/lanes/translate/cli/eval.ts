/**
 * Translation quality and speed on a parallel test set, as one JSON line:
 *
 *   npm run eval:translate -- --pairs <tsv | LASER Tatoeba folder> --from ja --to en [--limit N] [--model id]
 *     [--provider seq2seq|llm] [--markup] [--out hypotheses.txt]
 *
 * The model comes from the loaded config (`KOTODAMA_PROFILE=fixtures` for the tiny fixture models: a path check,
 * their scores mean nothing). `--markup` puts a mention and inline code around every sentence to measure how often
 * placeholders survive (`fallbacks`) and that no span is ever lost (`lost_spans` must be 0).
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadConfig } from '../../../config/index.ts';
import { OperatorError } from '../../../core/errors.ts';
import { createLogger } from '../../../core/logger.ts';
import { runMain } from '../../../core/run-main.ts';
import { ModelRuntime } from '../../../inference/runtime.ts';
import { evaluateTranslation, readPairs, withMarkup } from '../eval/run.ts';
import { findLanguage, supportedLanguageList, type Language } from '../../../text/languages.ts';
import { providerFor } from '../providers/select.ts';
import { translateSettings } from '../settings.ts';

const USAGE =
  'usage: eval:translate -- --pairs <tsv|folder> --from ja --to en [--limit N] [--model id] [--provider seq2seq|llm] [--markup] [--out file]';

function language(code: string | undefined, flag: string): Language {
  const found = code ? findLanguage(code) : undefined;
  if (!found) throw new OperatorError(`${flag} needs a language code (${supportedLanguageList()}); ${USAGE}`);
  return found;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      pairs: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      limit: { type: 'string' },
      model: { type: 'string' },
      provider: { type: 'string' },
      markup: { type: 'boolean', default: false },
      out: { type: 'string' },
    },
    strict: true,
  });
  if (!values.pairs) throw new OperatorError(USAGE);
  const pair = { from: language(values.from, '--from'), to: language(values.to, '--to') };
  const limit = values.limit === undefined ? Number.POSITIVE_INFINITY : Number(values.limit);
  if (!(limit > 0)) throw new OperatorError(`--limit must be a positive number; ${USAGE}`);
  if (values.provider && values.provider !== 'seq2seq' && values.provider !== 'llm') throw new OperatorError(USAGE);

  const config = loadConfig();
  const logger = createLogger({ level: 'warn' });
  const runtime = new ModelRuntime({ models: config.models, logger });
  const key = `${pair.from.code}-${pair.to.code}`;
  const base = translateSettings(config.translate);
  const settings =
    values.model || values.provider
      ? {
          ...base,
          pairs: {
            ...base.pairs,
            [key]: { provider: values.provider === 'llm' ? 'llm' : 'seq2seq', ...(values.model ? { model: values.model } : {}) } as const,
          },
        }
      : base;
  try {
    const provider = await providerFor({ config, settings, runtime, logger }, pair.from.code, pair.to.code);
    let pairs = readPairs(values.pairs, pair).slice(0, limit);
    if (values.markup) pairs = withMarkup(pairs);
    const { hypotheses, ...figures } = await evaluateTranslation({ pairs, provider, pair, chunkTokens: settings.chunkTokens });
    if (values.out) writeFileSync(values.out, `${hypotheses.join('\n')}\n`);
    console.log(JSON.stringify({ pair: key, model: provider.model, provider: provider.kind, ...figures }));
  } finally {
    await runtime.dispose();
  }
}

runMain(main);
