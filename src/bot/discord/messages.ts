/** What the Discord bot itself says (settings, help, privacy), in English and Japanese. */
import type { LocalText } from '../../i18n/text.ts';

export const settingsMessages = {
  commandDescription: {
    en: 'Show or change kotodama settings (Manage Server; in DMs, your own)',
    ja: 'kotodama の設定を表示・変更します（サーバー管理権限。DMでは自分用）',
  },
  showDescription: { en: 'Show the settings that apply in this channel', ja: 'このチャンネルで有効な設定を表示します' },
  setDescription: {
    en: 'Change a setting for the server, this category or this channel',
    ja: 'サーバー・カテゴリー・チャンネルの設定を変更します',
  },
  keyOption: { en: 'Setting', ja: '設定項目' },
  valueOption: { en: 'New value; "reset" to inherit', ja: '新しい値（reset で上位の設定に戻す）' },
  scopeOption: { en: 'Where it applies', ja: '適用範囲' },
  scopeServer: { en: 'server', ja: 'サーバー全体' },
  scopeCategory: { en: 'this category', ja: 'このカテゴリー' },
  scopeChannel: { en: 'this channel or thread', ja: 'このチャンネル・スレッド' },
  notInDms: (key: string, keys: string): LocalText => ({
    en: `In DMs you can change only ${keys} (for your own DMs). ${key} belongs to a server; use /settings there.`,
    ja: `DMで変更できるのは ${keys} だけです（あなたのDM用）。${key} はサーバーの設定です。サーバー内で /settings を使ってください。`,
  }),
  shownInDms: { en: 'Settings in your DMs with me:', ja: 'このDMでの設定:' },
  changedInDms: (key: string, value: string): LocalText => ({
    en: `✅ **${key}** is now ${value} for your DMs. /forget-me forgets it.`,
    ja: `✅ あなたのDMの **${key}** を ${value} にしました。/forget-me で削除されます。`,
  }),
  resetInDms: (key: string): LocalText => ({
    en: `✅ **${key}** is reset to the default for your DMs.`,
    ja: `✅ あなたのDMの **${key}** を既定値に戻しました。`,
  }),
  adminOnly: {
    en: 'Only members with the Manage Server permission can change settings.',
    ja: '設定を変更できるのはサーバー管理権限を持つメンバーだけです。',
  },
  noCategory: { en: 'This channel is not in a category.', ja: 'このチャンネルはカテゴリーに入っていません。' },
  unknownKey: (key: string): LocalText => ({ en: `There is no setting "${key}".`, ja: `「${key}」という設定はありません。` }),
  shown: (channel: string): LocalText => ({ en: `Settings in ${channel}:`, ja: `${channel} での設定:` }),
  changed: (key: string, value: string, where: LocalText): LocalText => ({
    en: `✅ **${key}** is now ${value} for ${where.en}.`,
    ja: `✅ ${where.ja}の **${key}** を ${value} にしました。`,
  }),
  reset: (key: string, where: LocalText): LocalText => ({
    en: `✅ **${key}** is reset (inherited) for ${where.en}.`,
    ja: `✅ ${where.ja}の **${key}** をリセットしました（上位の設定を使います）。`,
  }),
  whereServer: { en: 'the whole server', ja: 'サーバー全体' },
  whereCategory: { en: 'this category', ja: 'このカテゴリー' },
  whereChannel: { en: 'this channel', ja: 'このチャンネル' },
  unknownLanes: (bad: string, known: string): LocalText => ({
    en: `Unknown lane(s) ${bad}; use a list of ${known}.`,
    ja: `不明なレーン: ${bad}。${known} から選んでください。`,
  }),
  languageValues: {
    en: 'language takes en, ja or auto (the server’s language).',
    ja: 'language には en・ja・auto（サーバーの言語）のいずれかを指定してください。',
  },
  answerModeValues: (modes: string): LocalText => ({
    en: `answerMode takes one of ${modes}.`,
    ja: `answerMode には ${modes} のいずれかを指定してください。`,
  }),
  takesOnOff: (key: string): LocalText => ({ en: `${key} takes on or off.`, ja: `${key} には on か off を指定してください。` }),
  triggerTooLong: { en: 'The trigger word can be at most 50 characters.', ja: 'トリガーワードは50文字までです。' },
  describeLanes: { en: 'lanes: the features on here (faq, translate, …)', ja: 'lanes: ここで使う機能（faq、translate など）' },
  describeLanguage: { en: 'language: the language I answer in here (en, ja, or auto)', ja: 'language: ここで答える言語（en・ja・auto）' },
  describeAnswerMode: {
    en: 'answerMode: how questions are answered (faq-then-chat, faq-only, chat-only)',
    ja: 'answerMode: 質問への答え方（faq-then-chat・faq-only・chat-only）',
  },
  describeAutoAnswer: {
    en: 'autoAnswer: answer questions here without a mention when the FAQ is sure (on/off)',
    ja: 'autoAnswer: FAQに確信があるとき、メンションなしでも質問に答える（on/off）',
  },
  describeAnswerAll: {
    en: 'answerAll: every message here is addressed to me (on/off)',
    ja: 'answerAll: ここのすべてのメッセージに応答する（on/off）',
  },
  describeTriggerWord: {
    en: 'triggerWord: messages with this word are addressed to me',
    ja: 'triggerWord: この語を含むメッセージに応答する',
  },
} as const;

