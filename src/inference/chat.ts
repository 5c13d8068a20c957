/**
 * The contract of a chat model, whoever runs it: transformers.js in this process (`local-chat.ts`) or an
 * OpenAI-compatible server (`openai-chat.ts`). The chat lane only talks to this, so streaming, limits,
 * memory and cancellation behave the same with either.
 */

/** One turn of a conversation as the model sees it. */
export interface ChatTurn {
  readonly role: 'system' | 'user' | 'assistant';
  readonly content: string;
}

export interface ChatRequest {
  readonly messages: readonly ChatTurn[];
  /** Model id; the provider's default when absent. */
  readonly model?: string;
  readonly maxNewTokens: number;
  /** 0 = greedy. */
  readonly temperature: number;
  readonly topP: number;
}

export interface ChatOutcome {
  /** Tokens generated (counted by the provider: exact for local, as reported or per chunk for remote). */
  readonly newTokens: number;
  /** `length` when the token limit cut the answer; an aborted stream reports `stop` (the caller knows why). */
  readonly finish: 'stop' | 'length';
}

export interface ChatProvider {
  readonly name: 'local' | 'openai';
  /** The model used when a request names none. */
  readonly defaultModel: string;
  /** Prompt size of `messages` in tokens: the model's tokenizer locally, an estimate for remote models. */
  countTokens(messages: readonly ChatTurn[], model?: string): Promise<number>;
  /**
   * Generates an answer, calling `onText` with each new piece of text in order. Aborting `signal` stops within
   * one token step and resolves with what was written so far (it does not reject).
   */
  stream(request: ChatRequest, signal: AbortSignal, onText: (text: string) => void): Promise<ChatOutcome>;
}
