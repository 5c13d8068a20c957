/** The few words the speak lane says itself, in the answer's language (English for the others). */
export interface SpokenWords {
  /** Said instead of a code block. */
  readonly codeOmitted: string;
  /** Said instead of a URL. */
  readonly link: string;
  /** Said instead of a spoiler's hidden text. */
  readonly spoiler: string;
  /** Unresolved mentions. */
  readonly someone: string;
  readonly aRole: string;
  readonly aChannel: string;
  readonly everyone: string;
  readonly here: string;
  /** Ends a line that has no closing punctuation, so each line is its own sentence. */
  readonly stop: string;
}

const EN: SpokenWords = {
  codeOmitted: 'Code omitted.',
  link: 'link',
  spoiler: 'spoiler',
  someone: 'someone',
  aRole: 'a role',
  aChannel: 'a channel',
  everyone: 'everyone',
  here: 'everyone here',
  stop: '.',
};

const JA: SpokenWords = {
  codeOmitted: 'コード省略。',
  link: 'リンク',
  spoiler: 'ネタバレ',
  someone: '誰か',
  aRole: 'ロール',
  aChannel: 'チャンネル',
  everyone: '全員',
  here: 'ここにいる皆さん',
  stop: '。',
};

export function spokenWords(language: string): SpokenWords {
  return language === 'ja' || language.startsWith('ja-') ? JA : EN;
}
