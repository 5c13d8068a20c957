import { describe, expect, it } from 'vitest';
import { buildTriggerMatcher } from '../../../src/lanes/faq/triggers.ts';

const entry = (id: string, triggers: string[]) => ({ id, questions: [id], answer: id, triggers });

describe('FAQ triggers', () => {
  const match = buildTriggerMatcher([
    entry('rules', ['=rules', 'server rules']),
    entry('ip', ['server ip', 'IP address']),
    entry('ja', ['ルール']),
  ]);

  it('GIVEN an exact trigger THEN only the whole question matches, ignoring case, width and closing punctuation', () => {
    expect(match('Rules?')).toBe('rules');
    expect(match('ＲＵＬＥＳ！')).toBe('rules');
    expect(match('rules of chess')).toBeUndefined();
  });

  it('GIVEN a keyword trigger THEN it matches as whole words anywhere, and the longest trigger wins', () => {
    expect(match('what is the SERVER IP please')).toBe('ip');
    expect(match('where are the server rules')).toBe('rules');
    expect(match('my ip addresses')).toBeUndefined();
  });

  it('GIVEN a Japanese trigger THEN it matches inside an unspaced sentence', () => {
    expect(match('サーバーのルールを教えて')).toBe('ja');
  });

  it('GIVEN entries without triggers THEN nothing matches', () => {
    expect(buildTriggerMatcher([{ id: 'a', questions: ['a'], answer: 'a' }])('a')).toBeUndefined();
  });
});
