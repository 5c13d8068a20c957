/**
 * Chat: a conversation in, an answer streamed out as progress deltas. The model is behind a ChatProvider
 * (local transformers.js or an OpenAI-compatible server), so both behave the same: the system prompt is kept,
 * the server's FAQ grounds the answer, the oldest turns are dropped to fit the context, hidden thinking never
 * leaves the worker, and cancellation or the lane timeout stop at the next token step keeping what was written.
 */
import type { Redis } from 'ioredis';
import type { Config } from '../../config/index.ts';
import { UserError } from '../../core/errors.ts';
import type { Logger } from '../../core/logger.ts';
import type { ChatProvider } from '../../inference/chat.ts';
import { createChatProvider } from './provider.ts';
import type { ModelRuntime } from '../../inference/runtime.ts';
import { abortReason, type LaneProcessor } from '../process-context.ts';
import { createFaqRetriever, type FaqRetriever } from './grounding.ts';
import { ChatMemory } from './memory.ts';
import { generateMessages as m } from './messages.ts';
import { fitToContext, footer, ground, latestUserText, withSystem, type GroundingEntry } from './prompt.ts';
import type { ChatMessage, GenerateInput, GenerateResult } from './schema.ts';
import { DeltaStream } from './stream.ts';

export interface GenerateDeps {
  readonly config: Config;
  /** Needed for the defaults (local provider); tests may pass `provider` and `retrieve` instead. */
  readonly runtime?: ModelRuntime;
  readonly logger?: Logger;
  /** Stored DM and thread conversations, and the servers' FAQs for grounding. */
  readonly redis?: Redis;
  readonly provider?: ChatProvider;
  /** FAQ grounding; `null` turns it off. Defaults to the server's FAQ when `generate.grounding.enabled`. */
  readonly retrieve?: FaqRetriever | null;
}

export function createGenerateProcessor(deps: GenerateDeps): LaneProcessor<GenerateInput, GenerateResult> {
  const { config } = deps;
  const settings = config.generate;
  const runtime = deps.runtime;
  if (!deps.provider && !runtime) throw new Error('createGenerateProcessor needs a runtime or a provider');
  const provider = deps.provider ?? createChatProvider({ config, runtime: runtime as ModelRuntime, logger: deps.logger });
  const retrieve =
    deps.retrieve !== undefined
      ? deps.retrieve
      : settings.grounding.enabled
        ? createFaqRetriever({ config, ...(deps.redis ? { redis: deps.redis } : {}) })
        : null;
  const memory = deps.redis ? new ChatMemory(deps.redis, config.redis.prefix) : undefined;

  return async (input, { signal, report, context, logger, locale }) => {
    const model = chosenModel(input, provider, settings.models);
    const maxNewTokens = Math.min(input.maxNewTokens ?? settings.maxNewTokens, settings.maxNewTokens);
    const history = input.conversation && memory ? await memory.history(input.conversation, settings.contextTokens * 4) : [];
    const system = input.persona ? `${settings.systemPrompt}\n${input.persona}` : settings.systemPrompt;
    let messages = withSystem(continued(history, input.messages), system);

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
    stream.end(footer(sources, fitted.dropped, locale));
    const finishReason = signal.aborted ? (abortReason(signal) === 'timeout' ? 'timeout' : 'cancelled') : outcome.finish;
    if (input.conversation && memory && stream.text.trim()) {
      const { ttlSec, maxTurns } = settings.memory;
      const exchange = { userId: input.userId ?? context.userId, content: latestUserText(input.messages), answer: stream.text };
      await memory
        .remember(input.conversation, exchange, ttlSec, maxTurns)
        .catch((error: unknown) => logger.warn({ err: error }, 'could not record the conversation'));
    }
    return {
      text: stream.text.trim(),
      finishReason,
      newTokens: outcome.newTokens,
      ...(sources.length ? { sources: sources.map(({ id, question }) => ({ id, question })) } : {}),
      ...(fitted.dropped ? { droppedTurns: fitted.dropped } : {}),
      contextTurns: fitted.messages.filter((turn) => turn.role !== 'system').length,
    };
  };
}

/**
 * The stored history, then the request's turns it does not already hold (a reply inside a DM repeats turns the
 * history has), so the model never sees a turn twice.
 */
function continued(history: readonly ChatMessage[], turns: readonly ChatMessage[]): ChatMessage[] {
  const known = new Set(history.map((turn) => `${turn.role}\n${turn.content}`));
  return [...history, ...turns.filter((turn) => !known.has(`${turn.role}\n${turn.content}`))];
}

/** A server may pick the default model or one the bot owner listed; anything else is refused clearly. */
function chosenModel(input: GenerateInput, provider: ChatProvider, extra: readonly string[]): string | undefined {
  if (!input.model || input.model === provider.defaultModel) return undefined;
  if (extra.includes(input.model)) return input.model;
  throw new UserError('bad_request', m.modelNotOffered(input.model, [provider.defaultModel, ...extra].join(', ')));
}
