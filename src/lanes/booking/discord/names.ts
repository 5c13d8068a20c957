/**
 * Japanese names of the booking commands, their options and choices (Discord shows them to members whose client
 * is in Japanese). Applied to the registered definitions, so every name the lane registers has one.
 */
const COMMANDS: Readonly<Record<string, string>> = { book: '予約', mybookings: '自分の予約', booking: '予約管理' };

const OPTIONS: Readonly<Record<string, string>> = {
  resource: '予約先',
  when: '日時',
  party: '人数',
  note: 'メモ',
  add: '追加',
  name: '名前',
  capacity: '定員',
  'slot-minutes': '枠の長さ',
  'buffer-minutes': '枠の間隔',
  'horizon-days': '受付日数',
  'cutoff-minutes': '締切',
  'max-per-member': '一人の上限',
  hours: '営業時間',
  edit: '編集',
  'new-name': '新しい名前',
  remove: '削除',
  list: '一覧',
  days: '曜日',
  exception: '例外',
  closed: '休業日',
  date: '日付',
  extra: '臨時枠',
  time: '時刻',
  timezone: 'タイムゾーン',
  zone: 'ゾーン',
  'date-order': '日付の順序',
  panel: 'パネル',
  channel: 'チャンネル',
  export: 'エクスポート',
  format: '形式',
  from: '開始日',
  to: '終了日',
  cancel: 'キャンセル',
  booking: '予約',
  reason: '理由',
};

const CHOICES: Readonly<Record<string, string>> = {
  every: '毎日',
  weekdays: '平日',
  weekends: '週末',
  sun: '日曜',
  mon: '月曜',
  tue: '火曜',
  wed: '水曜',
  thu: '木曜',
  fri: '金曜',
  sat: '土曜',
  CSV: 'CSV',
  'iCalendar (.ics)': 'iCalendar（.ics）',
};

/** What a command, option or choice definition has that this file touches. */
interface Named {
  readonly name: string;
  name_localizations?: Partial<Record<string, string | null | undefined>> | null | undefined;
  readonly options?: readonly Named[] | undefined;
  readonly choices?: readonly Named[] | undefined;
}

function localize(item: Named, names: Readonly<Record<string, string>>): void {
  const ja = names[item.name];
  if (ja && !item.name_localizations?.ja) item.name_localizations = { ...item.name_localizations, ja };
  for (const option of item.options ?? []) localize(option, OPTIONS);
  for (const choice of item.choices ?? []) localize(choice, CHOICES);
}

/** Adds the Japanese names to a freshly built command definition (changed in place) and returns it. */
export function withJapaneseNames<T extends Named>(definition: T): T {
  localize(definition, COMMANDS);
  return definition;
}
