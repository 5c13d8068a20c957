/** A small hand-written FAQ in English and Japanese shared by the retrieval tests. */
import type { FaqEntry } from '../../../src/lanes/faq/entry.ts';

export const SMALL_FAQ: FaqEntry[] = [
  {
    id: 'join-voice',
    questions: ['How do I join a voice channel?', 'how can i talk in voice chat', 'I cannot connect to voice'],
    answer: 'Click the channel name in the sidebar.',
  },
  {
    id: 'get-role',
    questions: ['How do I get a role?', 'where can I pick my roles', 'how to get the member role'],
    answer: 'Use the #roles channel.',
  },
  {
    id: 'report-user',
    questions: ['How do I report a user?', 'someone is spamming me, who do I tell', 'report harassment to the moderators'],
    answer: 'Open a ticket with /report.',
  },
  {
    id: 'event-schedule',
    questions: ['When is the next event?', 'what time does the game night start', 'event schedule this week'],
    answer: 'See #events.',
  },
  {
    id: 'ja-notifications',
    questions: ['通知をオフにするにはどうすればいいですか', '通知がうるさいので止めたい', 'サーバーの通知設定を変えたい'],
    answer: 'サーバー名を右クリックして通知設定を開いてください。',
    lang: 'ja',
  },
  {
    id: 'ja-nickname',
    questions: ['ニックネームを変更する方法', '名前を変えたいです', 'サーバーでの表示名を変えるには'],
    answer: '/nick コマンドを使ってください。',
    lang: 'ja',
  },
  {
    id: 'ja-rules',
    questions: ['サーバーのルールはどこで読めますか', 'ルールを教えてください', '禁止事項は何ですか'],
    answer: '#rules を読んでください。',
    lang: 'ja',
  },
];
