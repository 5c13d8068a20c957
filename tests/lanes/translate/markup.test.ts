/** Markup through translation, as properties over random messages: every protected span and marker pair comes back. */
import { describe, expect, it } from 'vitest';
import { translateMessage } from '../../../src/lanes/translate/engine.ts';
import { parseMessage } from '../../../src/lanes/translate/markup/document.ts';
import { doubleFirst, fakeProvider, language as lang, loseAll, reorder, upper } from './fake-providers.ts';

const pair = { from: lang('en'), to: lang('de') };

/** A small seeded generator (mulberry32): the same messages on every run. */
function random(seed: number) {
  let state = seed;
  const next = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  return { next, pick };
}

const SPANS = [
  '<@123456789012345678>',
  '<@!223456789012345678>',
  '<@&323456789012345678>',
  '<#423456789012345678>',
  '<:wave:523456789012345678>',
  '<a:dance:623456789012345678>',
  '<t:1700000000:R>',
  '<t:1700000000>',
  '@everyone',
  '@here',
  'https://example.com/a?b=c&d=e',
  '<https://discord.com/channels/1/2>',
  '`npm start`',
  '`a**b`',
  '😀',
  '👍🏽',
  '🇯🇵',
  '👨‍👩‍👧',
  '{2}',
  '</translate text:723456789012345678>',
];
const WORDS = [
  'hello',
  'world',
  'see',
  'the',
  'docs',
  'before',
  'running',
  'it',
  'please',
  'thanks',
  '今日は',
  'ありがとう',
  'café',
  'and',
];
const MARKERS = ['**', '*', '__', '~~', '||', '***'];
const PREFIXES = ['', '', '', '> ', '- ', '1. ', '# ', '-# ', '>>> '];

function randomLine(r: ReturnType<typeof random>, depth = 0): string {
  const items: string[] = [];
  const n = 1 + Math.floor(r.next() * 6);
  for (let i = 0; i < n; i++) {
    const roll = r.next();
    if (roll < 0.45) items.push(r.pick(WORDS));
    else if (roll < 0.75) items.push(r.pick(SPANS));
    else if (depth < 2) {
      // Formatted stretches start and end with a word, as people write them (`****` runs are ambiguous markup).
      const marker = r.pick(MARKERS);
      items.push(` ${marker}${r.pick(WORDS)} ${randomLine(r, depth + 1)} ${r.pick(WORDS)}${marker} `);
    } else items.push(r.pick(WORDS));
  }
  // Spans are sometimes glued to words (`<@1>さん`); links always end at a space, as Discord reads them.
  return items.map((item) => (item.includes('http') ? ` ${item} ` : item)).join(r.next() < 0.8 ? ' ' : '');
}

function randomMessage(seed: number): string {
  const r = random(seed);
  const lines: string[] = [];
  const n = 1 + Math.floor(r.next() * 4);
  for (let i = 0; i < n; i++) {
    if (r.next() < 0.1) lines.push('```js\nconst x = "keep **this**";\n```');
    else lines.push(r.pick(PREFIXES) + randomLine(r) + (r.next() < 0.3 ? '. ' + randomLine(r) + '!' : ''));
  }
  return lines.join(r.next() < 0.7 ? '\n' : '\n\n');
}

const occurrences = (text: string, piece: string) => text.split(piece).length - 1;