export const botMessages = {
  helpDescription: { en: 'What kotodama can do here', ja: 'kotodama がここでできること' },
  forgetDescription: { en: 'Delete what kotodama stores about you', ja: 'kotodama が保存しているあなたのデータを削除します' },
  privacyDescription: {
    en: 'Allow or stop automatic transcription/translation of your messages',
    ja: 'メッセージの自動文字起こし・自動翻訳を許可または停止します',
  },
  privacyOption: { en: 'Process my messages automatically', ja: '自分のメッセージを自動で処理する' },
  forgotten: (count: number): LocalText => ({
    en: `Done: I deleted what I stored about you (${count} record${count === 1 ? '' : 's'}). Your privacy choice is kept.`,
    ja: `完了しました。保存していたあなたのデータ（${count}件）を削除しました。プライバシーの設定は残しています。`,
  }),
  privacyOn: {
    en: 'Your messages may be transcribed/translated automatically where that is on.',
    ja: '自動処理が有効な場所では、あなたのメッセージを自動で文字起こし・翻訳します。',
  },
  privacyOff: {
    en: "I won't transcribe or translate your messages automatically any more (you can still ask me).",
    ja: 'あなたのメッセージを自動で文字起こし・翻訳するのをやめます（頼めば今までどおり使えます）。',
  },
  helpTitle: { en: '**kotodama** — what I can do here', ja: '**kotodama** — ここでできること' },
  helpCommands: { en: '**Commands**', ja: '**コマンド**' },
  helpMenus: { en: '**Right-click a message → Apps**', ja: '**メッセージを右クリック → アプリ**' },
  helpOther: { en: '**Other ways**', ja: '**そのほかの使い方**' },
  helpAsk: {
    en: 'Mention me, DM me or reply to my messages with a question: I answer from this server’s FAQ, then chat.',
    ja: 'メンション・DM・返信で質問してください。サーバーのFAQから答え、なければ会話で答えます。',
  },
  helpLimits: (perMinute: number, minutes: number): LocalText => ({
    en: `Limits: ${perMinute} requests a minute; audio up to ${minutes} min.`,
    ja: `制限: 1分あたり${perMinute}回まで、音声は${minutes}分まで。`,
  }),
  helpAdmin: { en: 'Admins: /settings, /faq (Manage Server).', ja: '管理者向け: /settings、/faq（サーバー管理権限）。' },
  helpPrivacy: { en: 'Privacy: /privacy, /forget-me.', ja: 'プライバシー: /privacy、/forget-me。' },
  localHelpTitle: { en: 'kotodama commands:', ja: 'kotodama のコマンド:' },
  localHelpLine: { en: '/help — shows this list', ja: '/help — この一覧を表示します' },
  localPlainText: {
    en: 'Anything else is a question: the FAQ answers first, then chat.',
    ja: 'それ以外の文は質問として扱います。まずFAQ、なければ会話で答えます。',
  },
  unknownLocalCommand: (command: string, known: string): LocalText => ({
    en: `Unknown command ${command}. Commands: ${known}.`,
    ja: `${command} というコマンドはありません。コマンド: ${known}`,
  }),
  typeSomething: { en: 'Type a message, or /help for the commands.', ja: 'メッセージを入力してください。コマンドの一覧は /help です。' },
  tokenRejected: {
    en: 'Discord rejected DISCORD_TOKEN. Copy the bot token again (Developer Portal → Bot → Reset Token).',
    ja: 'Discord が DISCORD_TOKEN を受け付けませんでした。ボットのトークンをコピーし直してください（Developer Portal → Bot → Reset Token）。',
  },
  voiceFallback: {
    en: "-# (I can't send voice messages here, so here is the audio as a file.)",
    ja: '-# （ここではボイスメッセージを送れないため、音声をファイルで送ります。）',
  },
} as const;
