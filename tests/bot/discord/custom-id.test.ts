/** Custom ids are made and read in one place, within Discord's 100 characters. */
import { describe, expect, it } from 'vitest';
import { customId, parseCustomId } from '../../../src/bot/discord/custom-id.ts';

describe('custom ids', () => {
  it('GIVEN a namespace and arguments THEN they round-trip', () => {
    const id = customId('tx', 'ja', 'transcribe-123');
    expect(id).toBe('tx:ja:transcribe-123');
    expect(parseCustomId(id ?? '')).toEqual({ namespace: 'tx', args: ['ja', 'transcribe-123'] });
  });

  it('GIVEN an id over 100 characters THEN none is made, and a part with ":" is refused', () => {
    expect(customId('faq', 'show', 'x'.repeat(120))).toBeUndefined();
    expect(() => customId('faq', 'a:b')).toThrow();
    expect(parseCustomId('x'.repeat(101))).toBeUndefined();
  });
});
