import { describe, expect, it } from 'vitest';
import { EmbedBatcher } from '../../../src/lanes/faq/batcher.ts';

function recorder() {
  const passes: string[][] = [];
  const embed = async (texts: string[]) => {
    passes.push(texts);
    await new Promise((resolve) => setTimeout(resolve, 20));
    return texts.map((text) => Float32Array.of(text.length));
  };
  return { passes, embed };
}

describe('EmbedBatcher', () => {
  it('GIVEN requests within the wait THEN they share one pass, duplicates embedded once, each gets its own vectors', async () => {
    const { passes, embed } = recorder();
    const batcher = new EmbedBatcher(embed, 30);
    const results = await Promise.all([batcher.vectors(['a']), batcher.vectors(['bb', 'a']), batcher.vectors(['ccc'])]);
    expect(passes).toEqual([['a', 'bb', 'ccc']]);
    expect(results.map((vectors) => vectors.map((v) => v[0]))).toEqual([[1], [2, 1], [3]]);
  });

  it('GIVEN requests arriving during a pass THEN they wait for it and go together in the next one', async () => {
    const { passes, embed } = recorder();
    const batcher = new EmbedBatcher(embed, 0);
    const first = batcher.vectors(['a']);
    await new Promise((resolve) => setTimeout(resolve, 5));
    await Promise.all([first, batcher.vectors(['b']), batcher.vectors(['c'])]);
    expect(passes).toEqual([['a'], ['b', 'c']]);
  });

  it('GIVEN more texts than maxBatch THEN passes are split, and a failing pass rejects its waiters only', async () => {
    const { passes, embed } = recorder();
    const batcher = new EmbedBatcher(embed, 0, 2);
    await batcher.vectors(['a', 'b', 'c']);
    expect(passes).toEqual([['a', 'b'], ['c']]);
    const failing = new EmbedBatcher(async () => Promise.reject(new Error('onnx failed')), 0);
    await expect(failing.vectors(['x'])).rejects.toThrow('onnx failed');
  });
});
