/**
 * The probes of `models -- check` judge what a model returns. Real models cannot be downloaded here, so the passing
 * side is shown with hand-written pipelines that answer like a working model would; the fixture models (failing
 * side, through the real pipelines) are in tests/cli/models.test.ts.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkModel, EMBEDDER_TRIPLES } from '../../src/inference/check.ts';
import type { ModelSpec } from '../../src/inference/runtime.ts';
import { configureTransformers } from '../../src/inference/runtime.ts';
import { testConfig } from '../helpers/env.ts';

const config = testConfig();
configureTransformers(config.models);
// The fixture folders exist, so the "downloaded?" step passes and the given pipeline is judged.
const spec = (task: ModelSpec['task'], model: string): ModelSpec => ({ task, model, dtype: 'fp32', device: 'cpu' });
const FOLDER = {
  'feature-extraction': 'tiny-random-bert',
  translation: 'tiny-random-marian-en-de',
  'automatic-speech-recognition': 'tiny-random-whisper',
  'text-generation': 'tiny-random-qwen2',
} as const;
const run = (task: keyof typeof FOLDER, pipeline: unknown) =>
  checkModel({ load: async () => pipeline as never }, spec(task, FOLDER[task]), config.models.dir);

/** An embedder that knows which texts mean the same: one axis per triple, the unrelated text on its own axis. */
function meaningEmbedder(swapLast = false) {
  const axis = new Map<string, number>();
  EMBEDDER_TRIPLES.forEach(([anchor, paraphrase, unrelated], i) => {
    axis.set(anchor, i);
    axis.set(swapLast && i === EMBEDDER_TRIPLES.length - 1 ? unrelated : paraphrase, i);
  });
  const dims = EMBEDDER_TRIPLES.length + 1;
  return async (texts: string[]) => {
    const data = new Float32Array(texts.length * dims);
    texts.forEach((text, row) => (data[row * dims + (axis.get(text) ?? dims - 1)] = 1));
    return { dims: [texts.length, dims], data };
  };
}

describe('models -- check probes', () => {
  it('GIVEN an embedder that puts paraphrases together THEN it passes; GIVEN one that prefers an unrelated question THEN it fails', async () => {
    expect(await run('feature-extraction', meaningEmbedder())).toMatchObject({
      status: 'ok',
      detail: expect.stringMatching(/^5\/5 paraphrases/u),
    });
    expect(await run('feature-extraction', meaningEmbedder(true))).toMatchObject({
      status: 'failed',
      detail: expect.stringMatching(/^4\/5/u),
    });
  });

  it('GIVEN a translator THEN 「おはようございます」 must come back with "morning"', async () => {
    const good = async () => [{ translation_text: 'Good morning.' }];
    const bad = async () => [{ translation_text: 'Hello.' }];
    expect((await run('translation', good)).status).toBe('ok');
    expect(await run('translation', bad)).toMatchObject({ status: 'failed', detail: expect.stringContaining('expected "morning"') });
  });

  it('GIVEN a recogniser THEN the bundled clip must come back with its words, asked in English', async () => {
    let options: unknown;
    const good = async (samples: Float32Array, given: unknown) => {
      options = given;
      return { text: samples.length > 16_000 ? ' Hello, how do I use this bot?' : '' };
    };
    expect((await run('automatic-speech-recognition', good)).status).toBe('ok');
    expect(options).toMatchObject({ language: 'en', task: 'transcribe' });
    expect((await run('automatic-speech-recognition', async () => ({ text: ' Thank you.' }))).status).toBe('failed');
  });

  it('GIVEN a chat model THEN "2+2" must be answered with 4', async () => {
    const answering = (content: string) => async (messages: object[]) => [
      { generated_text: [...messages, { role: 'assistant', content }] },
    ];
    expect((await run('text-generation', answering('4'))).status).toBe('ok');
    expect((await run('text-generation', answering('2 + 2 = 4.'))).status).toBe('ok');
    expect((await run('text-generation', answering('24'))).status).toBe('failed');
    expect((await run('text-generation', answering('I like cats'))).status).toBe('failed');
  });

  it('GIVEN a pipeline that throws on the known input THEN it fails with the first line and no server path', async () => {
    const error = new Error(
      `failed in ${path.resolve(config.models.dir)}/tiny-random-bert/onnx/model.onnx, see /usr/lib/x/ort.so\n  at stack`,
    );
    const outcome = await run('feature-extraction', async () => Promise.reject(error));
    expect(outcome).toMatchObject({
      status: 'failed',
      detail: expect.stringContaining('failed in tiny-random-bert/onnx/model.onnx, see ort.so)'),
    });
    expect(outcome.detail).not.toContain(path.resolve(config.models.dir));
    expect(outcome.detail).not.toContain('stack');
  });
});
