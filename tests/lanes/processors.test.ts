/** Each lane's processor on its fixture model: well-formed, deterministic results and clear refusals. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT, type Config } from '../../src/config/index.ts';
import { UserError } from '../../src/core/errors.ts';
import { ModelRuntime } from '../../src/inference/runtime.ts';
import { createFaqProcessor } from '../../src/lanes/faq/processor.ts';
import { createGenerateProcessor } from '../../src/lanes/generate/processor.ts';
import type { LaneProgress, ProcessContext } from '../../src/lanes/process-context.ts';
import { faqLane, generateLane, transcribeLane, translateLane } from '../helpers/lanes.ts';
import { createTranscribeProcessor } from '../../src/lanes/transcribe/processor.ts';
import { createTranslateProcessor } from '../../src/lanes/translate/processor.ts';
import { quietLogger, testConfig } from '../helpers/env.ts';

const config = testConfig();
const runtime = new ModelRuntime({ models: config.models, logger: quietLogger });
afterAll(() => runtime.dispose());

function ctx(signal = new AbortController().signal, progress: LaneProgress[] = []): ProcessContext {
  return {
    jobId: 't',
    context: { origin: 'local', userId: 'u' },
    locale: 'en',
    signal,
    report: (p) => progress.push(p),
    logger: quietLogger,
  };
}

const audio = (name: string) => ({
  kind: 'inline' as const,
  base64: readFileSync(path.join(PROJECT_ROOT, 'tests/fixtures/audio', name)).toString('base64'),
});

async function userError(promise: Promise<unknown>): Promise<UserError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UserError);
  return error as UserError;
}

describe('FAQ processor', () => {
  it('GIVEN a question from the sample FAQ THEN it answers with that entry, in hybrid mode', async () => {
    const faq = createFaqProcessor({ config, runtime, logger: quietLogger });
    const result = await faq({ question: 'How do I use this bot?' }, ctx());
    expect(result).toMatchObject({ kind: 'answer', entryId: 'how-to-use', retrieval: 'hybrid' });
    expect(faqLane.result.parse(result)).toEqual(await faq({ question: 'How do I use this bot?' }, ctx()));
  });

  it('GIVEN a question about nothing in the FAQ THEN it says it does not know', async () => {
    // Lexical only: the fixture embedder's random similarities carry no meaning to refuse on.
    const lexical = testConfig({ faq: { denseWeight: 0 } });
    const faq = createFaqProcessor({ config: lexical, runtime, logger: quietLogger });
    const result = await faq({ question: 'zebra quantum lasagna' }, ctx());
    expect(result.kind).toBe('unknown');
  });

  it('GIVEN chatter asked the natural way THEN the FAQ leaves it to chat, though /ask would have picked an entry', async () => {
    const lexical = testConfig({ faq: { denseWeight: 0 } });
    const faq = createFaqProcessor({ config: lexical, runtime, logger: quietLogger });
    // "still there?" shares a word with "What commands are there?": confident, but the entry covers little of it.
    expect(await faq({ question: 'still there?' }, ctx())).toMatchObject({ kind: 'answer', entryId: 'how-to-use' });
    expect(await faq({ question: 'still there?', via: 'before-chat' }, ctx())).toMatchObject({ kind: 'unknown', asked: 'still there?' });
    expect(await faq({ question: 'What languages can you translate?', via: 'before-chat' }, ctx())).toMatchObject({
      kind: 'answer',
      entryId: 'languages',
    });
    expect(await faq({ question: 'thanks!', via: 'before-chat' }, ctx())).toEqual({
      kind: 'smalltalk',
      smalltalk: 'thanks',
      asked: 'thanks!',
    });
  });

  it('GIVEN the embedding model is missing THEN it still answers from the lexical index', async () => {
    const missing: Config = testConfig({ lanes: { faq: { model: 'no-such-model' } } });
    const faq = createFaqProcessor({
      config: missing,
      runtime: new ModelRuntime({ models: missing.models, logger: quietLogger }),
      logger: quietLogger,
    });
    expect(await faq({ question: 'このボットの使い方を教えて' }, ctx())).toMatchObject({
      kind: 'answer',
      entryId: 'ja-how-to-use',
      retrieval: 'lexical',
    });
  });
});

describe('translate processor', () => {
  const translate = createTranslateProcessor({ config, runtime });

  it('GIVEN English text with Discord markup THEN the translation keeps the markup and is deterministic', async () => {
    const input = { text: 'hello <@123456789012345678> see `npm start`', to: 'ja' };
    const first = await translate(input, ctx());
    expect(translateLane.result.parse(first)).toMatchObject({ from: 'en', to: 'ja', model: 'tiny-random-marian-en-de' });
    expect(first.text).toContain('<@123456789012345678>');
    expect(first.text).toContain('`npm start`');
    expect(await translate(input, ctx())).toEqual(first);
  });

  it('GIVEN an unknown or identical language THEN the user is told', async () => {
    expect((await userError(translate({ text: 'hi', to: 'xx' }, ctx()))).code).toBe('unsupported_language');
    expect((await userError(translate({ text: 'hello there', to: 'en' }, ctx()))).message).toMatch(/already looks like English/u);
  });
});

describe('generate processor', () => {
  const generate = createGenerateProcessor({ config, runtime });

  it('GIVEN a chat message THEN the streamed deltas add up to the final text', async () => {
    const progress: LaneProgress[] = [];
    const result = await generate({ messages: [{ role: 'user', content: 'hello' }], maxNewTokens: 8 }, ctx(undefined, progress));
    expect(generateLane.result.parse(result)).toMatchObject({ finishReason: 'length', newTokens: 8 });
    expect(
      progress
        .map((p) => p.delta ?? '')
        .join('')
        .trim(),
    ).toBe(result.text);
    expect((await generate({ messages: [{ role: 'user', content: 'hello' }], maxNewTokens: 8 }, ctx())).text).toBe(result.text);
  });

  it('GIVEN the job is cancelled while writing THEN it stops early and keeps what was written', async () => {
    const controller = new AbortController();
    const progress: LaneProgress[] = [];
    const context = ctx(controller.signal, progress);
    const report = context.report;
    const result = await generate(
      { messages: [{ role: 'user', content: 'hello' }] },
      {
        ...context,
        report: (p) => {
          report(p);
          controller.abort('cancelled');
        },
      },
    );
    expect(result.finishReason).toBe('cancelled');
    expect(result.newTokens).toBeLessThan(config.generate.maxNewTokens);
  });
});

describe('transcribe processor', () => {
  const transcribe = createTranscribeProcessor({ config, runtime });

  it('GIVEN a Discord-style voice message THEN it returns a transcript with the clip length', async () => {
    const result = await transcribe({ audio: audio('voice-en.ogg'), language: 'en' }, ctx());
    expect(transcribeLane.result.parse(result).durationSec).toBeGreaterThan(1);
    expect(result.text.length).toBeGreaterThan(0);
    expect(await transcribe({ audio: audio('voice-en.ogg'), language: 'en' }, ctx())).toEqual(result);
  });

  it('GIVEN silence THEN it reports no speech instead of inventing words', async () => {
    expect(await transcribe({ audio: audio('silence.ogg') }, ctx())).toMatchObject({ text: '', language: null });
  });

  it('GIVEN a text file named .ogg or a foreign URL THEN the user gets a clear refusal', async () => {
    expect((await userError(transcribe({ audio: audio('not-audio.ogg') }, ctx()))).code).toMatch(/^audio_/u);
    const foreign = await userError(transcribe({ audio: { kind: 'url', url: 'https://evil.example.com/a.ogg' } }, ctx()));
    expect(foreign.code).toBe('attachment_refused');
    expect(foreign.message).toContain('evil.example.com');
  });
});

describe('model runtime', () => {
  it('GIVEN a model that is not in the models folder and downloads are off THEN it names the model and what to run', async () => {
    const error = await userError(runtime.load({ task: 'translation', model: 'Xenova/opus-mt-ja-en', dtype: 'q8', device: 'cpu' }));
    expect(error.code).toBe('model_missing');
    expect(error.message).toMatch(/Xenova\/opus-mt-ja-en.*npm run models -- download/u);
  });
});
