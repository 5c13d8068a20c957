/**
 * The local chat provider: an instruct model run by transformers.js in this (worker) process, applied
 * through the model's own chat template and streamed token by token with `TextStreamer`. Abort stops at the
 * next token step through `InterruptableStoppingCriteria`.
 */
import { InterruptableStoppingCriteria, StoppingCriteriaList, TextStreamer } from '@huggingface/transformers';
import type { LaneConfig } from '../config/index.ts';
import type { ChatOutcome, ChatProvider, ChatRequest, ChatTurn } from './chat.ts';
import type { ModelRuntime } from './runtime.ts';

export interface LocalChatOptions {
  readonly runtime: ModelRuntime;
  /** The chat lane's model settings; a request may name another model, loaded with the same dtype and device. */
  readonly lane: Pick<LaneConfig, 'model' | 'dtype' | 'device'>;
  /** Called after every generated token with the count so far (tests and benchmarks observe the steps). */
  readonly onToken?: (count: number) => void;
}

export class LocalChatProvider implements ChatProvider {
  readonly name = 'local';
  readonly defaultModel: string;

  constructor(private readonly options: LocalChatOptions) {
    this.defaultModel = options.lane.model;
  }

  #load(model: string | undefined) {
    const { lane, runtime } = this.options;
    return runtime.load({ task: 'text-generation', model: model ?? lane.model, dtype: lane.dtype, device: lane.device });
  }

  /** Exact: the prompt as the chat template renders it, with the generation prompt, in model tokens. */
  async countTokens(messages: readonly ChatTurn[], model?: string): Promise<number> {
    const generator = await this.#load(model);
    const ids: unknown = generator.tokenizer.apply_chat_template(
      messages.map((m) => ({ ...m })),
      {
        tokenize: true,
        add_generation_prompt: true,
        return_tensor: false,
        return_dict: false,
      },
    );
    return Array.isArray(ids) ? ids.length : 0;
  }

  async stream(request: ChatRequest, signal: AbortSignal, onText: (text: string) => void): Promise<ChatOutcome> {
    const generator = await this.#load(request.model);
    const stop = new InterruptableStoppingCriteria();
    const onAbort = () => stop.interrupt();
    signal.addEventListener('abort', onAbort, { once: true });
    let newTokens = 0;
    const streamer = new TextStreamer(generator.tokenizer, {
      skip_prompt: true,
      skip_special_tokens: true,
      callback_function: (text: string) => {
        if (text) onText(text);
      },
      token_callback_function: () => {
        newTokens += 1;
        this.options.onToken?.(newTokens);
      },
    });
    const criteria = new StoppingCriteriaList();
    criteria.push(stop);
    try {
      if (signal.aborted) stop.interrupt();
      await generator(
        request.messages.map((m) => ({ ...m })),
        {
          max_new_tokens: request.maxNewTokens,
          do_sample: request.temperature > 0,
          ...(request.temperature > 0 ? { temperature: request.temperature, top_p: request.topP } : {}),
          streamer,
          stopping_criteria: criteria,
        },
      );
    } finally {
      signal.removeEventListener('abort', onAbort);
    }
    return { newTokens, finish: !signal.aborted && newTokens >= request.maxNewTokens ? 'length' : 'stop' };
  }
}
