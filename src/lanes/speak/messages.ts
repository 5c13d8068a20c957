/** What the voice-reply lane says, in English and Japanese. */
import type { LocalText } from '../../i18n/text.ts';

export const speakMessages = {
  verb: { en: 'reading aloud', ja: '読み上げ中' },
  loadingModel: { en: 'loading the voice', ja: '音声モデルを読み込み中' },
  sentence: (index: number, total: number): LocalText => ({ en: `reading aloud ${index}/${total}`, ja: `読み上げ中 ${index}/${total}` }),
  notAModelId: (model: string): LocalText => ({
    en: `"${model}" is not a model id (use owner/name or a folder name).`,
    ja: `「${model}」はモデルIDではありません（owner/name かフォルダー名を指定してください）。`,
  }),
  modelMissing: (model: string, file: string, offline: boolean): LocalText => ({
    en: `The voice model ${model} is not available (missing ${file}). ${offline ? 'Downloads are off here; the bot owner needs to run `npm run models -- download`.' : 'The download failed; the bot owner can run `npm run models -- download`.'}`,
    ja: `音声モデル ${model} は使えません（${file} がありません）。${offline ? 'ここではダウンロードが無効です。ボットの管理者が `npm run models -- download` を実行する必要があります。' : 'ダウンロードに失敗しました。ボットの管理者が `npm run models -- download` を実行できます。'}`,
  }),
  cannotSpeak: (language: LocalText, spoken: string): LocalText => ({
    en: `I can't read ${language.en} aloud. Languages I speak: ${spoken}.`,
    ja: `${language.ja}は読み上げられません。読み上げられる言語: ${spoken}`,
  }),
  nothingToRead: {
    en: 'There is nothing to read aloud there (only code, links or formatting).',
    ja: '読み上げるものがありません（コード・リンク・書式だけです）。',
  },
  tooLong: (length: number, max: number): LocalText => ({
    en: `That is ${length} characters to read aloud; I read at most ${max}. Try a shorter text.`,
    ja: `読み上げる文が${length}文字あります。読み上げられるのは${max}文字までです。短くしてください。`,
  }),
  noVoice: (voice: string, language: LocalText, voices: string): LocalText => ({
    en: `There is no voice "${voice}" for ${language.en}. Voices: ${voices}.`,
    ja: `${language.ja}には「${voice}」という声はありません。声: ${voices}`,
  }),
  tookTooLong: {
    en: 'Reading aloud took too long and was stopped before the first sentence.',
    ja: '読み上げに時間がかかりすぎたため、最初の文の前に止めました。',
  },
  cancelled: { en: 'Reading aloud was cancelled.', ja: '読み上げはキャンセルされました。' },
  overUploadLimit: (size: string, max: string): LocalText => ({
    en: `The spoken answer would be ${size}, over Discord's ${max} upload limit. Try a shorter text.`,
    ja: `読み上げた音声は${size}になり、Discordのアップロード上限${max}を超えます。短くしてください。`,
  }),
  commandDescription: { en: 'Read a text aloud as a voice message', ja: '文をボイスメッセージで読み上げます' },
  textOption: { en: 'What to read aloud', ja: '読み上げる文' },
  languageOption: { en: 'Language to read in (detected when empty)', ja: '読み上げる言語（空欄なら自動判定）' },
  voiceOption: { en: 'Voice (F1–F5 female, M1–M5 male)', ja: '声（F1〜F5 女性、M1〜M5 男性）' },
  badVoice: (voice: string): LocalText => ({
    en: `"${voice}" is not a voice name (voices look like F1 or M2).`,
    ja: `「${voice}」は声の名前ではありません（F1 や M2 のような名前です）。`,
  }),
  answerNotRead: (answer: string, reason: LocalText): LocalText => ({
    en: `${answer}\n-# (Not read aloud: ${reason.en})`,
    ja: `${answer}\n-# （読み上げられませんでした: ${reason.ja}）`,
  }),
  menuReadAloud: { en: 'Read aloud', ja: '読み上げ' },
  nothingInMessage: { en: 'That message has no text to read aloud.', ja: 'このメッセージには読み上げる文がありません。' },
  unknownLanguage: (text: string): LocalText => ({ en: `"${text}" is not a language I know.`, ja: `「${text}」は知らない言語です。` }),
  /** The note that replaces "thinking…" when the voice message goes to the channel. */
  caption: (seconds: string, language: LocalText, voice: string): LocalText => ({
    en: `🔊 Read aloud in ${language.en} (voice ${voice}, ${seconds} s).`,
    ja: `🔊 ${language.ja}で読み上げました（声 ${voice}、${seconds}秒）。`,
  }),
  stoppedEarly: (done: number, total: number): LocalText => ({
    en: `-# Stopped after ${done} of ${total} sentences.`,
    ja: `-# ${total}文中${done}文で止めました。`,
  }),
  settingVoiceReplies: {
    en: 'voiceReplies: answer voice messages with a voice message too (on/off)',
    ja: 'voiceReplies: ボイスメッセージへの回答をボイスメッセージでも送る（on/off）',
  },
  help: {
    en: 'Use /speak or "Read aloud" on a message to hear it as a voice message; with voiceReplies on, spoken questions get spoken answers.',
    ja: '/speak またはメッセージの「読み上げ」でボイスメッセージとして聞けます。voiceReplies がオンなら、声の質問に声で答えます。',
  },
  localDoes: {
    en: 'reads a text aloud into an .ogg file (--out <file> to choose where)',
    ja: '文を読み上げて .ogg ファイルに保存します（--out <ファイル> で保存先を指定）',
  },
  localUsage: { en: 'Usage: /speak [--out <file.ogg>] <text>', ja: '使い方: /speak [--out <ファイル.ogg>] <文>' },
  badOut: (out: string): LocalText => ({
    en: `"${out}" is not a file name ending in .ogg.`,
    ja: `「${out}」は .ogg で終わるファイル名ではありません。`,
  }),
  savedTo: (file: string, seconds: string): LocalText => ({
    en: `🔊 Saved ${seconds} s of speech to ${file}`,
    ja: `🔊 ${seconds}秒の音声を ${file} に保存しました`,
  }),
  notSaved: (file: string): LocalText => ({
    en: `The speech could not be saved to ${file} (is the folder writable?).`,
    ja: `音声を ${file} に保存できませんでした（フォルダーに書き込めますか？）。`,
  }),
} as const;
