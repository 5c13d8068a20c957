/** What a member wants, from keywords in Japanese and English. */

export type Intent = 'book' | 'change' | 'cancel' | 'list';

// Checked in this order: "cancel my booking" mentions booking too, "change my reservation" too.
const RULES: readonly (readonly [Intent, RegExp])[] = [
  ['cancel', /\bcancel|キャンセル|取り消|取消|やめ(?:る|たい|ます)|\bcall off\b/iu],
  ['change', /\b(?:move|change|reschedule|postpone|switch|push)\b|変更|変え|ずらし|ずらす|移動|移し/iu],
  [
    'list',
    /\bmy (?:bookings?|reservations?)\b|\b(?:list|show)\b.*\b(?:bookings?|reservations?)\b|予約(?:の)?(?:一覧|確認|状況)|予約を(?:見|確認)/iu,
  ],
  ['book', /\b(?:book|reserve|reservation|booking)\b|予約|空いて|空き/iu],
];

/** The intent the text states, or undefined when it names none (a bare "tomorrow at 7" is read as booking later). */
export function intentOf(text: string): Intent | undefined {
  return RULES.find(([, pattern]) => pattern.test(text))?.[0];
}
