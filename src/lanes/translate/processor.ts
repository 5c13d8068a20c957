/**
 * Translation: Japanese <-> English first, any pair the models cover. Text with nothing to translate (emoji, a
 * link, code, mentions) comes back as it is without a model; otherwise the source language is detected (or given),
 * the server's glossary is applied, and the message is translated whole by the pair's provider (`engine.ts`).
 */
import type { Redis } from 'ioredis';
import type { Config } from '../../config/index.ts';
import { UserError } from '../../core/errors.ts';
import type { Logger } from '../../core/logger.ts';
import type { ChatProvider } from '../../inference/chat.ts';
import type { ModelRuntime } from '../../inference/runtime.ts';
import { baseCode, detectLanguage } from '../../text/detect.ts';
import { loadDetectors } from '../../text/detectors.ts';
import { nothingToTranslate } from '../../text/nothing.ts';
import { isHanOnly, lettersOf } from '../../text/scripts.ts';
import type { LaneProcessor } from '../process-context.ts';
import { languageText } from '../../text/language-text.ts';
import { translateMessages as m } from './messages.ts';
import type { TranslateInput, TranslateResult } from './schema.ts';
import { translateMessage } from './engine.ts';
import { glossarySpans } from './glossary/apply.ts';
import { GlossaryStore } from './glossary/store.ts';
import { findLanguage, LANGUAGES, supportedLanguageList, type Language } from '../../text/languages.ts';
import { providerFor } from './providers/select.ts';
import { translateSettings } from './settings.ts';

/** Reasons that never need a model, even for an explicit request. */
const NOTHING_EVEN_ON_REQUEST = new Set(['empty', 'emoji', 'url', 'code', 'mentions', 'symbols']);

export interface TranslateDeps {
  readonly config: Config;
  readonly runtime: ModelRuntime;
  readonly logger?: Logger | undefined;
  /** For server glossaries; without it no glossary is applied. */
  readonly redis?: Redis | undefined;
  /** The chat provider for `provider: llm` pairs (built from `translate.llm` when absent). */
  readonly chat?: ChatProvider | undefined;
  /** Lane settings over `config.translate` (tests). */
  readonly settings?: Record<string, unknown> | undefined;
}

export function createTranslateProcessor(deps: TranslateDeps): LaneProcessor<TranslateInput, TranslateResult> {
  // The detectors load on first use (~2 s): start now, while the worker loads its model, not on a member's time.
  loadDetectors().catch(() => undefined);
  const settings = translateSettings({ ...deps.config.translate, ...deps.settings });
  const glossary = deps.redis
    ? new GlossaryStore({ redis: deps.redis, prefix: deps.config.redis.prefix, maxTerms: settings.glossaryMaxTerms, logger: deps.logger })
    : undefined;
  return async (input, { report, signal, context }) => {
    const to = language(input.to, 'into');
    const skipped = nothingToTranslate(input.text, { minLetters: 0 });
    if (skipped && NOTHING_EVEN_ON_REQUEST.has(skipped)) {
      return { text: input.text, from: input.from ?? to.code, to: to.code, model: 'none', provider: 'none', skipped };
    }
    const from = input.from ? language(input.from, 'from') : await sourceLanguage(input.text, context.locale);
    if (from.code === to.code) throw new UserError('bad_request', m.sameLanguage(languageText(to.code)));

    report({ stage: m.loadingModel });
    const provider = await providerFor({ ...deps, settings }, from.code, to.code);
    const terms = glossary && context.guildId ? await glossary.list(context.guildId) : [];
    report({ stage: m.translatingPair(languageText(from.code), languageText(to.code)), percent: 0 });
    const result = await translateMessage(input.text, {
      provider,
      pair: { from, to },
      chunkTokens: settings.chunkTokens,
      extraSpans: glossarySpans(terms, to.code),
      signal,
      onCall: () => report({ percent: 100 }),
    });
    if (result.fallbacks)
      deps.logger?.info({ fallbacks: result.fallbacks, chunks: result.chunks }, 'placeholders lost: translated fragment by fragment');
    return {
      text: result.text,
      from: from.code,
      to: to.code,
      model: provider.model,
      provider: provider.kind,
      calls: result.calls,
      fallbacks: result.fallbacks,
    };
  };
}

function language(code: string, direction: 'into' | 'from'): Language {
  const found = findLanguage(code);
  if (!found)
    throw new UserError(
      'unsupported_language',
      direction === 'into' ? m.unknownTarget(code, supportedLanguageList()) : m.unknownSource(code, supportedLanguageList()),
    );
  return found;
}

/** Detected; else Japanese for kanji-only text (the audience's likelier language); else the member's language (Discord locale), or English. */
async function sourceLanguage(text: string, locale: string | undefined): Promise<Language> {
  const hint = locale ? (findLanguage(locale.toLowerCase())?.code ?? baseCode(locale)) : undefined;
  const detected = await detectLanguage(text, { hint, supported: LANGUAGES.keys() });
  const code = detected?.code ?? (isHanOnly(lettersOf(text)) ? 'ja' : hint && LANGUAGES.has(hint) ? hint : 'en');
  return findLanguage(code) ?? language('en', 'from');
}
