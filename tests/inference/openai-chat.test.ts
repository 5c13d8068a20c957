/**
 * The OpenAI-compatible provider against a local server that streams SSE: streaming, HTTP errors, a server
 * that hangs (the lane timeout keeps the partial answer), malformed chunks, and the API key kept out of logs.
 */
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../../src/core/errors.ts';
import { OpenAIChatProvider } from '../../src/inference/openai-chat.ts';
import { createGenerateProcessor } from '../../src/lanes/generate/processor.ts';
import { ABORT_TIMEOUT, type LaneProgress } from '../../src/lanes/process-context.ts';
import { quietLogger, testConfig } from '../helpers/env.ts';
import { chunk, FakeChatServer, streamScript } from './sse-server.ts';

const KEY = 'sk-test-secret-4242';
const server = new FakeChatServer();
const logs: string[] = [];
const logger = pino({ level: 'debug' }, { write: (line: string) => void logs.push(line) });
let provider: OpenAIChatProvider;

beforeAll(async () => {
  await server.start();
  provider = new OpenAIChatProvider({ baseUrl: server.baseUrl, model: 'qwen-test', apiKey: KEY, logger });
});
afterAll(() => server.close());

const request = { messages: [{ role: 'user' as const, content: 'hello' }], maxNewTokens: 32, temperature: 0, topP: 1 };

async function run(signal = new AbortController().signal) {
  const pieces: string[] = [];
  const outcome = await provider.stream(request, signal, (text) => pieces.push(text));
  return { pieces, outcome };
}

async function refusal(): Promise<UserError> {
  const error = await run().then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UserError);
  return error as UserError;
}

describe('OpenAI-compatible provider', () => {
  it('GIVEN a streaming server THEN text arrives piece by piece, in order, with the request the API expects', async () => {
    server.script = streamScript(
      [
        chunk('Hel'),
        chunk('lo'),
        chunk(' there', 'length'),
        'data: {"choices":[],"usage":{"completion_tokens":3}}\n\n',
        'data: [DONE]\n\n',
      ],
      5,
    );
    const { pieces, outcome } = await run();
    expect(pieces).toEqual(['Hel', 'lo', ' there']);
    expect(outcome).toEqual({ newTokens: 3, finish: 'length' });
    const sent = server.requests.at(-1);
    expect(sent?.path).toBe('/v1/chat/completions');
    expect(sent?.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(sent?.body).toMatchObject({ model: 'qwen-test', stream: true, max_tokens: 32, messages: request.messages });
  });

  it('GIVEN HTTP errors THEN the user reads what went wrong, and the key never reaches the log', async () => {
    server.script = (_req, res) =>
      void res.writeHead(401, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: `bad key ${KEY}` } }));
    expect((await refusal()).message).toMatch(/refused my credentials \(HTTP 401\).*API key/u);
    server.script = (_req, res) => void res.writeHead(503).end('overloaded');
    expect((await refusal()).message).toMatch(/failed \(HTTP 503\)/u);
    server.script = (_req, res) => void res.writeHead(404).end('no such model');
    expect((await refusal()).message).toContain('"qwen-test"');
    expect(logs.join('')).toContain('chat server refused the request');
    expect(logs.join('')).not.toContain(KEY);
  });

  it('GIVEN no server listening THEN the user is told it cannot be reached', async () => {
    const closed = new OpenAIChatProvider({ baseUrl: 'http://127.0.0.1:9/v1', model: 'm', logger: quietLogger });
    const error = await closed.stream(request, new AbortController().signal, () => undefined).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).message).toMatch(/can't reach the chat model server/u);
  });

  it('GIVEN malformed chunks among good ones THEN they are skipped and the good text kept', async () => {
    server.script = streamScript([chunk('a'), 'data: {not json\n\n', 'data: {"object":"weird"}\n\n', chunk('b'), 'data: [DONE]\n\n']);
    expect((await run()).pieces).toEqual(['a', 'b']);
    server.script = streamScript(['data: garbage\n\n', 'data: more garbage\n\n']);
    expect((await refusal()).message).toMatch(/could not read/u);
  });

  it('GIVEN a server that sends an error event mid-stream THEN the user is told it stopped with an error', async () => {
    server.script = streamScript([chunk('partial'), `data: ${JSON.stringify({ error: { message: 'oom' } })}\n\n`]);
    expect((await refusal()).message).toMatch(/stopped with an error/u);
  });
});

describe('chat lane on the OpenAI-compatible provider', () => {
  const config = testConfig({ generate: { provider: 'openai', grounding: { enabled: false } } });
  const generate = () => createGenerateProcessor({ config, provider, retrieve: null });
  const ctx = (signal: AbortSignal, progress: LaneProgress[]) => ({
    jobId: 't',
    context: { origin: 'local' as const, userId: 'u' },
    signal,
    locale: 'en' as const,
    report: (p: LaneProgress) => progress.push(p),
    logger: quietLogger,
  });

  it('GIVEN a server that hangs after two pieces THEN the lane timeout ends it and keeps the partial answer', async () => {
    server.script = async (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write(chunk('first'));
      await new Promise((resolve) => setTimeout(resolve, 60));
      res.write(chunk(' second'));
      // …and never ends.
    };
    const timeout = new AbortController();
    const progress: LaneProgress[] = [];
    setTimeout(() => timeout.abort(ABORT_TIMEOUT), 400);
    const started = Date.now();
    const result = await generate()({ messages: [{ role: 'user', content: 'hi' }] }, ctx(timeout.signal, progress));
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(result).toMatchObject({ text: 'first second', finishReason: 'timeout', newTokens: 2 });
    expect(progress.map((p) => p.delta).join('')).toBe('first second');
  });

  it('GIVEN a reasoning model on the server THEN its hidden thinking is not in the answer', async () => {
    server.script = streamScript([chunk('<thi'), chunk('nk>secret plan</th'), chunk('ink>Visible'), chunk(' answer'), 'data: [DONE]\n\n']);
    const progress: LaneProgress[] = [];
    const result = await generate()({ messages: [{ role: 'user', content: 'hi' }] }, ctx(new AbortController().signal, progress));
    expect(result.text).toBe('Visible answer');
    expect(progress.map((p) => p.delta).join('')).not.toContain('secret');
  });
});
