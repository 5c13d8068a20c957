import { describe, expect, it } from 'vitest';
import { DISCORD_MESSAGE_LIMIT, splitMessage } from '../../../src/bot/reply/split.ts';

const fences = (text: string) => text.split('\n').filter((line) => line.trim().startsWith('```')).length;

describe('splitting long replies for Discord', () => {
  it('GIVEN a short text THEN it is one message', () => {
    expect(splitMessage('hello')).toEqual(['hello']);
  });

  it('GIVEN 5,000 characters of prose THEN every part fits and cuts fall at sentence ends', () => {
    const sentence = 'This is a sentence that goes on for a while. ';
    const text = sentence.repeat(Math.ceil(5000 / sentence.length));
    const parts = splitMessage(text);
    expect(parts.length).toBeGreaterThanOrEqual(3);
    for (const part of parts) {
      expect(part.length).toBeLessThanOrEqual(DISCORD_MESSAGE_LIMIT);
      expect(part.endsWith('.')).toBe(true);
    }
    expect(parts.join(' ').replace(/\s+/gu, ' ')).toBe(text.trim().replace(/\s+/gu, ' '));
  });

  it('GIVEN lines THEN cuts prefer line breaks', () => {
    const text = Array.from({ length: 300 }, (_, i) => `line ${i} without a full stop`).join('\n');
    const parts = splitMessage(text);
    for (const part of parts) expect(part.split('\n').every((line) => /^line \d+ without a full stop$/u.test(line))).toBe(true);
  });

  it('GIVEN a code block longer than one message THEN each part closes and reopens the fence with its language', () => {
    const code = Array.from({ length: 200 }, (_, i) => `const value${i} = ${i};`).join('\n');
    const parts = splitMessage(`Here:\n\`\`\`ts\n${code}\n\`\`\`\nDone.`);
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) {
      expect(part.length).toBeLessThanOrEqual(DISCORD_MESSAGE_LIMIT);
      expect(fences(part) % 2).toBe(0);
    }
    expect(parts[1]?.startsWith('```ts\n')).toBe(true);
  });

  it('GIVEN one unbroken word longer than the limit THEN it is cut hard', () => {
    const parts = splitMessage('x'.repeat(4500));
    expect(parts.map((part) => part.length)).toEqual([1996, 1996, 508]);
  });
});
