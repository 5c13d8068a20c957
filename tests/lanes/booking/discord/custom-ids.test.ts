import { describe, expect, it } from 'vitest';
import { type BookingCustomId, customId, parseCustomId } from '../../../../src/lanes/booking/discord/custom-ids.ts';

const ids: BookingCustomId[] = [
  { action: 'day', resourceId: 'r0123456789ab' },
  { action: 'time', resourceId: 'r0123456789ab', start: 1_900_000_000_000 },
  { action: 'confirm', draftId: 'd0123456789ab' },
  { action: 'alt', draftId: 'd0123456789ab', start: 1_900_000_000_000 },
  { action: 'mvtime', resourceId: 'r0123456789ab', bookingId: 'b0123456789ab', start: 1_900_000_000_000 },
  { action: 'accept', resourceId: 'r0123456789ab', bookingId: 'b0123456789ab' },
];

describe('booking custom ids', () => {
  it('GIVEN each kind of id THEN it fits Discord’s 100 characters and parses back to itself', () => {
    for (const id of ids) {
      const text = customId(id);
      expect(text.length).toBeLessThanOrEqual(100);
      expect(parseCustomId(text)).toEqual(id);
    }
  });

  it('GIVEN ids that are not ours, malformed or forged THEN they parse to nothing', () => {
    for (const text of [
      'faq:show:x',
      'bk:confirm',
      'bk:confirm:d0123456789ab:extra',
      'bk:nope:x',
      'bk:confirm:../../etc',
      'bk:time:r0123456789ab:soon',
      'bk:cancel:r0123456789ab:b01',
    ]) {
      expect(parseCustomId(text)).toBeUndefined();
    }
  });
});
