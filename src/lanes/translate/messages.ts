/** What the translation lane says, in English and Japanese. */
import type { LocalText } from '../../i18n/text.ts';

export const translateMessages = {
  verb: { en: 'translating', ja: '翻訳中' },
  loadingModel: { en: 'loading the model', ja: 'モデルを読み込み中' },
  translatingPair: (from: LocalText, to: LocalText): LocalText => ({
    en: `translating ${from.en} → ${to.en}`,
    ja: `翻訳中 ${from.ja} → ${to.ja}`,
  }),
  unknownTarget: (target: string, known: string): LocalText => ({
    en: `I can't translate into "${target}". Languages I know: ${known}.`,
    ja: `「${target}」には翻訳できません。対応言語: ${known}`,
  }),
  unknownSource: (source: string, known: string): LocalText => ({
    en: `I can't translate from "${source}". Languages I know: ${known}.`,
    ja: `「${source}」からは翻訳できません。対応言語: ${known}`,
  }),
  unknownLanguage: (text: string): LocalText => ({
    en: `"${text}" is not a language I know. Start typing a language name to see the list.`,
    ja: `「${text}」は知らない言語です。言語名を入力し始めると候補が表示されます。`,
  }),
  sameLanguage: (language: LocalText): LocalText => ({
    en: `This text already looks like ${language.en}; pick another target language.`,
    ja: `この文はすでに${language.ja}のようです。別の翻訳先を選んでください。`,
  }),
  nothingToTranslate: { en: 'That message has no text to translate.', ja: 'このメッセージには翻訳する文がありません。' },
  localeUnsupported: (locale: string): LocalText => ({
    en: `I can't translate into your Discord language (${locale}) yet. Try "Translate to English".`,
    ja: `あなたのDiscordの言語（${locale}）にはまだ翻訳できません。「英語に翻訳」をお試しください。`,
  }),
  footer: (from: LocalText, to: LocalText): LocalText => ({ en: `-# ${from.en} → ${to.en}`, ja: `-# ${from.ja} → ${to.ja}` }),
  usage: {
    en: 'Usage: /translate <language> <text>. e.g. /translate ja good morning',
    ja: '使い方: /translate <言語> <文>　例: /translate en おはよう',
  },
  localDoes: { en: 'translates text (e.g. /translate ja good morning)', ja: '文を翻訳します（例: /translate en おはよう）' },
  help: {
    en: 'React with a flag (🇯🇵, 🇺🇸, …) to translate a message; right-click a message → Apps → Translate.',
    ja: '国旗のリアクション（🇯🇵、🇺🇸 など）でメッセージを翻訳します。メッセージを右クリック → アプリ → 翻訳 も使えます。',
  },
  commandDescription: { en: 'Translate text', ja: '文を翻訳します' },
  textOption: { en: 'What to translate', ja: '翻訳する文' },
  toOption: { en: 'Target language', ja: '翻訳先の言語' },
  fromOption: { en: 'Source language (detected when empty)', ja: '翻訳元の言語（空欄なら自動判定）' },
  menuEnglish: { en: 'Translate to English', ja: '英語に翻訳' },
  menuJapanese: { en: 'Translate to Japanese', ja: '日本語に翻訳' },
  menuMine: { en: 'Translate to my language', ja: '自分の言語に翻訳' },
  channelsNeedLanguage: {
    en: 'Name at least one language, e.g. `en` or `en, ja`.',
    ja: '言語を1つ以上指定してください（例: `en`、`en, ja`）。',
  },
  channelsTooMany: (max: number): LocalText => ({
    en: `At most ${max} languages per channel.`,
    ja: `1つのチャンネルに設定できる言語は${max}つまでです。`,
  }),
  channelsSame: { en: 'Pick two different channels to link.', ja: 'つなぐには別々のチャンネルを2つ選んでください。' },
  channelsSameLanguage: { en: 'Linked channels need two different languages.', ja: 'つなぐチャンネルには別々の言語を指定してください。' },
  channelsServerOnly: {
    en: 'Translation channels belong to a server; use this command there.',
    ja: '翻訳チャンネルはサーバーごとの設定です。サーバー内でこのコマンドを使ってください。',
  },
  channelsAdminOnly: {
    en: 'Only members with the Manage Server permission can set up translation channels.',
    ja: '翻訳チャンネルを設定できるのはサーバー管理権限を持つメンバーだけです。',
  },
  glossaryFileType: (name: string): LocalText => ({
    en: `${name}: use a .yaml, .json or .csv file`,
    ja: `${name}: .yaml・.json・.csv ファイルを使ってください`,
  }),
  glossaryServerOnly: {
    en: 'A glossary belongs to a server; use this command there.',
    ja: '用語集はサーバーごとのものです。サーバー内でこのコマンドを使ってください。',
  },
  glossaryAdminOnly: {
    en: 'Only members with the Manage Server permission can change the glossary.',
    ja: '用語集を変更できるのはサーバー管理権限を持つメンバーだけです。',
  },
  glossaryFileTooLarge: (name: string): LocalText => ({
    en: `${name} is too large (at most 512 KB).`,
    ja: `${name} は大きすぎます（512 KBまで）。`,
  }),
  glossaryImportUnavailable: { en: 'Glossary import is not available here.', ja: 'ここでは用語集を取り込めません。' },
  glossaryFileProblem: (details: string): LocalText => ({ en: `${details}`, ja: `用語集ファイルに問題があります: ${details}` }),
  glossaryFull: (max: number): LocalText => ({
    en: `This server's glossary is full (${max} terms). Remove some first.`,
    ja: `このサーバーの用語集はいっぱいです（${max}語）。先にいくつか削除してください。`,
  }),
  glossaryTooMany: (count: number, max: number): LocalText => ({
    en: `That glossary has ${count} terms; the limit is ${max}.`,
    ja: `その用語集には${count}語あります。上限は${max}語です。`,
  }),
  glossaryTermInvalid: (details: string): LocalText => ({
    en: `That glossary term is not valid: ${details}.`,
    ja: `その用語は正しくありません: ${details}`,
  }),
  modelLacksLanguage: (model: string, language: LocalText): LocalText => ({
    en: `The model ${model} does not translate ${language.en}.`,
    ja: `モデル ${model} は${language.ja}を翻訳できません。`,
  }),
  settingAutoTranslate: {
    en: 'autoTranslate: translate every message here into this language (a code such as en, or off)',
    ja: 'autoTranslate: ここのすべてのメッセージをこの言語に翻訳（en などの言語コード、または off）',
  },
} as const;
