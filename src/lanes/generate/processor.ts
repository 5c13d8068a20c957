/**
 * Chat: a local instruct model through transformers.js, applied with the model's own chat template,
 * streamed token by token as progress deltas. Cancellation and the lane timeout stop generation at
 * the next token step and keep what was written.
 */
import { InterruptableStoppingCriteria, StoppingCriteriaList, TextStreamer } from '@huggingface/transformers';
import type { Config } from '../../config/index.ts';
import type { ModelRuntime } from '../../inference/runtime.ts';
import { abortReason, type LaneProcessor } from '../processor.ts';
import { resolveLane } from '../registry.ts';
import type { ChatMessage } from './schema.ts';
import { ThinkFilter } from './think-filter.ts';

export interface GenerateDeps {
  readonly config: Config;
  readonly runtime: ModelRuntime;
}

export function createGenerateProcessor({ config, runtime }: GenerateDeps): LaneProcessor<'generate'> {
  const lane = resolveLane(config, 'generate');
  const settings = config.generate;
  return async (input, { signal, report }) => {
    const generator = await runtime.load({ task: 'text-generation', model: lane.model, dtype: lane.dtype, device: lane.device });
    const messages: ChatMessage[] = input.messages[0]?.role === 'system' || !settings.systemPrompt
      ? input.messages
      : [{ role: 'system', content: settings.systemPrompt }, ...input.messages];
    const maxNewTokens = Math.min(input.maxNewTokens ?? settings.maxNewTokens, settings.maxNewTokens);

    const stop = new InterruptableStoppingCriteria();
    const onAbort = () => stop.interrupt();
    signal.addEventListener('abort', onAbort, { once: true });
    const filter = new ThinkFilter();
    let text = '';
    let newTokens = 0;
    const emit = (chunk: string) => {
      if (!chunk) return;
      text += chunk;
      report({ delta: chunk });
    };
    const streamer = new TextStreamer(generator.tokenizer, {
      skip_prompt: true,
      skip_special_tokens: true,
      callback_function: (chunk: string) => emit(filter.push(chunk)),
      token_callback_function: () => {
        newTokens += 1;
      },
    });
    const criteria = new StoppingCriteriaList();
    criteria.push(stop);
    try {
      if (signal.aborted) stop.interrupt();
      await generator(messages, {
        max_new_tokens: maxNewTokens,
        do_sample: settings.temperature > 0,
        ...(settings.temperature > 0 ? { temperature: settings.temperature, top_p: settings.topP } : {}),
        streamer,
        stopping_criteria: criteria,
      } as never);
    } finally {
      signal.removeEventListener('abort', onAbort);
    }
    emit(filter.end());
    const finishReason = signal.aborted ? abortFinish(signal) : newTokens >= maxNewTokens ? 'length' : 'stop';
    return { text: text.trim(), finishReason, newTokens };
  };
}

function abortFinish(signal: AbortSignal): 'cancelled' | 'timeout' {
  return abortReason(signal) === 'timeout' ? 'timeout' : 'cancelled';
}
