/** The chat provider named by `generate.provider`: transformers.js in the worker, or an OpenAI-compatible server. */
import type { Config } from '../../config/index.ts';
import type { Logger } from '../../core/logger.ts';
import type { ChatProvider } from '../../inference/chat.ts';
import { LocalChatProvider } from '../../inference/local-chat.ts';
import { OpenAIChatProvider } from '../../inference/openai-chat.ts';
import type { ModelRuntime } from '../../inference/runtime.ts';

export function createChatProvider(deps: {
  config: Config;
  runtime: ModelRuntime;
  logger?: Logger | undefined;
  env?: NodeJS.ProcessEnv;
}): ChatProvider {
  const { config } = deps;
  if (config.generate.provider === 'openai') {
    const { baseUrl, model, apiKeyEnv } = config.generate.openai;
    // The key is read here, once, from the environment: it never passes through config or logs.
    const apiKey = (deps.env ?? process.env)[apiKeyEnv]?.trim() || undefined;
    return new OpenAIChatProvider({ baseUrl, model, apiKey, logger: deps.logger });
  }
  return new LocalChatProvider({ runtime: deps.runtime, lane: config.lanes.generate });
}
