/**
 * The LLM translation provider: against the OpenAI-compatible SSE test server (prompt, batching into one request,
 * placeholders, cut-off answers) and on the local fixture qwen2 model through transformers.js.
 */
import type { ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OpenAIChatProvider } from '../../../src/inference/openai-chat.ts';
import { ModelRuntime } from '../../../src/inference/runtime.ts';
import type { ProcessContext } from '../../../src/lanes/process-context.ts';
import { translateMessage } from '../../../src/lanes/translate/engine.ts';
import { createTranslateProcessor } from '../../../src/lanes/translate/processor.ts';
import { LlmTranslationProvider } from '../../../src/lanes/translate/providers/llm.ts';
import { chunk, FakeChatServer, type RecordedRequest } from '../../inference/sse-server.ts';
import { quietLogger, testConfig } from '../../helpers/env.ts';
import { language as lang } from './fake-providers.ts';

const pair = { from: lang('ja'), to: lang('en') };
const server = new FakeChatServer();
let provider: LlmTranslationProvider;

beforeAll(async () => {
  await server.start();
  provider = new LlmTranslationProvider({ chat: new OpenAIChatProvider({ baseUrl: server.baseUrl, model: 'tl-test' }) });
});
afterAll(() => server.close());

/** Answers each request with `answer(userText)` streamed in two pieces, and `finish` as the last chunk's reason. */
function answering(answer: (user: string) => string, finish = 'stop') {
  server.script = (request: RecordedRequest, response: ServerResponse) => {
    const messages = request.body.messages as { role: string; content: string }[];
    const text = answer(messages.at(-1)?.content ?? '');
    response.writeHead(200, { 'content-type': 'text/event-stream' });
    const half = Math.ceil(text.length / 2);
    response.end(`${chunk(text.slice(0, half))}${chunk(text.slice(half), finish)}data: [DONE]\n\n`);
  };
}

describe('LLM translation provider over an OpenAI-compatible server', () => {
  it('GIVEN a message with a mention THEN the prompt asks to copy placeholders and the sentence comes back whole', async () => {
    server.requests.length = 0;
    answering(() => 'Thanks, {1}! See you tomorrow.');
    const result = await translateMessage('<@123456789012345678> さん、ありがとう！また明日。', { provider, pair, chunkTokens: 200 });
    expect(result).toMatchObject({ text: 'Thanks, <@123456789012345678>! See you tomorrow.', calls: 1, fallbacks: 0 });
    const [request] = server.requests;
    const messages = request?.body.messages as { role: string; content: string }[];
    expect(messages[0]?.content).toContain('from Japanese to English');
    expect(messages[0]?.content).toContain('Copy every placeholder such as {1}');
    expect(messages[1]?.content).toBe('{1} さん、ありがとう！また明日。');
    expect(request?.body).toMatchObject({ model: 'tl-test', temperature: 0, stream: true });
  });

  it('GIVEN several chunks THEN they travel in one request as numbered segments', async () => {
    server.requests.length = 0;
    answering((user) => [...user.matchAll(/<s(\d+)>([\s\S]*?)<\/s\1>/gu)].map((m) => `<s${m[1]}>EN:${m[2]}</s${m[1]}>`).join('\n'));
    const result = await translateMessage('一行目です。\n二行目です。\n**太字**', { provider, pair, chunkTokens: 200 });
    expect(server.requests).toHaveLength(1);
    expect(result.text).toBe('EN:一行目です。\nEN:二行目です。\n**EN:太字**');
  });

  it('GIVEN an answer missing a segment THEN only that segment is asked again', async () => {
    server.requests.length = 0;
    answering((user) => (user.includes('<s1>') ? '<s1>first</s1>' : `again: ${user}`));
    const result = await translateMessage('一つ目\n二つ目', { provider, pair, chunkTokens: 200 });
    expect(server.requests).toHaveLength(2);
    expect(result.text).toBe('first\nagain: 二つ目');
  });

  it('GIVEN a model that drops the placeholder THEN the sentence is translated fragment by fragment and the span kept', async () => {
    server.requests.length = 0;
    answering(() => 'Thanks!');
    const result = await translateMessage('<@123456789012345678> さん、ありがとう', { provider, pair, chunkTokens: 200 });
    expect(result).toMatchObject({ text: '<@123456789012345678> Thanks!', fallbacks: 1, lostSpans: 0 });
    expect((server.requests[1]?.body.messages as { content: string }[])[1]?.content).toBe('さん、ありがとう');
  });

  it('GIVEN an answer cut off at the token limit THEN the chunk is split and asked again in halves', async () => {
    server.requests.length = 0;
    answering((user) => (user.includes('<s') ? '<s1>A.</s1><s2>B.</s2>' : 'cut'), 'length');
    const result = await translateMessage('一つ目の文です。二つ目の文です。', { provider, pair, chunkTokens: 200 });
    expect(result.splits).toBeGreaterThanOrEqual(1);
    expect(result.text).toBe('A. B.');
  });
});

describe('LLM translation on the local fixture qwen2 model', () => {
  const config = testConfig();
  const runtime = new ModelRuntime({ models: config.models, logger: quietLogger });
  afterAll(() => runtime.dispose());
  const ctx: ProcessContext = {
    jobId: 't',
    context: { origin: 'local', userId: 'u' },
    signal: new AbortController().signal,
    locale: 'en',
    report: () => undefined,
    logger: quietLogger,
  };

  it('GIVEN translate.pairs ja-en with provider llm THEN the chat model translates, deterministically', async () => {
    const translate = createTranslateProcessor({
      config,
      runtime,
      settings: {
        pairs: { 'ja-en': { provider: 'llm', model: 'tiny-random-qwen2' } },
        llm: { provider: 'local', dtype: 'fp32', maxNewTokens: 6 },
      },
    });
    const first = await translate({ text: 'おはようございます', to: 'en' }, ctx);
    expect(first).toMatchObject({
      from: 'ja',
      to: 'en',
      model: 'tiny-random-qwen2',
      provider: 'llm',
      text: ':Canumkike` ans}?}?} ans}?}?} ans}?}?} ans}?}?}',
    });
    // Six tokens a call reach the limit: the lane split the text and asked again instead of returning a cut answer.
    expect(first.calls).toBeGreaterThan(1);
    expect(await translate({ text: 'おはようございます', to: 'en' }, ctx)).toEqual(first);
  });
});
