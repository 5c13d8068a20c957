/**
 * `npm run load -- --rate 100 --seconds 30 --mix faq:60,translate:20,generate:15,transcribe:5 [--burst 2000]
 * [--mentions 0.1] [--idle-waiting 300] [--drain 120]`: drives the REAL bot and workers (fixtures profile, a private
 * redis-server) through the Discord-protocol server with slash commands (and mentions for a share of FAQ questions)
 * at the given rate and mix, then optionally a burst of `/ask` sent at once, then counts Redis commands/s while the
 * bot idles with N waiting FAQ jobs (the FAQ queue paused). Prints ONE JSON line (see `lib/report.ts`): per-stage
 * p50/p99 (first acknowledgement, final answer) per lane and overall, answers/s, lost, duplicated, unacknowledged,
 * busy refusals. A measurement, not a test: it never fails on speed, but exits 1 when a request was lost,
 * duplicated or never acknowledged.
 */
import { Queue } from 'bullmq';
import { createRedis } from '../src/core/redis.ts';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { APIAttachment } from 'discord.js';
import { PROJECT_ROOT } from '../src/config/index.ts';
import { LOAD_LANES, laneSequence, parseLoadOptions, type LoadLane, type LoadOptions } from './lib/load-args.ts';
import { startLoadStack, type LoadStack } from './lib/load-stack.ts';
import { duplicated, finalText, LoadTracker, outcomeOf, type Outcome, type Tracked } from './lib/load-tracker.ts';
import { percentile, report, round, SMOKE } from './lib/report.ts';
import { questions } from './lib/texts.ts';

const FAQ_QUESTIONS = ['How do I use this bot?', 'Which languages do you support?', 'Do you store my messages?', 'What is kotodama?'];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Sends one request of `lane` (the `i`-th of the run) and starts tracking it. */
function send(
  stack: LoadStack,
  tracker: LoadTracker,
  lane: LoadLane,
  i: number,
  options: LoadOptions,
  audio: () => APIAttachment,
): Tracked {
  const server = stack.server;
  const user = i % 2 ? server.users.alice : server.users.bob;
  const question = `${FAQ_QUESTIONS[i % FAQ_QUESTIONS.length] ?? ''} (${i})`;
  // Every 1/mentions-th FAQ request is a mention; the rest are /ask.
  if (lane === 'faq' && options.mentions > 0 && i % Math.round(1 / options.mentions) === 0) {
    const message = server.sendMessage({ author: user, content: `<@${server.botUser.id}> ${question}`, mentions: [server.botUser] });
    return tracker.mention('faq-mention', message.id);
  }
  const command = {
    faq: () => ({ name: 'ask', options: [{ name: 'question', value: question }] }),
    translate: () => ({
      name: 'translate',
      options: [
        { name: 'text', value: questions(i + 1)[i] ?? 'hello' },
        { name: 'to', value: 'ja' },
      ],
    }),
    generate: () => ({ name: 'chat', options: [{ name: 'prompt', value: `tell me something nice (${i})` }] }),
    transcribe: () => ({
      name: 'transcribe',
      options: [
        { name: 'audio', attachment: audio() },
        { name: 'language', value: 'en' },
      ],
    }),
  }[lane]();
  const record = server.slashCommand({ ...command, user });
  return tracker.interaction(lane, record.id, record.token);
}

/** Waits until every request has its final text and the log stayed quiet for 2 s, or `seconds` passed. */
async function drain(tracker: LoadTracker, seconds: number): Promise<void> {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline && !tracker.settled(2_000)) await sleep(100);
  tracker.poll();
}

interface StageFigures {
  readonly sent: number;
  readonly ackP50Ms: number;
  readonly ackP99Ms: number;
  readonly ackMaxMs: number;
  readonly finalP50Ms: number;
  readonly finalP99Ms: number;
  readonly outcomes: Partial<Record<Outcome, number>>;
  readonly duplicated: number;
}

