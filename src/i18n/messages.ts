/**
 * The core message catalogue: what the bot says that belongs to no lane (errors, queue status, help, settings,
 * privacy). Lanes keep theirs in `src/lanes/<lane>/messages.ts`. English and Japanese side by side.
 */
import type { LocalText } from './text.ts';

export const coreMessages = {
  internal: (reference: string): LocalText => ({
    en: `Something went wrong on my side (reference ${reference}). Please try again later.`,
    ja: `こちらで問題が発生しました（参照番号 ${reference}）。しばらくしてからもう一度お試しください。`,
  }),
  queueUnavailable: {
    en: "I'm temporarily unavailable (I can't reach my job queue). Please try again shortly.",
    ja: '一時的に利用できません（ジョブキューに接続できません）。少し待ってからもう一度お試しください。',
  },
  busy: (lane: LocalText, seconds: number): LocalText => ({
    en: `I'm busy with ${lane.en} right now. Please try again in about ${seconds} s.`,
    ja: `ただいま${lane.ja}が混み合っています。約${seconds}秒後にもう一度お試しください。`,
  }),
  rateLimited: (seconds: number): LocalText => ({
    en: `You're sending requests a little fast. Please try again in ${seconds} s.`,
    ja: `リクエストが少し速すぎます。${seconds}秒後にもう一度お試しください。`,
  }),
  laneOff: (lane: LocalText): LocalText => ({
    en: `That feature (${lane.en}) is turned off here.`,
    ja: `この機能（${lane.ja}）はここでは無効になっています。`,
  }),
  laneDisabled: (lane: string): LocalText => ({
    en: `The ${lane} lane is turned off on this bot.`,
    ja: `このボットでは ${lane} レーンが無効になっています。`,
  }),
  badRequest: (details: string): LocalText => ({
    en: `That request is not valid: ${details}`,
    ja: `リクエストが正しくありません: ${details}`,
  }),
  tooLong: (chars: number, max: number): LocalText => ({
    en: `That is ${chars} characters; the limit is ${max}.`,
    ja: `${chars}文字あります。上限は${max}文字です。`,
  }),
  waiting: (ahead: number, running: number): LocalText => ({
    en: ahead > 0 ? `⏳ waiting — ${ahead} ahead (${running} running)` : `⏳ waiting — next (${running} running)`,
    ja: ahead > 0 ? `⏳ 待機中 — 前に${ahead}件（実行中${running}件）` : `⏳ 待機中 — 次の順番です（実行中${running}件）`,
  }),
  queued: { en: '⏳ queued…', ja: '⏳ 受付中…' },
  running: (verb: LocalText, percent?: number): LocalText => {
    const p = percent === undefined ? '' : ` ${Math.round(percent)}%`;
    return { en: `⏳ ${verb.en}…${p}`, ja: `⏳ ${verb.ja}…${p}` };
  },
  cancel: { en: 'Cancel', ja: 'キャンセル' },
  cancelled: { en: '✖️ Cancelled.', ja: '✖️ キャンセルしました。' },
  alreadyFinished: { en: 'That request has already finished.', ja: 'そのリクエストはすでに終わっています。' },
  onlyAskerCancels: { en: 'Only the person who asked can cancel this.', ja: 'キャンセルできるのは依頼した本人だけです。' },
  unknownButton: { en: 'That button no longer does anything.', ja: 'このボタンはもう使えません。' },
  unknownCommand: (name: string): LocalText => ({ en: `I don't know the command /${name}.`, ja: `/${name} というコマンドはありません。` }),
  noWorker: (seconds: number): LocalText => ({
    en: `No worker answered within ${seconds} s. Is a worker running (npm run worker)?`,
    ja: `${seconds}秒以内にワーカーが応答しませんでした。ワーカー（npm run worker）は動いていますか？`,
  }),
  downloadFailed: (status: number | null): LocalText => ({
    en: `I could not download that file${status ? ` (HTTP ${status})` : ' (the link may have expired)'}. Please send it again.`,
    ja: `ファイルをダウンロードできませんでした${status ? `（HTTP ${status}）` : '（リンクの期限が切れた可能性があります）'}。もう一度送ってください。`,
  }),
  takesOnOff: (key: string): LocalText => ({ en: `${key} takes on or off.`, ja: `${key} には on か off を指定してください。` }),
  downloadTooSlow: {
    en: 'Downloading that file took too long. Please send it again.',
    ja: 'ファイルのダウンロードに時間がかかりすぎました。もう一度送ってください。',
  },
  downloadBrokeOff: {
    en: 'The download of that file broke off. Please send it again.',
    ja: 'ファイルのダウンロードが途中で切れました。もう一度送ってください。',
  },
  invalidUrl: { en: 'That attachment link is not a valid URL.', ja: 'この添付ファイルのリンクは正しいURLではありません。' },
  foreignHost: (allowed: string, host: string): LocalText => ({
    en: `I only download attachments from Discord (${allowed}), not from ${host}.`,
    ja: `添付ファイルは Discord（${allowed}）からのみダウンロードします。${host} からはダウンロードしません。`,
  }),
} as const;
