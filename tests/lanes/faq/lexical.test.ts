import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FaqEntry } from '../../../src/lanes/faq/entry.ts';
import { decide, DEFAULT_THRESHOLD } from '../../../src/lanes/faq/retrieval/decide.ts';
import { buildLexicalIndex } from '../../../src/lanes/faq/retrieval/lexical.ts';
import { SMALL_FAQ } from './fixtures.ts';

const index = buildLexicalIndex(SMALL_FAQ);

describe('LexicalIndex on a small bilingual FAQ', () => {
  it.each([
    ['how do i join voice', 'join-voice'],
    ['how to report someone who spams', 'report-user'],
    ['when does game night start', 'event-schedule'],
    ['where do I get roles', 'get-role'],
    ['ニックネームを変えたい', 'ja-nickname'],
    ['ルールはどこ？', 'ja-rules'],
    ['通知を止めたいです', 'ja-notifications'],
  ])('ranks the matching entry first for %j', (query, expected) => {
    const [top] = index.rank(query);
    expect(top?.id).toBe(expected);
    expect(top?.score).toBeGreaterThan(DEFAULT_THRESHOLD);
  });

  it.each(['my cat is sleeping on the keyboard', 'what is the best pizza topping', '猫がかわいい'])(
    'gives an unrelated query (%j) low confidence',
    (query) => {
      for (const r of index.rank(query)) expect(r.score).toBeLessThan(DEFAULT_THRESHOLD);
    },
  );

  it('ignores Discord markup around the question', () => {
    expect(index.rank('<@123456> how do I join voice? https://discord.com/channels/1/2')[0]?.id).toBe('join-voice');
  });

  it('returns scores in [0, 1], best first, at most k', () => {
    const ranked = index.rank('how do I get the member role', 3);
    expect(ranked.length).toBeLessThanOrEqual(3);
    for (const r of ranked) {
      expect(r.score).toBeGreaterThanOrEqual(0);
      expect(r.score).toBeLessThanOrEqual(1);
      expect(r.similarity).toBeGreaterThanOrEqual(0);
      expect(r.similarity).toBeLessThanOrEqual(1);
    }
    expect(ranked.map((r) => r.score)).toEqual([...ranked.map((r) => r.score)].sort((a, b) => b - a));
  });

  it('returns nothing for empty, emoji-only or unknown-word queries', () => {
    expect(index.rank('')).toEqual([]);
    expect(index.rank('🎉🎉')).toEqual([]);
    expect(index.rank('<@123>')).toEqual([]);
  });

  it('rejects duplicate ids', () => {
    expect(() => buildLexicalIndex([SMALL_FAQ[0]!, SMALL_FAQ[0]!])).toThrow(/unique/);
  });
});

describe('LexicalIndex with very small FAQs', () => {
  const [voice] = SMALL_FAQ;
  const single = buildLexicalIndex([voice!]);

  it('answers a paraphrase confidently with a single entry', () => {
    const [top] = single.rank('how do I join voice chat');
    expect(top?.id).toBe('join-voice');
    expect(top?.score).toBeGreaterThan(DEFAULT_THRESHOLD);
  });

  it('gives an unrelated query low confidence with a single entry', () => {
    expect(single.rank('what is the best pizza topping')[0]?.score ?? 0).toBeLessThan(DEFAULT_THRESHOLD);
  });

  it('falls back to similarity for a single entry without background class', () => {
    const plain = buildLexicalIndex([voice!], { background: false });
    const [top] = plain.rank('how do I join voice chat');
    expect(top?.score).toBe(top?.similarity);
    expect(top?.score).toBeGreaterThan(0.3);
  });

  it('works with one paraphrase per entry', () => {
    const tiny = buildLexicalIndex([
      { id: 'a', questions: ['how do I reset my password'], answer: 'A' },
      { id: 'b', questions: ['where is the server map'], answer: 'B' },
    ]);
    expect(tiny.rank('I need to reset the password')[0]?.id).toBe('a');
    expect(tiny.rank('show me the map')[0]?.id).toBe('b');
  });

  it('handles an empty FAQ', () => {
    expect(buildLexicalIndex([]).rank('anything')).toEqual([]);
  });
});

describe('LexicalIndex on a one-question-per-entry FAQ (tests/fixtures/faq-single)', () => {
  const dir = resolve(import.meta.dirname, '../../fixtures/faq-single');
  const faq = JSON.parse(readFileSync(resolve(dir, 'faq.json'), 'utf8')) as FaqEntry[];
  const queries = readFileSync(resolve(dir, 'queries.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { text: string; expected: string | null });
  const inScope = queries.filter((q) => q.expected !== null);

  it('GIVEN paraphrased questions THEN the default threshold and margin refuse at most 10% of them', () => {
    const single = buildLexicalIndex(faq);
    const refused = inScope.filter((q) => decide(single.rank(q.text, 20)).kind === 'unknown').length;
    expect(refused / inScope.length).toBeLessThanOrEqual(0.1);
  });
});
