/**
 * Exact outputs of short greedy runs on the committed fixture models, as transformers.js pins its own tests: the
 * weights are random but fixed, so any change in tokenisation, prompting, decoding or pooling changes these strings
 * and numbers. When a deliberate change moves them, regenerate them by printing the new values and say why in the
 * commit. (Translation is pinned in tests/lanes/translate/processor.test.ts.)
 */
import { afterAll, describe, expect, it } from 'vitest';
import { forwardPass, type Embedder } from '../../src/inference/embed.ts';
import { LocalChatProvider } from '../../src/inference/local-chat.ts';
import { ModelRuntime } from '../../src/inference/runtime.ts';
import { createTranscribeProcessor } from '../../src/lanes/transcribe/processor.ts';
import { quietLogger, testConfig } from '../helpers/env.ts';
import { ctx, fixtureBytes, inline } from '../lanes/transcribe/helpers.ts';

const config = testConfig();
const runtime = new ModelRuntime({ models: config.models, logger: quietLogger });
afterAll(() => runtime.dispose());

describe('fixture models, pinned', () => {
  it('GIVEN the chat fixture, greedy, 12 tokens THEN the text is exactly the pinned one', async () => {
    const chat = new LocalChatProvider({ runtime, lane: config.lanes.generate });
    let text = '';
    const outcome = await chat.stream(
      { messages: [{ role: 'user', content: 'Hello, who are you?' }], maxNewTokens: 12, temperature: 0, topP: 1 },
      new AbortController().signal,
      (delta) => (text += delta),
    );
    expect(outcome).toEqual({ newTokens: 12, finish: 'length' });
    expect(text).toBe('mkkkk+ ac  aboutor:');
  });

  it('GIVEN the Whisper fixture on voice-en.ogg in English THEN the transcript and its window are the pinned ones', async () => {
    const transcribe = createTranscribeProcessor({ config, runtime });
    const result = await transcribe({ audio: inline(fixtureBytes('voice-en.ogg')), language: 'en' }, ctx());
    expect(result).toMatchObject({ text: 'krekkkk to. The', language: 'en', languageSource: 'forced' });
    expect(result.segments).toEqual([{ start: 0, end: 1.84, text: 'krekkkk to. The' }]);
  });

  it('GIVEN the embedding fixture THEN the pooled, normalised vector of a query starts with the pinned values', async () => {
    const embedder = (await runtime.load({
      task: 'feature-extraction',
      model: config.lanes.faq.model,
      dtype: config.lanes.faq.dtype,
      device: 'cpu',
    })) as unknown as Embedder;
    const [vector] = await forwardPass(embedder)(['query: hello']);
    const head = Array.from(vector ?? []).slice(0, 4);
    expect(head.map((value) => Number(value.toFixed(5)))).toEqual([-0.31167, 0.21418, -0.12945, 0.16484]);
    expect(Math.hypot(...(vector ?? []))).toBeCloseTo(1, 5);
  });
});
