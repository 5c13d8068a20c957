/** Benchmark inputs that read like Discord traffic: FAQ-style questions and chat messages, English and Japanese. */

const QUESTIONS = [
  'how do I change my nickname on this server?',
  'where can I find the rules for the weekend game event?',
  'can you translate my message into Japanese please?',
  'why was my invite link removed from the channel?',
  'what time does the music night start tomorrow?',
  'is there a role for people who want to help the team?',
  'このサーバーのルールはどこで見られますか？',
  'ボイスチャンネルに入れないのはなぜですか？',
];

/** `count` distinct questions (a suffix keeps caches from answering instead of the model). */
export function questions(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `${QUESTIONS[i % QUESTIONS.length]} ${i}`);
}

/** A typical 20-word chat message to translate (English), and a Japanese one of about the same content. */
export const MESSAGE_EN_20_WORDS = 'Sorry I am late for the meeting tomorrow, the train is very slow today so please start without me now.';
export const MESSAGE_JA = '明日の会議に遅れてすみません。今日は電車がとても遅いので、先に始めてください。すぐに行きます。';
