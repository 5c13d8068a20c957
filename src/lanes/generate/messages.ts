/** What the chat lane says, in English and Japanese. */
import type { LocalText } from '../../i18n/text.ts';

export const generateMessages = {
  verb: { en: 'writing', ja: '回答を書いています' },
  sources: (questions: string): LocalText => ({ en: `-# Sources: ${questions}`, ja: `-# 出典: ${questions}` }),
  dropped: (count: number): LocalText => ({
    en: `-# (${count} older message${count === 1 ? '' : 's'} left out to fit my memory)`,
    ja: `-# （記憶に収めるため、古いメッセージ${count}件を省きました）`,
  }),
  cut: { en: '-# (cut at the length limit)', ja: '-# （長さの上限で切れました）' },
  stopped: { en: '-# (stopped)', ja: '-# （停止しました）' },
  timedOut: { en: '-# (stopped: took too long)', ja: '-# （時間切れで停止しました）' },
  tooLong: (tokens: number, budget: number): LocalText => ({
    en: `That message is too long for me: about ${tokens} tokens with my instructions, and I can read at most ${budget}. Please shorten it.`,
    ja: `メッセージが長すぎます。指示と合わせて約${tokens}トークンあり、読めるのは${budget}トークンまでです。短くしてください。`,
  }),
  modelNotOffered: (model: string, offered: string): LocalText => ({
    en: `The chat model "${model}" is not available on this bot (it offers: ${offered}). An admin can change it with /settings set chatModel.`,
    ja: `チャットモデル「${model}」はこのボットでは使えません（使えるもの: ${offered}）。管理者が /settings set chatModel で変更できます。`,
  }),
  reset: { en: '🧹 Done: I forgot our conversation here.', ja: '🧹 ここでの会話を忘れました。' },
  noMemoryHere: {
    en: 'Here I keep no conversation: each message or reply chain stands alone. Send a new message (not a reply) to start over.',
    ja: 'ここでは会話を記憶していません。メッセージや返信のつながりごとに独立しています。やり直すには（返信ではなく）新しいメッセージを送ってください。',
  },
  promptMissing: {
    en: 'Write something in `prompt:` (or use `reset:` to forget our conversation).',
    ja: '`prompt:` に何か書いてください（会話を忘れるには `reset:` を使います）。',
  },
  usage: { en: 'Usage: /chat <message>. Write something to talk about.', ja: '使い方: /chat <メッセージ>　話したいことを書いてください。' },
  localDoes: { en: 'talks with the language model (plain text does too)', ja: '言語モデルと会話します（普通の文でも話せます）' },
  commandDescription: { en: 'Talk with the assistant', ja: 'アシスタントと会話します' },
  promptOption: { en: 'Your message', ja: 'あなたのメッセージ' },
  resetOption: { en: 'Forget our conversation here first (DMs and threads)', ja: '先にここでの会話を忘れる（DMとスレッド）' },
  settingChatModel: {
    en: 'chatModel: the chat model (one the bot offers, or default)',
    ja: 'chatModel: チャットモデル（ボットが提供するもの、または default）',
  },
  settingMaxNewTokens: { en: 'maxNewTokens: longest chat answer in tokens', ja: 'maxNewTokens: チャットの回答の最大トークン数' },
  settingTemperature: { en: 'temperature: 0 (always the likeliest word) to 2', ja: 'temperature: 0（常に最も確からしい語）〜2' },
  settingTopP: { en: 'topP: above 0, up to 1', ja: 'topP: 0より大きく1以下' },
  settingPersona: { en: 'persona: extra instructions for chat', ja: 'persona: チャットへの追加の指示' },
  takesNumber: (key: string, what: string): LocalText => ({
    en: `${key} takes ${what}, or "default".`,
    ja: `${key} には${what}、または default を指定してください。`,
  }),
  personaTooLong: { en: 'The persona can be at most 2000 characters.', ja: 'persona は2000文字までです。' },
} as const;