describe('protected spans and formatting through translation (random messages)', () => {
  const seeds = Array.from({ length: 300 }, (_, i) => i + 1);
  for (const [name, translate] of [
    ['a model that keeps placeholders', upper],
    ['a model that reorders words', reorder],
    ['a model that loses placeholders', loseAll],
    ['a model that doubles one', doubleFirst],
  ] as const) {
    it(`GIVEN ${name} THEN every span is back byte-identical, marker pairs and line structure too, nothing lost`, async () => {
      for (const seed of seeds) {
        const message = randomMessage(seed);
        const provider = fakeProvider(translate);
        const result = await translateMessage(message, { provider, pair, chunkTokens: 40 });
        const why = `seed ${seed}: ${JSON.stringify(message)} → ${JSON.stringify(result.text)}`;
        expect(result.lostSpans, why).toBe(0);
        for (const span of SPANS)
          expect(occurrences(result.text, span), `${why} span ${span}`).toBeGreaterThanOrEqual(occurrences(message, span));
        for (const marker of ['||', '**', '__', '~~', '```'])
          expect(occurrences(result.text, marker), `${why} marker ${marker}`).toBe(occurrences(message, marker));
        expect(occurrences(result.text, '\n'), why).toBe(occurrences(message, '\n'));
        expect(provider.batches.length, why).toBeLessThanOrEqual(2);
      }
    });
  }

  it('GIVEN a model that keeps placeholders THEN no fallback runs; GIVEN one that loses them THEN each chunk with spans falls back', async () => {
    const message = 'hi <@123456789012345678>, run `npm start` first';
    const kept = await translateMessage(message, { provider: fakeProvider(upper), pair, chunkTokens: 40 });
    expect(kept).toMatchObject({ text: 'HI <@123456789012345678>, RUN `npm start` FIRST', fallbacks: 0, calls: 1, chunks: 1 });
    const lost = await translateMessage(message, { provider: fakeProvider(loseAll), pair, chunkTokens: 40 });
    expect(lost).toMatchObject({ text: 'HI <@123456789012345678>, RUN `npm start` FIRST', fallbacks: 1, calls: 2, lostSpans: 0 });
  });
});

describe('whole sentences and formatting', () => {
  it('GIVEN a sentence with mentions and code THEN the model sees it whole, with numbered placeholders', async () => {
    const provider = fakeProvider(upper);
    await translateMessage('<@123456789012345678> さん、`npm start` を実行してから再起動してください', {
      provider,
      pair: { from: lang('ja'), to: lang('en') },
      chunkTokens: 60,
    });
    expect(provider.batches).toEqual([['{1} さん、{2} を実行してから再起動してください']]);
  });

  it('GIVEN bold, italic, underline, strike and spoiler THEN each marker pair wraps the translated words, spoilers hold only their own words', async () => {
    const provider = fakeProvider(reorder);
    const result = await translateMessage('the **big** news: ||he wins|| and ~~old~~ *new* __line__', { provider, pair, chunkTokens: 60 });
    expect(provider.batches).toEqual([['the {1} news: {2} and {3} {4} {5}', 'big', 'he wins', 'old', 'new', 'line']]);
    expect(result.text).toBe(
      '{5} {4} {3} AND {2} NEWS: {1} THE'
        .replace('{5}', '__LINE__')
        .replace('{4}', '*NEW*')
        .replace('{3}', '~~OLD~~')
        .replace('{2}', '||WINS HE||')
        .replace('{1}', '**BIG**'),
    );
  });

  it('GIVEN quotes, lists, headings and a code block THEN prefixes, line breaks and the block are copied', async () => {
    const text = '> quoted line\n- item one\n\n```js\nconst x = "do not translate";\n```\n# end';
    const result = await translateMessage(text, { provider: fakeProvider(upper), pair, chunkTokens: 60 });
    expect(result.text).toBe('> QUOTED LINE\n- ITEM ONE\n\n```js\nconst x = "do not translate";\n```\n# END');
  });

  it('GIVEN a text that already contains {1} THEN it is protected like a span and never confused with a placeholder', () => {
    const [part] = parseMessage('use {1} here');
    expect(part).toEqual({ kind: 'unit', unit: { template: 'use {1} here', slots: [{ kind: 'keep', text: '{1}' }] } });
  });

  it('GIVEN snake_case and arithmetic THEN they are not taken for italics', () => {
    const [part] = parseMessage('set max_new_tokens to 2 * 3 * 4');
    expect(part).toEqual({ kind: 'unit', unit: { template: 'set max_new_tokens to 2 * 3 * 4', slots: [] } });
  });
});
