/** What members read when a model or a model server fails, in English and Japanese. No server paths, no secrets. */
import type { LocalText } from '../i18n/text.ts';

export const inferenceMessages = {
  stillDownloading: (model: string, percent: number | undefined, minutes: number | undefined): LocalText => ({
    en: `The model ${model} is still downloading${percent === undefined ? '' : ` (${percent}%)`}; try again in ${minutes === undefined ? 'a few minutes' : minutes <= 1 ? 'about a minute' : `about ${minutes} minutes`}.`,
    ja: `モデル ${model} はまだダウンロード中です${percent === undefined ? '' : `（${percent}%）`}。${minutes === undefined ? '数分' : minutes <= 1 ? '1分ほど' : `${minutes}分ほど`}してからもう一度お試しください。`,
  }),
  modelMissing: (model: string, offline: boolean): LocalText => ({
    en: `The model ${model} is not available on this bot yet. ${offline ? 'Downloads are off here; the bot owner needs to run `npm run models -- download`.' : 'The download failed; the bot owner can run `npm run models -- download`.'}`,
    ja: `モデル ${model} はまだこのボットで使えません。${offline ? 'ここではダウンロードが無効です。ボットの管理者が `npm run models -- download` を実行する必要があります。' : 'ダウンロードに失敗しました。ボットの管理者が `npm run models -- download` を実行できます。'}`,
  }),
  serverUnreachable: {
    en: "I can't reach the chat model server right now. Please try again later.",
    ja: '現在チャットモデルのサーバーに接続できません。しばらくしてからもう一度お試しください。',
  },
  serverBrokeOff: {
    en: 'The chat model server broke off its answer. Please try again.',
    ja: 'チャットモデルのサーバーが回答を途中で打ち切りました。もう一度お試しください。',
  },
  serverUnreadable: {
    en: 'The chat model server sent an answer I could not read.',
    ja: 'チャットモデルのサーバーから読み取れない回答が返ってきました。',
  },
  serverError: {
    en: 'The chat model server stopped with an error. Please try again later.',
    ja: 'チャットモデルのサーバーがエラーで停止しました。しばらくしてからもう一度お試しください。',
  },
  serverCredentials: (status: string): LocalText => ({
    en: `The chat model server refused my credentials (${status}); the bot owner needs to check the API key.`,
    ja: `チャットモデルのサーバーが認証を拒否しました（${status}）。ボットの管理者がAPIキーを確認する必要があります。`,
  }),
  serverUnknownModel: (model: string, status: string): LocalText => ({
    en: `The chat model server does not know the model "${model}" (${status}).`,
    ja: `チャットモデルのサーバーはモデル「${model}」を知りません（${status}）。`,
  }),
  serverBusy: (status: string): LocalText => ({
    en: `The chat model server is busy (${status}). Please try again in a minute.`,
    ja: `チャットモデルのサーバーが混み合っています（${status}）。1分ほどしてからもう一度お試しください。`,
  }),
  serverFailed: (status: string): LocalText => ({
    en: `The chat model server failed (${status}). Please try again later.`,
    ja: `チャットモデルのサーバーでエラーが起きました（${status}）。しばらくしてからもう一度お試しください。`,
  }),
  serverRejected: (status: string): LocalText => ({
    en: `The chat model server rejected the request (${status}).`,
    ja: `チャットモデルのサーバーがリクエストを拒否しました（${status}）。`,
  }),
} as const;
