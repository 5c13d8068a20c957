/** What the speech-to-text lane says, in English and Japanese. */
import type { LocalText } from '../../i18n/text.ts';

export const transcribeMessages = {
  verb: { en: 'transcribing', ja: '文字起こし中' },
  downloading: { en: 'downloading', ja: 'ダウンロード中' },
  decoding: { en: 'decoding', ja: '音声を読み込み中' },
  loadingModel: { en: 'loading the model', ja: 'モデルを読み込み中' },
  window: (index: number, total: number): LocalText => ({ en: `transcribing ${index}/${total}`, ja: `文字起こし中 ${index}/${total}` }),
  noSpeech: { en: '(no speech detected)', ja: '（音声が検出されませんでした）' },
  footer: (seconds: string, language: LocalText | null, stopped: 'cancelled' | 'timeout' | undefined): LocalText => {
    const stop = {
      en: stopped === 'timeout' ? ' (stopped: took too long)' : stopped ? ' (stopped)' : '',
      ja: stopped === 'timeout' ? '（時間切れで停止）' : stopped ? '（停止）' : '',
    };
    return {
      en: `-# transcript of ${seconds} s of audio${language ? `, ${language.en}` : ''}${stop.en}`,
      ja: `-# ${seconds}秒の音声の文字起こし${language ? `（${language.ja}）` : ''}${stop.ja}`,
    };
  },
  attachedFooter: (minutes: string, language: LocalText | null, stopped: boolean): LocalText => ({
    en: `-# transcript of ${minutes} of audio${language ? `, ${language.en}` : ''}${stopped ? ' (stopped early)' : ''}: full text with timestamps attached`,
    ja: `-# ${minutes}の音声の文字起こし${language ? `（${language.ja}）` : ''}${stopped ? '（途中で停止）' : ''}：タイムスタンプ付きの全文を添付しました`,
  }),
  rerunJapanese: { en: 'Transcribe as 日本語', ja: '日本語として文字起こし' },
  rerunEnglish: { en: 'Transcribe as English', ja: '英語として文字起こし' },
  translateToJapanese: { en: 'Translate → 日本語', ja: '翻訳 → 日本語' },
  translateToEnglish: { en: 'Translate → English', ja: '翻訳 → 英語' },
  answer: { en: 'Answer', ja: '回答する' },
  tooOldForButtons: {
    en: 'That transcript is too old for its buttons now. Please send the audio again.',
    ja: 'この文字起こしは古くなったため、ボタンは使えません。音声をもう一度送ってください。',
  },
  noAudio: { en: 'That message has no voice message or audio file.', ja: 'このメッセージにはボイスメッセージも音声ファイルもありません。' },
  tooLarge: (size: string, max: string): LocalText => ({
    en: `This file is ${size}; the limit here is ${max}.`,
    ja: `このファイルは${size}です。上限は${max}です。`,
  }),
  tooLongClip: (minutes: number, max: number): LocalText => ({
    en: `This clip is ${minutes} min long; the limit here is ${max} min.`,
    ja: `この音声は${minutes}分あります。上限は${max}分です。`,
  }),
  tookTooLong: {
    en: 'Transcribing this took too long; please send a shorter clip.',
    ja: '文字起こしに時間がかかりすぎました。もっと短い音声を送ってください。',
  },
  cancelled: { en: 'The transcription was cancelled.', ja: '文字起こしはキャンセルされました。' },
  unknownSpokenLanguage: (code: string): LocalText => ({
    en: `The speech model here does not know the language "${code}".`,
    ja: `この音声モデルは「${code}」という言語に対応していません。`,
  }),
  englishOnly: (code: string): LocalText => ({
    en: `The speech model here only knows English, not "${code}".`,
    ja: `この音声モデルは英語にしか対応していません（「${code}」は使えません）。`,
  }),
  noFile: (file: string): LocalText => ({ en: `There is no file at ${file}.`, ja: `${file} にファイルがありません。` }),
  usage: {
    en: 'Usage: /transcribe <audio file> [language]. Give the path of an audio file.',
    ja: '使い方: /transcribe <音声ファイル> [言語]　音声ファイルのパスを指定してください。',
  },
  localDoes: {
    en: 'turns speech into text (ogg, opus, mp3, wav, flac, m4a)',
    ja: '音声を文字にします（ogg、opus、mp3、wav、flac、m4a）',
  },
  unknownLanguage: (text: string): LocalText => ({ en: `"${text}" is not a language I know.`, ja: `「${text}」は知らない言語です。` }),
  help: {
    en: 'Send a voice message in a DM or mention me with one to get it transcribed (and answered when it asks something).',
    ja: 'DMでボイスメッセージを送るか、メンション付きで送ると文字起こしします（質問なら回答もします）。',
  },
  commandDescription: { en: 'Turn an audio file into text', ja: '音声ファイルを文字にします' },
  audioOption: { en: 'Audio file or voice message', ja: '音声ファイルまたはボイスメッセージ' },
  languageOption: { en: 'Spoken language (detected when empty)', ja: '話されている言語（空欄なら自動判定）' },
  menuTranscribe: { en: 'Transcribe', ja: '文字起こし' },
  settingAutoTranscribe: {
    en: 'autoTranscribe: transcribe every voice message and audio file here (on/off)',
    ja: 'autoTranscribe: ここのすべてのボイスメッセージと音声ファイルを文字起こし（on/off）',
  },
} as const;
