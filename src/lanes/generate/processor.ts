/**
 * Chat: a conversation in, an answer streamed out as progress deltas. The model is behind a ChatProvider
 * (local transformers.js or an OpenAI-compatible server), so both behave the same: the system prompt is kept,
 * the server's FAQ grounds the answer, the oldest turns are dropped to fit the context, hidden thinking never
 * leaves the worker, and cancellation or the lane timeout stop at the next token step keeping what was written.
 */
import type { Config } from '../../config/index.ts';
import { UserError } from '../../core/errors.ts';
import type { Logger } from '../../core/logger.ts';
import type { ChatProvider } from '../../inference/chat.ts';
import { createChatProvider } from '../../inference/chat-provider.ts';
import type { ModelRuntime } from '../../inference/runtime.ts';
import { abortReason, type LaneProcessor } from '../processor.ts';
import { createFaqRetriever, type FaqRetriever } from './grounding.ts';
import { fitToContext, footer, ground, latestUserText, withSystem, type GroundingEntry } from './prompt.ts';
import type { GenerateInput } from './schema.ts';
import { DeltaStream } from './stream.ts';

export interface GenerateDeps {
  readonly config: Config;
  /** Needed for the defaults (local provider, FAQ embeddings); tests may pass `provider` and `retrieve` instead. */
  readonly runtime?: ModelRuntime;
  readonly logger?: Logger;
  readonly provider?: ChatProvider;
  /** FAQ grounding; `null` turns it off. Defaults to the shared FAQ when `generate.grounding.enabled`. */
  readonly retrieve?: FaqRetriever | null;
}

export function createGenerateProcessor(deps: GenerateDeps): LaneProcessor<'generate'> {
  const { config } = deps;
  const settings = config.generate;
  const runtime = deps.runtime;
  if (!deps.provider && !runtime) throw new Error('createGenerateProcessor needs a runtime or a provider');
  const provider = deps.provider ?? createChatProvider({ config, runtime: runtime as ModelRuntime, logger: deps.logger });
  const retrieve = deps.retrieve !== undefined ? deps.retrieve : settings.grounding.enabled ? createFaqRetriever({ config }) : null;

  return async (input, { signal, report, context, logger }) => {
    const model = chosenModel(input, provider, settings.models);
    const maxNewTokens = Math.min(input.maxNewTokens ?? settings.maxNewTokens, settings.maxNewTokens);
    let messages = withSystem(input.messages, settings.systemPrompt);

    let sources: GroundingEntry[] = [];
    if (retrieve && input.ground !== false) {
      // Grounding helps but is not essential: a broken FAQ must not stop the chat.
      sources = await retrieve(latestUserText(messages), context).catch((error: unknown) => {
        logger.warn({ err: error }, 'FAQ grounding failed; answering without it');
        return [];
      });
      messages = ground(messages, sources);
    }
    const budget = Math.max(1, settings.contextTokens - maxNewTokens);
    const fitted = await fitToContext(messages, (turns) => provider.countTokens(turns, model), budget);

    const stream = new DeltaStream((delta) => report({ delta }));
    const outcome = await provider.stream(
      {
        messages: fitted.messages,
        maxNewTokens,
        temperature: input.temperature ?? settings.temperature,
        topP: input.topP ?? settings.topP,
        ...(model ? { model } : {}),
      },
      signal,
      (text) => stream.push(text),
    );
    stream.end(footer(sources, fitted.dropped));
    const finishReason = signal.aborted ? (abortReason(signal) === 'timeout' ? 'timeout' : 'cancelled') : outcome.finish;
    return {
      text: stream.text.trim(),
      finishReason,
      newTokens: outcome.newTokens,
      ...(sources.length ? { sources: sources.map(({ id, question }) => ({ id, question })) } : {}),
      ...(fitted.dropped ? { droppedTurns: fitted.dropped } : {}),
    };
  };
}

/** A server may pick the default model or one the bot owner listed; anything else is refused clearly. */
function chosenModel(input: GenerateInput, provider: ChatProvider, extra: readonly string[]): string | undefined {
  if (!input.model || input.model === provider.defaultModel) return undefined;
  if (extra.includes(input.model)) return input.model;
  const offered = [provider.defaultModel, ...extra].join(', ');
  throw new UserError(
    'bad_request',
    `The chat model "${input.model}" is not available on this bot (it offers: ${offered}). An admin can change it with /settings set chatModel.`,
  );
}
