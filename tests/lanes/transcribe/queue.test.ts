/**
 * The transcribe lane through real Redis and BullMQ on the fixture Whisper: a 2-minute clip is
 * processed window by window with progress events seen in order by the front end, and a running job
 * cancelled between windows replies with the windows it finished.
 */
import { QueueEvents, type Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedis } from '../../../src/core/redis.ts';
import { ModelRuntime } from '../../../src/inference/runtime.ts';
import type { LaneProgress } from '../../../src/lanes/process-context.ts';
import { transcribeLane } from '../../helpers/lanes.ts';
import { createTranscribeProcessor } from '../../../src/lanes/transcribe/processor.ts';
import type { ReplyEnvelope } from '../../../src/queue/envelope.ts';
import { LaneProducer } from '../../../src/queue/producer.ts';
import { createReplyConsumer } from '../../../src/queue/replies.ts';
import { WorkerHost } from '../../../src/queue/worker-host.ts';
import { cleanupRedis, quietLogger, testConfig, waitFor } from '../../helpers/env.ts';
import { fixtureBytes, inline } from './helpers.ts';

const config = testConfig();
const replies: ReplyEnvelope[] = [];
const progress = new Map<string, LaneProgress[]>();
let producerRedis: Redis;
let consumerRedis: Redis;
let eventsRedis: Redis;
let producer: LaneProducer;
let consumer: Worker;
let events: QueueEvents;
let host: WorkerHost;
let runtime: ModelRuntime;

beforeAll(async () => {
  producerRedis = createRedis(config.redis, 'producer');
  consumerRedis = createRedis(config.redis, 'worker');
  producer = new LaneProducer(config, producerRedis);
  runtime = new ModelRuntime({ models: config.models, logger: quietLogger });
  consumer = createReplyConsumer({
    config,
    connection: consumerRedis,
    queueName: 'replies-stt',
    logger: quietLogger,
    handler: async (reply) => void replies.push(reply),
  });
  eventsRedis = createRedis(config.redis, 'worker');
  events = new QueueEvents(transcribeLane.queue, { connection: eventsRedis, prefix: config.redis.prefix });
  events.on('progress', ({ jobId, data }) => progress.set(jobId, [...(progress.get(jobId) ?? []), data as LaneProgress]));
  host = new WorkerHost({
    config,
    lanes: [{ lane: transcribeLane, processor: createTranscribeProcessor({ config, runtime }) }],
    logger: quietLogger,
  });
  await Promise.all([consumer.waitUntilReady(), events.waitUntilReady(), host.start()]);
});

afterAll(async () => {
  await host.close(1_000);
  await events.close();
  await consumer.close();
  await producer.close();
  await runtime.dispose();
  producerRedis.disconnect();
  consumerRedis.disconnect();
  eventsRedis.disconnect();
  await cleanupRedis(config);
});

const enqueue = (sourceId: string) =>
  producer.enqueue(transcribeLane, {
    sourceId,
    input: { audio: inline(fixtureBytes('long-2min.ogg')), language: 'en' },
    context: { origin: 'local', userId: 'u' },
    reply: { queue: 'replies-stt', target: {} },
  });
const replyFor = (jobId: string) => waitFor(() => replies.find((reply) => reply.jobId === jobId), 60_000, `reply to ${jobId}`);

describe('transcribe lane through Redis', () => {
  it('GIVEN a 2-minute clip THEN the front end sees window progress 1/5 … 5/5 in order, then the stitched transcript', async () => {
    const { jobId } = await enqueue('long-1');
    const reply = await replyFor(jobId);
    expect(reply.outcome.ok, JSON.stringify(reply.outcome)).toBe(true);
    const result = transcribeLane.result.parse(reply.outcome.ok ? reply.outcome.result : null);
    expect(result.segments).toHaveLength(5);
    expect(result.durationSec).toBeCloseTo(120, 1);
    const seen = await waitFor(
      () => ((progress.get(jobId) ?? []).some((p) => p.percent === 100) ? progress.get(jobId) : undefined),
      5_000,
      'last progress',
    );
    const windows = seen.filter((p) => p.stage?.en.startsWith('transcribing '));
    expect([...new Set(windows.map((p) => p.stage?.en))]).toEqual([
      'transcribing 1/5',
      'transcribing 2/5',
      'transcribing 3/5',
      'transcribing 4/5',
      'transcribing 5/5',
    ]);
    expect(windows.map((p) => p.percent)).toEqual([0, 20, 40, 60, 80, 100]);
  });

  it('GIVEN a running 2-minute job WHEN it is cancelled during window 2 THEN it stops there and replies with what it has', async () => {
    const { jobId } = await enqueue('long-2');
    await waitFor(() => (progress.get(jobId) ?? []).some((p) => p.stage?.en === 'transcribing 2/5'), 30_000, 'window 2');
    expect(await producer.cancel('transcribe', jobId)).toBe('signalled');
    const reply = await replyFor(jobId);
    const result = transcribeLane.result.parse(reply.outcome.ok ? reply.outcome.result : null);
    expect(result.stopped).toBe('cancelled');
    expect(result.segments?.length).toBeLessThanOrEqual(2);
    expect((progress.get(jobId) ?? []).map((p) => p.stage?.en)).not.toContain('transcribing 4/5');
  });
});
