/**
 * A chat provider that calls an OpenAI-compatible chat-completions API with `stream: true` (llama.cpp's
 * server, Ollama, vLLM, LM Studio, hosted APIs) and reads the answer as server-sent events.
 *
 * The API key comes from the caller (read from the environment by `createChatProvider`) and goes only into
 * the Authorization header: it is never logged, and it is scrubbed from any server text that is logged.
 * The base URL is logged without credentials (a proxy's basic-auth password may sit in it).
 */
import { UserError } from '../core/errors.ts';
import { inferenceMessages as m } from './messages.ts';
import type { Logger } from '../core/logger.ts';
import { redactErrorUrls, redactUrl } from '../core/redact-url.ts';
import type { ChatOutcome, ChatProvider, ChatRequest, ChatTurn } from './chat.ts';
import { SseParser, type SseEvent } from './sse.ts';

export interface OpenAIChatOptions {
  /** Up to and including `/v1`, e.g. `http://127.0.0.1:8080/v1`. */
  readonly baseUrl: string;
  readonly model: string;
  readonly apiKey?: string | undefined;
  readonly logger?: Logger | undefined;
}

/** Remote tokenizers are unknown: about four characters a token for English, fewer for Japanese. */
export function estimateTokens(messages: readonly ChatTurn[]): number {
  return messages.reduce((sum, message) => sum + Math.ceil(message.content.length / 4) + 4, 2);
}

interface StreamState {
  newTokens: number;
  reported: number | undefined;
  finish: 'stop' | 'length';
  malformed: number;
  valid: number;
}

export class OpenAIChatProvider implements ChatProvider {
  readonly name = 'openai';
  readonly defaultModel: string;
  readonly #options: OpenAIChatOptions;

  constructor(options: OpenAIChatOptions) {
    this.#options = options;
    this.defaultModel = options.model;
  }

  countTokens(messages: readonly ChatTurn[]): Promise<number> {
    return Promise.resolve(estimateTokens(messages));
  }

  async stream(request: ChatRequest, signal: AbortSignal, onText: (text: string) => void): Promise<ChatOutcome> {
    const state: StreamState = { newTokens: 0, reported: undefined, finish: 'stop', malformed: 0, valid: 0 };
    const outcome = (): ChatOutcome => ({ newTokens: state.reported ?? state.newTokens, finish: state.finish });
    let response: Response;
    try {
      response = await fetch(`${this.#options.baseUrl.replace(/\/+$/u, '')}/chat/completions`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'text/event-stream',
          ...(this.#options.apiKey ? { authorization: `Bearer ${this.#options.apiKey}` } : {}),
        },
        body: JSON.stringify(this.#body(request)),
        signal,
      });
    } catch (error) {
      if (signal.aborted) return outcome();
      // undici quotes the URL it refused, password included: redact the error too.
      this.#options.logger?.warn({ err: redactErrorUrls(error), baseUrl: redactUrl(this.#options.baseUrl) }, 'chat server unreachable');
      throw new UserError('unavailable', m.serverUnreachable);
    }
    if (!response.ok || !response.body) throw await this.#httpError(response, request);
    const parser = new SseParser();
    try {
      for await (const chunk of response.body) {
        for (const event of parser.push(chunk as Uint8Array)) if (this.#event(event, state, onText)) return outcome();
      }
      for (const event of parser.end()) if (this.#event(event, state, onText)) return outcome();
    } catch (error) {
      // Cancellation or the lane timeout: keep what was written.
      if (signal.aborted) return outcome();
      if (error instanceof UserError) throw error;
      this.#options.logger?.warn({ err: redactErrorUrls(error) }, 'chat stream broke off');
      if (!state.valid) throw new UserError('unavailable', m.serverBrokeOff);
    } finally {
      if (state.malformed) this.#options.logger?.warn({ malformed: state.malformed }, 'skipped unreadable chunks from the chat server');
    }
    if (!state.valid && state.malformed) throw new UserError('unavailable', m.serverUnreadable);
    return outcome();
  }

  #body(request: ChatRequest): Record<string, unknown> {
    return {
      model: request.model ?? this.#options.model,
      messages: request.messages,
      stream: true,
      stream_options: { include_usage: true },
      max_tokens: request.maxNewTokens,
      temperature: request.temperature,
      ...(request.temperature > 0 ? { top_p: request.topP } : {}),
    };
  }

  /** Handles one event; true at the end of the answer (`[DONE]`). Unreadable chunks are counted and skipped. */
  #event(event: SseEvent, state: StreamState, onText: (text: string) => void): boolean {
    if (event.data.trim() === '[DONE]') return true;
    let chunk: unknown;
    try {
      chunk = JSON.parse(event.data);
    } catch {
      state.malformed += 1;
      return false;
    }
    const parsed = chunk as { error?: { message?: unknown }; choices?: unknown; usage?: { completion_tokens?: unknown } };
    if (parsed && typeof parsed === 'object' && parsed.error) {
      this.#options.logger?.warn({ error: this.#scrub(JSON.stringify(parsed.error)) }, 'chat server reported an error mid-stream');
      throw new UserError('unavailable', m.serverError);
    }
    if (!parsed || typeof parsed !== 'object' || !Array.isArray(parsed.choices)) {
      state.malformed += 1;
      return false;
    }
    state.valid += 1;
    if (typeof parsed.usage?.completion_tokens === 'number') state.reported = parsed.usage.completion_tokens;
    const choice = parsed.choices[0] as { delta?: { content?: unknown }; finish_reason?: unknown } | undefined;
    const content = choice?.delta?.content;
    if (typeof content === 'string' && content) {
      state.newTokens += 1;
      onText(content);
    }
    if (choice?.finish_reason === 'length') state.finish = 'length';
    return false;
  }

  async #httpError(response: Response, request: ChatRequest): Promise<UserError> {
    const text = await response.text().catch(() => '');
    this.#options.logger?.warn(
      { status: response.status, baseUrl: redactUrl(this.#options.baseUrl), body: this.#scrub(text.slice(0, 500)) },
      'chat server refused the request',
    );
    const status = `HTTP ${response.status}`;
    if (response.status === 401 || response.status === 403) return new UserError('unavailable', m.serverCredentials(status));
    if (response.status === 404) return new UserError('unavailable', m.serverUnknownModel(request.model ?? this.#options.model, status));
    if (response.status === 429) return new UserError('unavailable', m.serverBusy(status));
    if (response.status >= 500) return new UserError('unavailable', m.serverFailed(status));
    return new UserError('bad_request', m.serverRejected(status));
  }

  #scrub(text: string): string {
    const key = this.#options.apiKey;
    return key ? text.replaceAll(key, '[redacted]') : text;
  }
}
