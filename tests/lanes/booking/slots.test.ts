import { describe, expect, it } from 'vitest';
import { bookableDays, checkSlot, daySlots } from '../../../src/lanes/booking/slots.ts';
import { restaurant } from './helpers.ts';

const at = (iso: string) => Date.parse(iso);
const times = (slots: readonly { time: string }[]) => slots.map((s) => s.time);

describe('slots', () => {
  it('GIVEN 17:00-22:00, 60-minute slots and a 30-minute buffer THEN slots start every 90 minutes and end by closing', () => {
    expect(times(daySlots(restaurant(), '2025-06-02', 'UTC'))).toEqual(['17:00', '18:30', '20:00']);
  });

  it('GIVEN a closed day and a one-off extra slot THEN the closed day has none and the extra one is offered', () => {
    const resource = restaurant({
      exceptions: [
        { kind: 'closed', date: '2025-06-02' },
        { kind: 'extra', date: '2025-06-03', time: '15:00' },
      ],
    });
    expect(daySlots(resource, '2025-06-02', 'UTC')).toEqual([]);
    expect(times(daySlots(resource, '2025-06-03', 'UTC'))).toEqual(['15:00', '17:00', '18:30', '20:00']);
  });

  it('GIVEN hours past midnight THEN late slots belong to the evening they start in', () => {
    const bar = restaurant({ hours: Array.from({ length: 7 }, () => [{ open: '22:00', close: '02:00' }]), bufferMinutes: 0 });
    const slots = daySlots(bar, '2025-01-31', 'Asia/Tokyo');
    expect(times(slots)).toEqual(['22:00', '23:00', '00:00', '01:00']);
    expect(slots[2]?.start).toBe(at('2025-01-31T15:00:00Z'));
    expect(checkSlot(bar, at('2025-01-31T15:00:00Z'), at('2025-01-31T00:00:00Z'), 'Asia/Tokyo')).toMatchObject({ date: '2025-01-31' });
  });

  it('GIVEN New York’s spring-forward night THEN the missing 02:00 slot is left out and the others keep their length', () => {
    const night = restaurant({ hours: Array.from({ length: 7 }, () => [{ open: '01:00', close: '04:00' }]), bufferMinutes: 0 });
    const slots = daySlots(night, '2025-03-09', 'America/New_York');
    expect(times(slots)).toEqual(['01:00', '03:00']);
    expect(slots.map((s) => s.end - s.start)).toEqual([3_600_000, 3_600_000]);
  });

  it('GIVEN New York’s fall-back night THEN 01:00 is offered once', () => {
    const night = restaurant({ hours: Array.from({ length: 7 }, () => [{ open: '00:00', close: '03:00' }]), bufferMinutes: 0 });
    expect(times(daySlots(night, '2025-11-02', 'America/New_York'))).toEqual(['00:00', '01:00', '02:00']);
  });

  it('GIVEN the clock THEN past, cut-off, horizon and off-grid times are refused with their reason', () => {
    const resource = restaurant({ cutoffMinutes: 120, horizonDays: 7 });
    const now = at('2025-06-02T16:00:00Z');
    expect(checkSlot(resource, at('2025-06-02T15:00:00Z'), now, 'UTC')).toBe('past');
    expect(checkSlot(resource, at('2025-06-02T17:00:00Z'), now, 'UTC')).toBe('cutoff');
    expect(checkSlot(resource, at('2025-06-02T18:30:00Z'), now, 'UTC')).toMatchObject({ time: '18:30' });
    expect(checkSlot(resource, at('2025-06-02T18:00:00Z'), now, 'UTC')).toBe('no_such_slot');
    expect(checkSlot(resource, at('2025-06-10T17:00:00Z'), now, 'UTC')).toBe('beyond_horizon');
    expect(bookableDays(resource, now, 'UTC', 25)).toHaveLength(8);
  });
});
