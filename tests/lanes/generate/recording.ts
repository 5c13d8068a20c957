/** A ChatProvider wrapper that records every prompt it is given, so tests assert on the prompt built. */
import type { ChatProvider, ChatRequest, ChatTurn } from '../../../src/inference/chat.ts';

export class RecordingProvider implements ChatProvider {
  readonly requests: ChatRequest[] = [];
  readonly name: ChatProvider['name'];
  readonly defaultModel: string;

  constructor(private readonly inner: ChatProvider) {
    this.name = inner.name;
    this.defaultModel = inner.defaultModel;
  }

  countTokens(messages: readonly ChatTurn[], model?: string): Promise<number> {
    return this.inner.countTokens(messages, model);
  }

  stream(request: ChatRequest, signal: AbortSignal, onText: (text: string) => void) {
    this.requests.push(request);
    return this.inner.stream(request, signal, onText);
  }

  /** The system turn of the last prompt. */
  get lastSystem(): string {
    const first = this.requests.at(-1)?.messages[0];
    return first?.role === 'system' ? first.content : '';
  }
}
