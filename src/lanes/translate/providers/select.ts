/** Picks and builds the translator for a language pair from the lane settings (`translate.pairs`). */
import type { Config } from '../../../config/index.ts';
import type { Logger } from '../../../core/logger.ts';
import type { ChatProvider } from '../../../inference/chat.ts';
import { LocalChatProvider } from '../../../inference/local-chat.ts';
import { OpenAIChatProvider } from '../../../inference/openai-chat.ts';
import type { ModelRuntime } from '../../../inference/runtime.ts';
import type { TranslationProvider } from '../provider.ts';
import { pairSetting, type TranslateSettings } from '../settings.ts';
import { LlmTranslationProvider } from './llm.ts';
import { createSeq2SeqProvider } from './seq2seq.ts';

export interface ProviderDeps {
  readonly config: Config;
  readonly settings: TranslateSettings;
  readonly runtime: ModelRuntime;
  readonly logger?: Logger | undefined;
  /** The chat provider for `provider: llm` pairs; built from `translate.llm` when absent. */
  readonly chat?: ChatProvider | undefined;
  readonly env?: NodeJS.ProcessEnv;
}

/** The translator for `from` → `to` (ISO codes). */
export async function providerFor(deps: ProviderDeps, from: string, to: string): Promise<TranslationProvider> {
  const lane = deps.config.lanes.translate;
  const setting = pairSetting(deps.settings, from, to, lane.model);
  if (setting.provider === 'seq2seq') {
    return createSeq2SeqProvider({
      runtime: deps.runtime,
      model: setting.model ?? lane.model,
      lane,
      maxNewTokens: deps.settings.maxNewTokens,
    });
  }
  const { maxInputTokens, maxNewTokens } = deps.settings.llm;
  return new LlmTranslationProvider({ chat: deps.chat ?? chatFor(deps), model: setting.model, maxInputTokens, maxNewTokens });
}

/** The chat provider of `translate.llm`: the lane's own model settings, never the chat lane's. */
function chatFor(deps: ProviderDeps): ChatProvider {
  const llm = deps.settings.llm;
  if (llm.provider === 'openai') {
    // The key is read here from the environment only, as the chat lane does; it is never logged.
    const apiKey = (deps.env ?? process.env)[llm.apiKeyEnv]?.trim() || undefined;
    return new OpenAIChatProvider({ baseUrl: llm.baseUrl, model: llm.model, apiKey, logger: deps.logger });
  }
  return new LocalChatProvider({ runtime: deps.runtime, lane: { model: llm.model, dtype: llm.dtype, device: llm.device } });
}
