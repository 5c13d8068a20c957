/**
 * The chat lane on the fixture qwen2 model through real Redis and BullMQ: progress deltas arrive in order and
 * add up to the answer, cancellation stops within one token step, the context cut and FAQ grounding show in
 * the prompt the model was given.
 */
import { QueueEvents, type Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Config } from '../../../src/config/index.ts';
import { createRedis } from '../../../src/core/redis.ts';
import { LocalChatProvider } from '../../../src/inference/local-chat.ts';
import { ModelRuntime } from '../../../src/inference/runtime.ts';
import { createGenerateProcessor, type GenerateDeps } from '../../../src/lanes/generate/processor.ts';
import { GROUNDING_INSTRUCTION } from '../../../src/lanes/generate/prompt.ts';
import type { GenerateInput, GenerateResult } from '../../../src/lanes/generate/schema.ts';
import type { LaneProgress } from '../../../src/lanes/process-context.ts';
import type { JobContext, ReplyEnvelope } from '../../../src/queue/envelope.ts';
import { LaneProducer } from '../../../src/queue/producer.ts';
import { createReplyConsumer } from '../../../src/queue/replies.ts';
import { WorkerHost } from '../../../src/queue/worker-host.ts';
import { cleanupRedis, quietLogger, testConfig, waitFor } from '../../helpers/env.ts';
import { RecordingProvider } from './recording.ts';
import { generateLane } from '../../helpers/lanes.ts';

const context: JobContext = { origin: 'discord', userId: 'tester', guildId: '123456789012345678' };
let config: Config;
let redis: Redis;
let consumerRedis: Redis;
let producer: LaneProducer;
let consumer: Worker;
let events: QueueEvents;
let runtime: ModelRuntime;
let host: WorkerHost | undefined;
const replies: ReplyEnvelope[] = [];
const deltas = new Map<string, string[]>();
/** Tokens generated so far by the local provider, for the cancellation check. */
let tokens = 0;

beforeAll(async () => {
  config = testConfig({ generate: { maxNewTokens: 2000, contextTokens: 8192 }, lanes: { generate: { timeoutSec: 60 } } });
  redis = createRedis(config.redis, 'producer');
  consumerRedis = createRedis(config.redis, 'worker');
  producer = new LaneProducer(config, redis);
  runtime = new ModelRuntime({ models: config.models, logger: quietLogger });
  consumer = createReplyConsumer({
    config,
    connection: consumerRedis,
    queueName: 'replies-chat',
    logger: quietLogger,
    handler: async (reply) => void replies.push(reply),
  });
  events = new QueueEvents('generate', { connection: createRedis(config.redis, 'worker'), prefix: config.redis.prefix });
  // The bot appends deltas from these events exactly like this (src/bot/discord/progress.ts).
  events.on('progress', ({ jobId, data }) => {
    const delta = (data as LaneProgress).delta;
    if (delta) deltas.set(jobId, [...(deltas.get(jobId) ?? []), delta]);
  });
  await Promise.all([consumer.waitUntilReady(), events.waitUntilReady()]);
});

afterEach(async () => {
  await host?.close(1_000);
  host = undefined;
});

afterAll(async () => {
  await Promise.all([consumer.close(), events.close(), producer.close()]);
  await runtime.dispose();
  redis.disconnect();
  consumerRedis.disconnect();
  await cleanupRedis(config);
});

function local(): LocalChatProvider {
  return new LocalChatProvider({ runtime, lane: config.lanes.generate, onToken: (count) => (tokens = count) });
}

async function serve(deps: Omit<GenerateDeps, 'config'>, cfg: Config = config): Promise<void> {
  host = new WorkerHost({
    config: cfg,
    lanes: [{ lane: generateLane, processor: createGenerateProcessor({ config: cfg, ...deps }) }],
    logger: quietLogger,
  });
  await host.start();
}

async function ask(sourceId: string, input: GenerateInput): Promise<{ jobId: string; result: () => Promise<GenerateResult> }> {
  const { jobId } = await producer.enqueue(generateLane, { sourceId, input, context, reply: { queue: 'replies-chat', target: {} } });
  const result = async () => {
    const reply = await waitFor(() => replies.find((r) => r.jobId === jobId), 30_000, `reply to ${jobId}`);
    if (!reply.outcome.ok) throw new Error(reply.outcome.error.message.en);
    return reply.outcome.result as GenerateResult;
  };
  return { jobId, result };
}

