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
  glossaryCommand: {
    name: { en: 'glossary', ja: '用語集' },
    description: {
      en: "This server's glossary: terms never translated or always translated one way (Manage Server)",
      ja: 'サーバーの用語集: 翻訳しない語や、決まった訳にする語（サーバー管理）',
    },
    add: { en: 'add', ja: '追加' },
    addDescription: { en: 'Add a term (no translations: never translated)', ja: '用語を追加（訳を指定しなければ翻訳しません）' },
    term: { en: 'term', ja: '用語' },
    termDescription: { en: 'The term as written', ja: '書かれたとおりの用語' },
    addLanguage: (language: LocalText): LocalText => ({
      en: `Always written this way in ${language.en}`,
      ja: `${language.ja}ではいつもこう書く`,
    }),
    remove: { en: 'remove', ja: '削除' },
    removeDescription: { en: 'Remove a term', ja: '用語を削除' },
    removeTerm: { en: 'The term', ja: '削除する用語' },
    list: { en: 'list', ja: '一覧' },
    listDescription: { en: 'List the terms', ja: '用語の一覧' },
    export: { en: 'export', ja: '書き出し' },
    exportDescription: { en: 'Download the glossary', ja: '用語集をダウンロード' },
    format: { en: 'format', ja: '形式' },
    formatDescription: { en: 'File format', ja: 'ファイル形式' },
    import: { en: 'import', ja: '取り込み' },
    importDescription: {
      en: 'Replace the glossary with a YAML, JSON or CSV (term,ja,en,...) file',
      ja: 'YAML・JSON・CSV（term,ja,en,...）ファイルで用語集を置き換え',
    },
    file: { en: 'file', ja: 'ファイル' },
    fileDescription: { en: '.yaml, .json or .csv', ja: '.yaml・.json・.csv' },
  },
  glossaryAdded: (term: string, what: LocalText): LocalText => ({
    en: `Added **${term}**: ${what.en}.`,
    ja: `**${term}** を追加しました: ${what.ja}`,
  }),
  glossaryNever: { en: 'never translated', ja: '翻訳しません' },
  glossaryAlways: (forms: LocalText): LocalText => ({ en: `always ${forms.en}`, ja: `いつも ${forms.ja}` }),
  glossaryForm: (language: LocalText, form: string): LocalText => ({ en: `${language.en} → ${form}`, ja: `${language.ja} → ${form}` }),
  glossaryRemoved: (term: string): LocalText => ({ en: `Removed **${term}**.`, ja: `**${term}** を削除しました。` }),
  glossaryMissing: (term: string): LocalText => ({
    en: `There is no **${term}** in this server's glossary.`,
    ja: `このサーバーの用語集に **${term}** はありません。`,
  }),
  glossaryEmpty: {
    en: 'This server has no glossary terms yet. Add one with `/glossary add`.',
    ja: 'このサーバーの用語集はまだ空です。`/glossary add` で追加できます。',
  },
  glossaryMore: (count: number): LocalText => ({ en: `…and ${count} more (use export).`, ja: `…ほか${count}語（書き出しで全件）` }),
  glossaryExported: (count: number): LocalText => ({ en: `${count} terms.`, ja: `${count}語です。` }),
  glossaryImported: (count: number): LocalText => ({
    en: `Imported ${count} terms; they replace the previous glossary.`,
    ja: `${count}語を取り込みました。以前の用語集は置き換えられました。`,
  }),
  autotranslateCommand: {
    name: { en: 'autotranslate', ja: '自動翻訳' },
    description: { en: 'Translation channels (Manage Server)', ja: '翻訳チャンネル（サーバー管理）' },
    targets: { en: 'targets', ja: '翻訳先' },
    targetsDescription: {
      en: "Post translations of this channel's messages, into one or more languages",
      ja: 'このチャンネルのメッセージの翻訳を投稿（1つ以上の言語）',
    },
    languages: { en: 'languages', ja: '言語' },
    languagesDescription: { en: 'e.g. en, ja', ja: '例: en, ja' },
    channel: { en: 'channel', ja: 'チャンネル' },
    channelDefault: { en: 'Default: this channel', ja: '省略時: このチャンネル' },
    link: { en: 'link', ja: '連携' },
    linkDescription: {
      en: 'Link two channels: each message is reposted in the other, translated, as its author',
      ja: '2つのチャンネルを連携: 各メッセージを翻訳して相手のチャンネルに投稿者の名前で再投稿',
    },
    firstChannel: { en: 'First channel', ja: '1つ目のチャンネル' },
    language: { en: 'language', ja: '言語' },
    languageDescription: { en: "The first channel's language", ja: '1つ目のチャンネルの言語' },
    other: { en: 'other', ja: '相手' },
    otherDescription: { en: 'Second channel', ja: '2つ目のチャンネル' },
    otherLanguage: { en: 'other-language', ja: '相手の言語' },
    otherLanguageDescription: { en: "The second channel's language", ja: '2つ目のチャンネルの言語' },
    off: { en: 'off', ja: '停止' },
    offDescription: { en: 'Stop translating a channel (and its linked partner)', ja: 'チャンネル（と連携先）の翻訳を停止' },
    status: { en: 'status', ja: '状態' },
    statusDescription: { en: "This server's translation channels", ja: 'このサーバーの翻訳チャンネル' },
  },
  channelsTargetsSet: (channelId: string, languages: LocalText): LocalText => ({
    en: `Messages in <#${channelId}> are now translated into ${languages.en}.`,
    ja: `<#${channelId}> のメッセージを${languages.ja}に翻訳します。`,
  }),
  channelsLinked: (a: string, aLanguage: LocalText, b: string, bLanguage: LocalText): LocalText => ({
    en: `Linked <#${a}> (${aLanguage.en}) and <#${b}> (${bLanguage.en}): each message is reposted in the other, translated.`,
    ja: `<#${a}>（${aLanguage.ja}）と <#${b}>（${bLanguage.ja}）を連携しました。各メッセージは翻訳されて相手に再投稿されます。`,
  }),
  channelsOff: (channelId: string): LocalText => ({
    en: `Translation is off in <#${channelId}>.`,
    ja: `<#${channelId}> の翻訳を停止しました。`,
  }),
  channelsNotSet: (channelId: string): LocalText => ({
    en: `<#${channelId}> had no translation set up.`,
    ja: `<#${channelId}> には翻訳が設定されていませんでした。`,
  }),
  channelsNone: {
    en: 'No translation channels yet. Use `/autotranslate targets` or `/autotranslate link`.',
    ja: '翻訳チャンネルはまだありません。`/autotranslate targets` か `/autotranslate link` で設定できます。',
  },
  channelsStatusLine: (channelId: string, outputs: LocalText): LocalText => ({
    en: `- <#${channelId}> → ${outputs.en}`,
    ja: `- <#${channelId}> → ${outputs.ja}`,
  }),
  channelsOtherOutput: (channelId: string, language: LocalText): LocalText => ({
    en: `<#${channelId}> (${language.en})`,
    ja: `<#${channelId}>（${language.ja}）`,
  }),
  settingAutoTranslate: {
    en: 'autoTranslate: translate every message here into this language (a code such as en, or off)',
    ja: 'autoTranslate: ここのすべてのメッセージをこの言語に翻訳（en などの言語コード、または off）',
  },
} as const;