function stages(requests: readonly Tracked[]): StageFigures {
  const acks = requests.flatMap((r) => (r.ackAt === undefined ? [] : [r.ackAt - r.sentAt]));
  const finals = requests.flatMap((r) => {
    const text = finalText(r);
    return text && outcomeOf(r) === 'answered' ? [text.at - r.sentAt] : [];
  });
  const outcomes: Partial<Record<Outcome, number>> = {};
  for (const r of requests) outcomes[outcomeOf(r)] = (outcomes[outcomeOf(r)] ?? 0) + 1;
  return {
    sent: requests.length,
    ackP50Ms: percentile(acks, 0.5),
    ackP99Ms: percentile(acks, 0.99),
    ackMaxMs: acks.length ? Math.max(...acks) : Number.NaN,
    finalP50Ms: percentile(finals, 0.5),
    finalP99Ms: percentile(finals, 0.99),
    outcomes,
    duplicated: requests.filter(duplicated).length,
  };
}

/** Answers per second over the phase: from the first request sent to the last answer. */
function answersPerSecond(requests: readonly Tracked[], lane?: string): number {
  const answered = requests.filter((r) => outcomeOf(r) === 'answered' && (lane === undefined || r.label === lane));
  if (!answered.length || !requests.length) return 0;
  const start = Math.min(...requests.map((r) => r.sentAt));
  const end = Math.max(...answered.map((r) => finalText(r)?.at ?? start));
  return round(answered.length / Math.max(0.001, (end - start) / 1000), 1);
}

async function timedPhase(stack: LoadStack, tracker: LoadTracker, options: LoadOptions, audio: () => APIAttachment): Promise<Tracked[]> {
  const count = Math.max(1, Math.round(options.rate * options.seconds));
  const lanes = laneSequence(options.mix, count);
  const sent: Tracked[] = [];
  const start = performance.now();
  for (let i = 0; i < count; i++) {
    const due = start + (i * 1000) / options.rate - performance.now();
    if (due > 0) await sleep(due);
    sent.push(send(stack, tracker, lanes[i] as LoadLane, i, options, audio));
    if (i % 50 === 0) tracker.poll();
  }
  await drain(tracker, options.drainSeconds);
  return sent;
}

async function burstPhase(stack: LoadStack, tracker: LoadTracker, options: LoadOptions): Promise<Tracked[]> {
  const sent: Tracked[] = [];
  const server = stack.server;
  for (let i = 0; i < options.burst; i++) {
    const user = i % 2 ? server.users.alice : server.users.bob;
    const question = `${FAQ_QUESTIONS[i % FAQ_QUESTIONS.length] ?? ''} [burst ${i}]`;
    const record = server.slashCommand({ name: 'ask', user, options: [{ name: 'question', value: question }] });
    sent.push(tracker.interaction('faq-burst', record.id, record.token));
  }
  await drain(tracker, options.drainSeconds);
  return sent;
}

/** Redis commands/s while the bot idles with `waiting` FAQ jobs it cannot run (the queue is paused). */
async function idlePhase(stack: LoadStack, tracker: LoadTracker, waiting: number): Promise<Record<string, number>> {
  const connection = createRedis({ url: stack.redisUrl, prefix: stack.prefix }, 'worker');
  const queue = new Queue('faq', { connection, prefix: stack.prefix });
  try {
    await queue.pause();
    const sent: Tracked[] = [];
    for (let i = 0; i < waiting; i++) {
      const record = stack.server.slashCommand({ name: 'ask', options: [{ name: 'question', value: `idle question ${i}` }] });
      sent.push(tracker.interaction('faq-idle', record.id, record.token));
    }
    const deadline = Date.now() + 60_000;
    const jobs = async () => Object.values(await queue.getJobCounts('wait', 'prioritized')).reduce((a, b) => a + b, 0);
    while (Date.now() < deadline && (await jobs()) < waiting) await sleep(200);
    const queued = await jobs();
    await sleep(SMOKE ? 1_000 : 5_000); // placeholders appear after ~1 s; let the first position edits pass
    const seconds = SMOKE ? 2 : 10;
    const before = await stack.commandsProcessed();
    await sleep(seconds * 1000);
    const after = await stack.commandsProcessed();
    await queue.resume();
    await drain(tracker, 120);
    // The two INFO calls are ours.
    return { waitingJobs: queued, seconds, redisCommandsPerSec: round((after - before - 1) / seconds, 1) };
  } finally {
    await queue.close();
    connection.disconnect();
  }
}

