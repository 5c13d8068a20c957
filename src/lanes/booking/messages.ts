/**
 * Every string the booking lane shows a member or an admin, in English and Japanese. `{name}` placeholders are
 * filled by {@link translator}. Kept in one file so the project-wide catalogue can take it over as it is.
 */
import type { Locale } from './model.ts';

export const MESSAGES = {
  // Questions asked one at a time.
  'ask.resource': { en: 'What would you like to book? {options}', ja: '何を予約しますか？ {options}' },
  'ask.date': { en: 'Which day? (e.g. "tomorrow", "Friday", "12/24")', ja: 'いつにしますか？（例：「明日」「金曜」「12/24」）' },
  'ask.time': { en: 'What time?', ja: '何時にしますか？' },
  'ask.party': { en: 'For how many people?', ja: '何名様ですか？' },
  'ask.which_booking': { en: 'Which booking?', ja: 'どの予約ですか？' },
  'ask.new_time': { en: 'To which day or time?', ja: '何日・何時に変更しますか？' },
  not_understood: {
    en: 'I can book, change or cancel: try "book for 2 tomorrow at 7pm" or "cancel my booking".',
    ja: '予約・変更・キャンセルができます。例：「明日19時に2名で予約」「予約をキャンセル」',
  },
  // Cards.
  'card.title.book': { en: 'Please confirm your booking', ja: '予約内容のご確認' },
  'card.title.move': { en: 'Please confirm the change', ja: '変更内容のご確認' },
  'card.title.cancel': { en: 'Cancel this booking?', ja: 'この予約をキャンセルしますか？' },
  'card.title.offer': { en: 'A place opened up for you', ja: '空きが出ました' },
  'card.resource': { en: 'What', ja: '予約先' },
  'card.when': { en: 'When', ja: '日時' },
  'card.was': { en: 'Was', ja: '変更前' },
  'card.party': { en: 'Party', ja: '人数' },
  'card.name': { en: 'Name', ja: 'お名前' },
  'card.note': { en: 'Note', ja: 'メモ' },
  'card.party_value': { en: '{party}', ja: '{party}名' },
  'card.understood': { en: 'I read "{text}" as {date}.', ja: '「{text}」は{date}と解釈しました。' },
  'card.expires': {
    en: 'Confirm by {deadline}, or the place goes to the next in line.',
    ja: '{deadline}までに確定してください。過ぎると次の方に回ります。',
  },
  'button.confirm': { en: 'Confirm', ja: '確定' },
  'button.cancel': { en: 'Cancel', ja: 'キャンセル' },
  'button.keep': { en: 'Keep it', ja: 'やめる' },
  'button.change': { en: 'Change', ja: '変更' },
  'button.waitlist': { en: 'Join the waitlist', ja: 'キャンセル待ちに登録' },
  'button.accept': { en: 'Take it', ja: '予約する' },
  'button.decline': { en: 'No thanks', ja: '辞退する' },
  'button.full': { en: '{time} full', ja: '{time} 満席' },
  'button.free': { en: '{time} · {free} left', ja: '{time}・残り{free}' },
  // Outcomes.
  'done.booked': { en: '✅ Booked: {resource}, {when}, party of {party}.', ja: '✅ 予約しました：{resource}、{when}、{party}名' },
  'done.moved': { en: '✅ Moved: {resource}, now {when}.', ja: '✅ 変更しました：{resource}、{when}' },
  'done.cancelled': { en: '🗑️ Cancelled: {resource}, {when}.', ja: '🗑️ キャンセルしました：{resource}、{when}' },
  'done.discarded': { en: 'Nothing was booked.', ja: '予約はしていません。' },
  'done.kept': { en: 'Your booking stays as it is.', ja: '予約はそのままです。' },
  'done.waitlisted': {
    en: '📝 You are number {position} on the waitlist for {when}. I will message you if a place opens up.',
    ja: '📝 {when}のキャンセル待ち{position}番目に登録しました。空きが出たらお知らせします。',
  },
  'done.offer_declined': { en: 'Understood: the place goes to the next in line.', ja: '承知しました。次の方にお回しします。' },
  'done.already_confirmed': { en: 'This was already confirmed.', ja: 'すでに確定済みです。' },
  // Refusals.
  'refused.past': { en: 'That time has already passed.', ja: 'その時間はすでに過ぎています。' },
  'refused.cutoff': {
    en: 'Booking for that time has closed ({minutes} minutes before the start).',
    ja: 'その時間の受付は締め切りました（開始{minutes}分前まで）。',
  },
  'refused.beyond_horizon': { en: 'Booking opens {days} days ahead; that is too far.', ja: '予約は{days}日先まで受け付けています。' },
  'refused.no_such_slot': { en: 'There is no slot at {time} on {date}.', ja: '{date} {time}の枠はありません。' },
  'refused.closed_day': { en: '{resource} has no slots on {date}.', ja: '{date}は{resource}の受付がありません。' },
  'refused.party_too_large': {
    en: 'A slot holds at most {capacity}; please split the party or contact the staff.',
    ja: '1枠は最大{capacity}名です。',
  },
  'refused.party_invalid': { en: 'The party size must be a whole number from 1.', ja: '人数は1以上の整数で入力してください。' },
  'refused.full': {
    en: 'That slot is full ({free} left, you asked for {party}).',
    ja: 'その枠は満席です（残り{free}、ご希望{party}名）。',
  },
  'refused.limit': {
    en: 'You already have {count} upcoming bookings here, the most allowed.',
    ja: 'すでに{count}件の予約があり、上限に達しています。',
  },
  'refused.already': { en: 'You already have a booking in that slot.', ja: 'その枠はすでに予約済みです。' },
  'refused.missing': { en: 'That booking no longer exists.', ja: 'その予約は見つかりません。' },
  'refused.forbidden': { en: 'That is not your booking.', ja: 'ご自身の予約ではありません。' },
  'refused.expired': {
    en: 'Sorry, the time to confirm has passed; the place went to the next in line.',
    ja: '確定期限が過ぎたため、次の方にお回ししました。',
  },
  'refused.draft_expired': { en: 'This card has expired; please start again.', ja: 'この確認は期限切れです。もう一度お試しください。' },
  'refused.same': { en: 'That is the time you already have.', ja: '現在と同じ日時です。' },
  'refused.not_confirmed': { en: 'Only a confirmed booking can be changed.', ja: '確定済みの予約のみ変更できます。' },
  'refused.available': {
    en: 'There is room in that slot now: book it instead.',
    ja: '現在その枠に空きがあります。そのまま予約してください。',
  },
  'refused.already_waiting': { en: 'You are already on the waitlist for that slot.', ja: 'すでにキャンセル待ちに登録済みです。' },
  'refused.waitlist_full': { en: 'The waitlist for that slot is full.', ja: 'その枠のキャンセル待ちは満員です。' },
  'refused.unknown_resource': { en: 'There is nothing called "{name}" to book here.', ja: '「{name}」という予約先はありません。' },
  'refused.no_resources': { en: 'Nothing can be booked on this server yet.', ja: 'このサーバーにはまだ予約先がありません。' },
  'refused.no_bookings': { en: 'You have no upcoming bookings.', ja: '今後の予約はありません。' },
  'refused.guild_only': { en: 'Bookings are made in a server.', ja: '予約はサーバー内で行ってください。' },
  'refused.panel_gone': { en: 'This booking panel is no longer in use.', ja: 'この予約パネルは使われていません。' },
  'refused.not_yours': { en: 'This card belongs to someone else.', ja: 'これは他の方の確認画面です。' },
  'suggest.nearest': { en: 'Nearest free times: {times}', ja: '空いている近い時間：{times}' },
  'suggest.none': { en: 'No other free time nearby.', ja: '近くに空いている時間はありません。' },
  // Lists.
  'list.mine.title': { en: 'Your upcoming bookings', ja: '今後のご予約' },
  'list.mine.line': { en: '{index}. {resource}, {when}, party of {party}', ja: '{index}. {resource}、{when}、{party}名' },
  'list.mine.offered': { en: '(offered: confirm by {deadline})', ja: '（{deadline}までに確定してください）' },
  'list.more': { en: '…and {count} more.', ja: '…ほか{count}件' },
  'list.admin.title': { en: 'Bookings on {date}', ja: '{date}の予約' },
  'list.admin.line': {
    en: '{time} {resource}: {name} (<@{userId}>), {party}{note}',
    ja: '{time} {resource}：{name}（<@{userId}>）{party}名{note}',
  },
  'list.admin.empty': { en: 'No bookings on {date}.', ja: '{date}の予約はありません。' },
  // Panels.
  'panel.title': { en: 'Book: {resource}', ja: '予約：{resource}' },
  'panel.body': {
    en: 'Pick a day, then a time. Up to {capacity} per slot, {minutes} minutes each.',
    ja: '日付を選んでから時間を選んでください。1枠{minutes}分、最大{capacity}名です。',
  },
  'panel.pick_day': { en: 'Pick a day', ja: '日付を選択' },
  'panel.day_option': { en: '{free} places free', ja: '空き{free}' },
  'panel.day_full': { en: 'full (waitlist)', ja: '満席（キャンセル待ち可）' },
  'panel.no_days': { en: 'No days open for booking right now.', ja: '現在予約できる日はありません。' },
  'panel.pick_time': { en: '{resource} on {date}: pick a time.', ja: '{resource}（{date}）：時間を選んでください。' },
  'panel.posted': {
    en: 'Booking panel for {resource} posted in <#{channelId}>.',
    ja: '{resource}の予約パネルを<#{channelId}>に投稿しました。',
  },
  'panel.more_times': {
    en: 'Only the first {shown} free times fit here; use /book for the others.',
    ja: 'ここには空き時間の最初の{shown}件のみ表示しています。その他は /book で予約できます。',
  },
  'modal.title': { en: 'Book {time}', ja: '{time}の予約' },
  'modal.party': { en: 'Party size', ja: '人数' },
  'modal.name': { en: 'Name for the booking', ja: 'お名前' },
  'modal.note': { en: 'Note (optional)', ja: 'メモ（任意）' },
  // Messages to members.
  'notice.reminder': { en: '⏰ Reminder: {resource}, {when}, party of {party}.', ja: '⏰ リマインダー：{resource}、{when}、{party}名' },
  'notice.admin_cancelled': {
    en: 'Your booking for {resource} on {when} was cancelled by the staff.{reason}',
    ja: '{when}の{resource}のご予約は、スタッフによりキャンセルされました。{reason}',
  },
  'notice.reason': { en: ' Reason: {reason}', ja: '理由：{reason}' },
  'notice.offer': {
    en: 'A place opened up: {resource}, {when}, party of {party}. Confirm by {deadline}.',
    ja: '空きが出ました：{resource}、{when}、{party}名。{deadline}までに確定してください。',
  },
  'notice.offer_expired': {
    en: 'The place offered to you for {when} went to the next in line.',
    ja: '{when}のご案内は期限切れのため、次の方にお回ししました。',
  },
  // Admin.
  'admin.resource_saved': {
    en: 'Saved {resource}: {capacity} per slot, {minutes}-minute slots.',
    ja: '{resource}を保存しました：1枠{capacity}名、{minutes}分。',
  },
  'admin.resource_removed': { en: 'Removed {resource}.', ja: '{resource}を削除しました。' },
  'admin.resource_in_use': {
    en: '{resource} still has upcoming bookings; cancel them first.',
    ja: '{resource}には今後の予約があります。先にキャンセルしてください。',
  },
  'admin.name_taken': { en: 'Another resource is already called {resource}.', ja: '{resource}という予約先はすでにあります。' },
  'admin.too_many': { en: 'A server can have at most {max} resources.', ja: '予約先は最大{max}件までです。' },
  'admin.hours_saved': { en: 'Opening hours of {resource}:\n{hours}', ja: '{resource}の営業時間：\n{hours}' },
  'admin.hours_invalid': {
    en: 'Write hours as 11:00-14:00,17:00-22:00 (or "closed").',
    ja: '営業時間は 11:00-14:00,17:00-22:00 の形式（または closed）で入力してください。',
  },
  'admin.exception_saved': { en: 'Saved for {resource}: {what}.', ja: '{resource}に登録しました：{what}' },
  'admin.exception_removed': { en: 'Removed the exceptions of {resource} on {date}.', ja: '{resource}の{date}の例外を削除しました。' },
  'admin.closed_day': { en: 'closed on {date}', ja: '{date}は休業' },
  'admin.extra_slot': { en: 'extra slot on {date} at {time}', ja: '{date} {time}に臨時枠' },
  'admin.date_invalid': {
    en: 'Write the date as YYYY-MM-DD (e.g. 2025-12-24).',
    ja: '日付は YYYY-MM-DD の形式で入力してください（例：2025-12-24）。',
  },
  'admin.time_invalid': { en: 'Write the time as HH:MM (e.g. 19:30).', ja: '時刻は HH:MM の形式で入力してください（例：19:30）。' },
  'admin.values_invalid': { en: 'These values are out of range: {fields}.', ja: '範囲外の値があります：{fields}' },
  'admin.timezone_saved': { en: 'Time zone set to {zone}.', ja: 'タイムゾーンを{zone}に設定しました。' },
  'admin.timezone_invalid': {
    en: '"{zone}" is not a time zone; use a name such as Asia/Tokyo or Europe/Berlin.',
    ja: '「{zone}」はタイムゾーンではありません。Asia/Tokyo のような名前を指定してください。',
  },
  'admin.cancelled_for': {
    en: 'Cancelled {name}’s booking ({resource}, {when}); they were told.',
    ja: '{name}様の予約（{resource}、{when}）をキャンセルし、ご本人に通知しました。',
  },
  'admin.export_ready': { en: '{count} bookings exported.', ja: '{count}件の予約を書き出しました。' },
  'admin.resources_title': { en: 'Resources', ja: '予約先' },
  'admin.resource_line': {
    en: '{resource}: {capacity} per slot, {minutes} min + {buffer} min buffer, {horizon} days ahead, cut-off {cutoff} min, {max} per member',
    ja: '{resource}：1枠{capacity}名、{minutes}分＋間隔{buffer}分、{horizon}日先まで、締切{cutoff}分前、1人{max}件まで',
  },
  'admin.no_channel': { en: 'I cannot post in that channel.', ja: 'そのチャンネルには投稿できません。' },
  // Command and option descriptions (Discord shows the Japanese ones to members with a Japanese client).
  'cmd.book': { en: 'Book a slot', ja: '予約する' },
  'cmd.book.resource': { en: 'What to book', ja: '予約先' },
  'cmd.book.when': {
    en: 'When: pick a free time, or type e.g. "tomorrow 7pm" / 「明日19時」',
    ja: '日時：空き時間を選ぶか「明日19時」のように入力',
  },
  'cmd.book.party': { en: 'How many people', ja: '人数' },
  'cmd.book.note': { en: 'A note for the staff', ja: 'スタッフへのメモ' },
  'cmd.mybookings': { en: 'Your upcoming bookings: change or cancel them', ja: '自分の予約を確認・変更・キャンセル' },
  'cmd.booking': { en: 'Set up bookings (Manage Server)', ja: '予約の設定（サーバー管理）' },
  'cmd.booking.resource': { en: 'Things that can be booked', ja: '予約先の管理' },
  'cmd.booking.resource.add': { en: 'Add something to book', ja: '予約先を追加' },
  'cmd.booking.resource.edit': { en: 'Change a resource', ja: '予約先を変更' },
  'cmd.booking.resource.remove': { en: 'Remove a resource', ja: '予約先を削除' },
  'cmd.booking.resource.list': { en: 'List the resources', ja: '予約先の一覧' },
  'cmd.booking.hours': { en: 'Set opening hours', ja: '営業時間を設定' },
  'cmd.booking.exception': { en: 'Closed days and extra slots', ja: '休業日・臨時枠' },
  'cmd.booking.exception.closed': { en: 'Close a day', ja: '休業日を追加' },
  'cmd.booking.exception.extra': { en: 'Add a one-off slot', ja: '臨時枠を追加' },
  'cmd.booking.exception.remove': { en: 'Remove the exceptions of a day', ja: 'その日の例外を削除' },
  'cmd.booking.timezone': { en: "Set the server's time zone", ja: 'サーバーのタイムゾーンを設定' },
  'cmd.booking.panel': { en: 'Post a booking panel', ja: '予約パネルを投稿' },
  'cmd.booking.list': { en: 'Bookings of a day', ja: '日ごとの予約一覧' },
  'cmd.booking.export': { en: 'Export bookings as CSV or iCalendar', ja: '予約をCSV・iCalendarで書き出し' },
  'cmd.booking.cancel': { en: "Cancel a member's booking (they are told)", ja: 'メンバーの予約をキャンセル（本人に通知）' },
  'opt.name': { en: 'Name', ja: '名前' },
  'opt.new_name': { en: 'New name', ja: '新しい名前' },
  'opt.capacity': { en: 'People (seats) per slot', ja: '1枠の定員' },
  'opt.slot_minutes': { en: 'Length of a slot in minutes', ja: '1枠の長さ（分）' },
  'opt.buffer_minutes': { en: 'Minutes between slots', ja: '枠の間隔（分）' },
  'opt.horizon_days': { en: 'How many days ahead booking opens', ja: '何日先まで予約可能か' },
  'opt.cutoff_minutes': { en: 'Booking closes this many minutes before a slot', ja: '開始何分前に締め切るか' },
  'opt.max_per_member': { en: 'Upcoming bookings one member may hold', ja: '1人が持てる予約数' },
  'opt.hours': { en: 'e.g. 11:00-14:00,17:00-22:00, or closed', ja: '例：11:00-14:00,17:00-22:00 または closed' },
  'opt.days': { en: 'Which days', ja: '曜日' },
  'opt.date': { en: 'Date, YYYY-MM-DD', ja: '日付（YYYY-MM-DD）' },
  'opt.time': { en: 'Time, HH:MM', ja: '時刻（HH:MM）' },
  'opt.zone': { en: 'IANA time zone, e.g. Asia/Tokyo', ja: 'タイムゾーン（例：Asia/Tokyo）' },
  'opt.date_order': { en: 'How 12/1 is read', ja: '12/1 の読み方' },
  'opt.channel': { en: 'Channel (this one if empty)', ja: 'チャンネル（空欄でこのチャンネル）' },
  'opt.format': { en: 'File format', ja: 'ファイル形式' },
  'opt.from': { en: 'From date, YYYY-MM-DD (today if empty)', ja: '開始日（空欄で今日）' },
  'opt.to': { en: 'To date, YYYY-MM-DD (30 days later if empty)', ja: '終了日（空欄で30日後）' },
  'opt.booking': { en: 'The booking', ja: '予約' },
  'opt.reason': { en: 'Reason (sent to the member)', ja: '理由（本人に送信）' },
  'choice.month_first': { en: '12/1 = 1 December (Japan, US)', ja: '12/1 = 12月1日（日本・米国式）' },
  'choice.day_first': { en: '12/1 = 12 January (Europe)', ja: '12/1 = 1月12日（欧州式）' },
  'weekday.0': { en: 'Sun', ja: '日' },
  'weekday.1': { en: 'Mon', ja: '月' },
  'weekday.2': { en: 'Tue', ja: '火' },
  'weekday.3': { en: 'Wed', ja: '水' },
  'weekday.4': { en: 'Thu', ja: '木' },
  'weekday.5': { en: 'Fri', ja: '金' },
  'weekday.6': { en: 'Sat', ja: '土' },
  'hours.closed': { en: 'closed', ja: '休み' },
} as const satisfies Record<string, Readonly<Record<Locale, string>>>;

export type MessageKey = keyof typeof MESSAGES;
export type MessageParams = Readonly<Record<string, string | number>>;
/** A message in one language, with its placeholders filled. */
export type Translate = (key: MessageKey, params?: MessageParams) => string;

/** `ja…` Discord locales read Japanese; everything else English. */
export function localeOf(discordLocale: string | null | undefined): Locale {
  return discordLocale?.startsWith('ja') ? 'ja' : 'en';
}

export function translator(locale: Locale): Translate {
  return (key, params = {}) => MESSAGES[key][locale].replace(/\{(\w+)\}/gu, (whole, name: string) => String(params[name] ?? whole));
}
