import { describe, expect, it } from 'vitest';
import type { SlotWithFree } from '../../../../src/lanes/booking/actions/availability.ts';
import { bookedView, timesView } from '../../../../src/lanes/booking/discord/views.ts';
import { translator } from '../../../../src/lanes/booking/locale.ts';
import { restaurant } from '../helpers.ts';

const slot = (i: number, free: number): SlotWithFree => ({
  start: 1_900_000_000_000 + i * 900_000,
  end: 1_900_000_000_000 + (i + 1) * 900_000,
  date: '2030-03-17',
  time: `${String(8 + Math.floor(i / 4)).padStart(2, '0')}:${String((i % 4) * 15).padStart(2, '0')}`,
  free,
});

describe('time buttons', () => {
  it('GIVEN 12 slots THEN one button each, full ones labelled full, in rows of five', () => {
    const view = timesView(
      translator('en'),
      restaurant(),
      'Sun 17 March',
      Array.from({ length: 12 }, (_, i) => slot(i, i % 3 === 0 ? 0 : 2)),
      (s) => `bk:x:${s.start}`,
    );
    const rows = view.components.map((row) => row.toJSON().components.map((c) => ('label' in c ? c.label : '')));
    expect(rows.map((r) => r.length)).toEqual([5, 5, 2]);
    expect(rows[0]?.slice(0, 2)).toEqual(['08:00 full', '08:15 · 2 left']);
  });

  it('GIVEN 40 quarter-hour slots, 10 of them full THEN the 25 buttons are free ones and the member is told about the rest', () => {
    const all = Array.from({ length: 40 }, (_, i) => slot(i, i < 10 ? 0 : 1));
    const view = timesView(translator('ja'), restaurant(), '3月17日', all, (s) => `bk:x:${s.start}`);
    const labels = view.components.flatMap((row) => row.toJSON().components.map((c) => ('label' in c ? c.label : '')));
    expect(labels).toHaveLength(25);
    expect(labels[0]).toBe('10:30・残り1');
    expect(view.content).toBe(
      'Table（3月17日）：時間を選んでください。\nここには空き時間の最初の25件のみ表示しています。その他は /book で予約できます。',
    );
  });
});

describe('the answer to Confirm', () => {
  it('GIVEN a booked booking THEN its text with Change and Cancel for that booking, in the member’s language', () => {
    const view = bookedView(translator('ja'), '✅ 予約しました', { resourceId: 'r1', bookingId: 'b1' });
    expect(view.content).toBe('✅ 予約しました');
    const buttons = view.components.flatMap((row) =>
      row.toJSON().components.map((c) => ['custom_id' in c ? c.custom_id : '', 'label' in c ? c.label : '']),
    );
    expect(buttons).toEqual([
      ['bk:change:r1:b1', '変更'],
      ['bk:cancel:r1:b1', 'キャンセル'],
    ]);
  });
});