const options = parseLoadOptions(process.argv.slice(2));
const lanes = LOAD_LANES.filter((lane) => (options.mix[lane] ?? 0) > 0);
const startedAt = performance.now();
const stack = await startLoadStack({
  faq: { denseWeight: 0 }, // lexical retrieval: the fixture embedder's similarities are random
  discord: { rateLimit: { userPerMinute: 1_000_000_000, guildPerMinute: 1_000_000_000 } },
  // One worker process per lane, as `npm start` runs by default; under --smoke one process for all (fast start).
  workers: { layout: SMOKE ? 'single' : [] },
  lanes: Object.fromEntries(
    ['speak', 'booking', ...LOAD_LANES].map((lane) => [lane, { enabled: lane === 'faq' || lanes.some((l) => l === lane) }]),
  ),
});
const startupMs = Math.round(performance.now() - startedAt);
const phase = (name: string, since: number) => process.stderr.write(`load: ${name} ${Math.round(performance.now() - since)} ms\n`);
phase('bot and workers ready', startedAt);
let failed: boolean;
try {
  let attachment: APIAttachment | undefined;
  const bytes = () => readFileSync(path.join(PROJECT_ROOT, 'tests/fixtures/audio/voice-en.ogg'));
  // One stored recording, attached to every /transcribe (each is its own interaction and job).
  const audio = () => (attachment ??= stack.server.addAttachment(bytes(), 'voice.ogg', 'audio/ogg', { durationSecs: 2.1 }));
  const tracker = new LoadTracker(stack.server);
  let since = performance.now();
  const timed = await timedPhase(stack, tracker, options, audio);
  phase('timed phase and drain', since);
  since = performance.now();
  const burst = options.burst > 0 ? await burstPhase(stack, tracker, options) : [];
  phase('burst and drain', since);
  since = performance.now();
  const idle = options.idleWaiting > 0 ? await idlePhase(stack, tracker, options.idleWaiting) : null;
  phase('idle backlog', since);
  const all = tracker.all;
  const count = (outcome: Outcome) => all.filter((r) => outcomeOf(r) === outcome).length;
  const byLabel = Object.fromEntries(
    [...new Set(timed.map((r) => r.label))].map((label) => [label, stages(timed.filter((r) => r.label === label))]),
  );
  const overall = stages(timed);
  const line = {
    name: 'load',
    models: 'fixtures',
    rate: options.rate,
    seconds: options.seconds,
    mix: options.mix,
    startupMs,
    sent: all.length,
    ackP50Ms: overall.ackP50Ms,
    ackP99Ms: overall.ackP99Ms,
    finalP50Ms: overall.finalP50Ms,
    finalP99Ms: overall.finalP99Ms,
    answersPerSec: answersPerSecond(timed),
    faqAnswersPerSec: answersPerSecond(timed, 'faq'),
    lost: count('lost'),
    duplicated: all.filter(duplicated).length,
    unacknowledged: count('unacknowledged'),
    busy: count('busy'),
    rateLimited: count('rate-limited'),
    errors: count('error'),
    lanes: byLabel,
    burst: burst.length
      ? { size: burst.length, ...stages(burst), over3s: burst.filter((r) => r.ackAt === undefined || r.ackAt - r.sentAt >= 3_000).length }
      : null,
    idle,
    warnings: stack.warnings(),
    floor: null,
    ratio: null,
    target: { faqAnswersPerSec: 100, faqFinalP99Ms: 1_000, idleRedisCommandsPerSecWith300Waiting: 200 },
  };
  report(line);
  failed = line.lost + line.duplicated + line.unacknowledged > 0;
  if (failed)
    process.stderr.write(
      `load: ${line.lost} lost, ${line.duplicated} duplicated, ${line.unacknowledged} unacknowledged\n${stack.logTail().slice(-4_000)}\n`,
    );
} finally {
  await stack.stop();
}
process.exit(failed ? 1 : 0);
