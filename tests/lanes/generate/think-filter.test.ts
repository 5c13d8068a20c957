import { describe, expect, it } from 'vitest';
import { stripThinking, ThinkFilter } from '../../../src/lanes/generate/think-filter.ts';

describe('hidden thinking', () => {
  it('GIVEN a thought split across streamed chunks THEN none of it is emitted', () => {
    const filter = new ThinkFilter();
    const chunks = ['Hel', 'lo <th', 'ink>secret', ' plan</thi', 'nk> world', '!'];
    const out = chunks.map((chunk) => filter.push(chunk)).join('') + filter.end();
    expect(out).toBe('Hello  world!');
  });

  it('GIVEN an unclosed thought at the end THEN it stays hidden', () => {
    expect(stripThinking('answer <think>still thinking')).toBe('answer');
    expect(stripThinking('a < b and <thinking> is a word')).toBe('a < b and <thinking> is a word');
  });
});
