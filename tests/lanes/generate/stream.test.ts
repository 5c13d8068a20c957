/** Batching streamed text: the first piece at once, then at most one report per interval, nothing lost. */
import { describe, expect, it } from 'vitest';
import { DeltaStream } from '../../../src/lanes/generate/stream.ts';

describe('DeltaStream', () => {
  it('GIVEN pieces faster than the interval THEN the first goes out at once and the rest are batched in order', () => {
    let now = 1000;
    const reports: string[] = [];
    const stream = new DeltaStream(
      (delta) => reports.push(delta),
      50,
      () => now,
    );
    stream.push('a');
    now += 10;
    stream.push('b');
    now += 10;
    stream.push('c');
    now += 40;
    stream.push('d');
    stream.push('e');
    stream.end('\n-# footer');
    expect(reports).toEqual(['a', 'bcd', 'e\n-# footer']);
    expect(stream.text).toBe('abcde\n-# footer');
  });

  it('GIVEN thinking split across pieces THEN it is never reported', () => {
    const reports: string[] = [];
    const stream = new DeltaStream((delta) => reports.push(delta), 0);
    for (const piece of ['Hi <th', 'ink>plan', '</think> there']) stream.push(piece);
    stream.end();
    expect(reports.join('')).toBe('Hi  there');
  });
});