describe('chat lane through Redis on the fixture model', () => {
  it('GIVEN a chat job THEN progress arrives in order and the final text is the stream, as the model writes it directly', async () => {
    await serve({ provider: local(), retrieve: null });
    const input: GenerateInput = { messages: [{ role: 'user', content: 'tell me a story' }], maxNewTokens: 300 };
    const { jobId, result } = await ask('stream-1', input);
    const answer = await result();
    expect(answer).toMatchObject({ finishReason: 'length', newTokens: 300 });
    await waitFor(() => (deltas.get(jobId)?.join('').trim() === answer.text ? true : undefined), 5_000, 'all deltas');
    expect(deltas.get(jobId)?.length).toBeGreaterThan(1);
    let direct = '';
    await local().stream(
      {
        messages: [{ role: 'system', content: config.generate.systemPrompt }, ...input.messages],
        maxNewTokens: 300,
        temperature: 0,
        topP: 1,
      },
      new AbortController().signal,
      (text) => (direct += text),
    );
    expect(answer.text).toBe(direct.trim());
  });

  it('GIVEN a running generation WHEN it is cancelled THEN it stops within one token step and keeps its text', async () => {
    let tokensAtAbort = -1;
    const provider = local();
    await serve({
      provider: {
        ...provider,
        name: 'local',
        defaultModel: provider.defaultModel,
        countTokens: (m) => provider.countTokens(m),
        stream: (request, signal, onText) => {
          signal.addEventListener('abort', () => (tokensAtAbort = tokens), { once: true });
          return provider.stream(request, signal, onText);
        },
      },
      retrieve: null,
    });
    const { jobId, result } = await ask('cancel-1', { messages: [{ role: 'user', content: 'go on forever' }] });
    await waitFor(() => (deltas.get(jobId)?.length ? true : undefined), 20_000, 'first delta');
    expect(await producer.cancel('generate', jobId)).toBe('signalled');
    const answer = await result();
    expect(answer.finishReason).toBe('cancelled');
    expect(tokensAtAbort).toBeGreaterThan(0);
    expect(answer.newTokens).toBeLessThan(2000);
    expect(answer.newTokens - tokensAtAbort).toBeLessThanOrEqual(1);
    expect(answer.text.length).toBeGreaterThan(0);
  });

  it('GIVEN a history longer than the context THEN the oldest turns are cut by the tokenizer count, the system prompt kept', async () => {
    const small = testConfig({
      redis: { prefix: config.redis.prefix },
      generate: { maxNewTokens: 8, contextTokens: 120, grounding: { enabled: false } },
    });
    const recorder = new RecordingProvider(new LocalChatProvider({ runtime, lane: small.lanes.generate }));
    await serve({ provider: recorder, retrieve: null }, small);
    const history = Array.from({ length: 12 }, (_, i) => ({
      role: i % 2 ? ('assistant' as const) : ('user' as const),
      content: `message number ${i} about things`,
    }));
    const { result } = await ask('context-1', { messages: [...history, { role: 'user', content: 'and now?' }] });
    const answer = await result();
    const prompt = recorder.requests.at(-1)?.messages ?? [];
    expect(prompt[0]).toEqual({ role: 'system', content: small.generate.systemPrompt });
    expect(prompt.at(-1)).toEqual({ role: 'user', content: 'and now?' });
    expect(prompt.length).toBeLessThan(history.length + 2);
    expect(await recorder.countTokens(prompt)).toBeLessThanOrEqual(120 - 8);
    expect(answer.droppedTurns).toBe(history.length + 2 - prompt.length);
    expect(answer.text).toMatch(/-# \(\d+ older messages left out to fit my memory\)$/u);
  });

  it("GIVEN a question the server's FAQ covers THEN the prompt carries the entries and the reply lists its sources", async () => {
    const lexical = testConfig({ redis: { prefix: config.redis.prefix }, faq: { denseWeight: 0 }, generate: { maxNewTokens: 8 } });
    const recorder = new RecordingProvider(new LocalChatProvider({ runtime, lane: lexical.lanes.generate }));
    await serve({ provider: recorder }, lexical);
    const answer = await (await ask('ground-1', { messages: [{ role: 'user', content: 'How do I use this bot?' }] })).result();
    expect(recorder.lastSystem).toContain(GROUNDING_INSTRUCTION);
    expect(recorder.lastSystem).toContain('Q: How do I use this bot?\nA: Use `/ask` for questions');
    expect(answer.sources?.[0]).toEqual({ id: 'how-to-use', question: 'How do I use this bot?' });
    expect(answer.text).toMatch(/\n-# Sources: How do I use this bot\?/u);

    await (await ask('ground-2', { messages: [{ role: 'user', content: 'zebra quantum lasagna' }] })).result();
    expect(recorder.lastSystem).toBe(lexical.generate.systemPrompt);
    await (await ask('ground-3', { messages: [{ role: 'user', content: 'How do I use this bot?' }], ground: false })).result();
    expect(recorder.lastSystem).toBe(lexical.generate.systemPrompt);
  });
});
