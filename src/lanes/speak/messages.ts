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
} as const;
