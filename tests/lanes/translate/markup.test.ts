import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../../src/lanes/translate/detect.ts';
import { joinMarkup, splitMarkup } from '../../../src/lanes/translate/markup.ts';

/** Translates by upper-casing the prose pieces: whatever is not prose must come back byte for byte. */
function roundTrip(text: string): { out: string; prose: string[] } {
  const pieces = splitMarkup(text);
  const prose = pieces.filter((piece) => piece.translate).map((piece) => piece.text);
  return {
    out: joinMarkup(
      pieces,
      prose.map((p) => p.toUpperCase()),
    ),
    prose,
  };
}

describe('Discord markup through translation', () => {
  it('GIVEN mentions, emoji, links and inline code THEN only the prose is translated', () => {
    const { out, prose } = roundTrip(
      'hi <@123456789012345678>, see https://example.com/a?b=c and `npm start` <:wave:123> <t:1700000000:R>',
    );
    expect(prose).toEqual(['hi', ', see', 'and']);
    expect(out).toBe('HI <@123456789012345678>, SEE https://example.com/a?b=c AND `npm start` <:wave:123> <t:1700000000:R>');
  });

  it('GIVEN code blocks, quotes and lists THEN their structure is kept', () => {
    const text = '> quoted line\n- item one\n```js\nconst x = "do not translate";\n```\nend';
    const { out, prose } = roundTrip(text);
    expect(prose).toEqual(['quoted line', 'item one', 'end']);
    expect(out).toBe('> QUOTED LINE\n- ITEM ONE\n```js\nconst x = "do not translate";\n```\nEND');
  });

  it('GIVEN @everyone in the text THEN it is not sent to the model', () => {
    expect(roundTrip('hello @everyone').prose).toEqual(['hello']);
  });
});

describe('source language guess', () => {
  it('GIVEN text in various scripts THEN the script decides', () => {
    expect(detectLanguage('おはようございます')).toBe('ja');
    expect(detectLanguage('東京に行きます')).toBe('ja');
    expect(detectLanguage('你好世界')).toBe('zh');
    expect(detectLanguage('안녕하세요')).toBe('ko');
    expect(detectLanguage('Привет, мир')).toBe('ru');
    expect(detectLanguage('good morning, how are you?')).toBe('en');
    expect(detectLanguage('bonjour, je suis là et merci')).toBe('fr');
    expect(detectLanguage('😀 123')).toBe('en');
  });
});
