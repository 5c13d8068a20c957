/** The FAQ lane's forward pass honours each model's conventions, proven on the real fixture BERT pipeline. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conventionsFor } from '../../../src/inference/conventions.ts';
import { ModelRuntime } from '../../../src/inference/runtime.ts';
import { embeddingKey, forwardPass, type Embedder } from '../../../src/lanes/faq/embeddings.ts';
import { quietLogger, testConfig } from '../../helpers/env.ts';

const config = testConfig();
const runtime = new ModelRuntime({ models: config.models, logger: quietLogger });
let pipeline: Embedder;
/** The real pipeline, recording the texts it is given. */
let recording: Embedder;
const seen: string[][] = [];

beforeAll(async () => {
  pipeline = (await runtime.load({
    task: 'feature-extraction',
    model: 'tiny-random-bert',
    dtype: 'fp32',
    device: 'cpu',
  })) as unknown as Embedder;
  const record = ((texts: string[], options: Parameters<Embedder>[1]) => {
    seen.push(texts);
    return pipeline(texts, options);
  }) as Embedder;
  recording = pipeline.tokenizer ? Object.assign(record, { tokenizer: pipeline.tokenizer }) : record;
});
afterAll(() => runtime.dispose());

const rows = async (texts: string[]) => {
  const output = await pipeline(texts, { pooling: 'mean', normalize: true });
  const dims = output.dims[output.dims.length - 1] ?? 0;
  return texts.map((_, i) => Float32Array.from(output.data).slice(i * dims, (i + 1) * dims));
};

describe('embedding with the model conventions', () => {
  it('GIVEN the real multilingual-e5 model id THEN every text gets "query: " (symmetric matching) and the vectors are those of the prefixed texts', async () => {
    seen.length = 0;
    const vectors = await forwardPass(recording, 'Xenova/multilingual-e5-small')(['how do I get a role', 'ロールはどうやってもらえますか']);
    expect(seen).toEqual([['query: how do I get a role', 'query: ロールはどうやってもらえますか']]);
    expect(vectors).toEqual(await rows(['query: how do I get a role', 'query: ロールはどうやってもらえますか']));
    expect(vectors[0]).not.toEqual((await rows(['how do I get a role']))[0]);
  });

  it('GIVEN the fixture BERT THEN texts go in as they are', async () => {
    seen.length = 0;
    const vectors = await forwardPass(recording, 'tiny-random-bert')(['how do I get a role']);
    expect(seen).toEqual([['how do I get a role']]);
    expect(vectors).toEqual(await rows(['how do I get a role']));
  });

  it('GIVEN a text longer than the input limit THEN it is cut to fit with a note, never a crash', async () => {
    seen.length = 0;
    const notes: Record<string, unknown>[] = [];
    const long = 'the member role is given in the roles channel. '.repeat(120);
    const [vector] = await forwardPass(recording, 'tiny-random-bert', (_, detail) => notes.push(detail))([long]);
    expect(vector?.length).toBeGreaterThan(0);
    const sent = seen[0]?.[0] ?? '';
    expect(long.startsWith(sent)).toBe(true);
    expect(pipeline.tokenizer?.encode(sent).length).toBeLessThanOrEqual(512);
    expect(pipeline.tokenizer?.encode(sent + long.slice(sent.length, sent.length + 8)).length).toBeGreaterThan(512);
    expect(notes).toEqual([expect.objectContaining({ maxTokens: 512, chars: long.length, keptChars: sent.length })]);
  });

  it('GIVEN a change of input policy THEN the stored vectors live under another key', () => {
    const e5 = conventionsFor('Xenova/multilingual-e5-small', 'embedder').conventions;
    const key = embeddingKey('p', 'Xenova/multilingual-e5-small', 'q8');
    expect(key).toMatch(/^p:faq:emb:Xenova\/multilingual-e5-small:q8:[0-9a-f]{8}$/u);
    expect(embeddingKey('p', 'Xenova/multilingual-e5-small', 'q8', { ...e5, symmetricPrefix: '' })).not.toBe(key);
    expect(embeddingKey('p', 'Xenova/multilingual-e5-small', 'q8', e5)).toBe(key);
  });
});
