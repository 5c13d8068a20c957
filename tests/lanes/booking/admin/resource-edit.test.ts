import { describe, expect, it } from 'vitest';
import { hoursFromText, hoursText } from '../../../../src/lanes/booking/admin/resource-edit.ts';
import { translator } from '../../../../src/lanes/booking/locale.ts';

describe('opening hours typed by an admin', () => {
  it('GIVEN ranges in ASCII, full width or Japanese punctuation THEN they are read; "closed" and 休み mean none', () => {
    expect(hoursFromText('11:00-14:00,17:00-22:00')).toEqual([
      { open: '11:00', close: '14:00' },
      { open: '17:00', close: '22:00' },
    ]);
    expect(hoursFromText('９:00〜12:30、13:30~17:00')).toEqual([
      { open: '09:00', close: '12:30' },
      { open: '13:30', close: '17:00' },
    ]);
    expect(hoursFromText('closed')).toEqual([]);
    expect(hoursFromText('休み')).toEqual([]);
  });

  it('GIVEN something that is not hours THEN nothing is read', () => {
    for (const text of ['', 'noon-ish', '25:00-26:00', '10-12', '11:00']) expect(hoursFromText(text)).toBeUndefined();
  });

  it('GIVEN a week THEN it is listed Sunday first in the admin’s language', () => {
    const week = Array.from({ length: 7 }, (_, day) => (day === 1 ? [] : [{ open: '17:00', close: '22:00' }]));
    expect(hoursText(translator('ja'), week).split('\n').slice(0, 2)).toEqual(['日 17:00-22:00', '月 休み']);
  });
});
