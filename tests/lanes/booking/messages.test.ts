import { describe, expect, it } from 'vitest';
import { MESSAGES } from '../../../src/lanes/booking/messages.ts';
import { localeOf, translator } from '../../../src/lanes/booking/locale.ts';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/gu)].map((m) => m[1]).sort();

describe('booking message catalogue', () => {
  it('GIVEN every message THEN it has English and Japanese text with the same placeholders', () => {
    const problems = Object.entries(MESSAGES).flatMap(([key, { en, ja }]) => {
      if (!en.trim() || !ja.trim()) return [`${key}: empty`];
      return JSON.stringify(placeholders(en)) === JSON.stringify(placeholders(ja))
        ? []
        : [`${key}: ${placeholders(en)} vs ${placeholders(ja)}`];
    });
    expect(problems).toEqual([]);
  });

  it('GIVEN Discord locales THEN ja and ja-JP read Japanese and everything else English, with placeholders filled', () => {
    expect([localeOf('ja'), localeOf('ja-JP'), localeOf('en-US'), localeOf('fr'), localeOf(undefined)]).toEqual([
      'ja',
      'ja',
      'en',
      'en',
      'en',
    ]);
    expect(translator('ja')('refused.limit', { count: 2 })).toBe('すでに2件の予約があり、上限に達しています。');
    expect(translator('en')('refused.limit', { count: 2 })).toBe('You already have 2 upcoming bookings here, the most allowed.');
  });
});
