/**
 * What the writing system alone decides. Kana means Japanese and hangul means Korean even in a message full of
 * kanji or English words, which no statistical detector gets right as reliably on short mixed ja/en chat; a few
 * other scripts belong to one supported language each. Han-only text is the one real ambiguity (了解, 草, 東京駅):
 * see `hanOnlyLanguage`.
 */

/** Scripts used by exactly one language the project supports. */
const SINGLE_LANGUAGE_SCRIPTS: readonly (readonly [RegExp, string])[] = [
  [/[\p{Script=Hiragana}\p{Script=Katakana}]/u, 'ja'],
  [/\p{Script=Hangul}/u, 'ko'],
  [/\p{Script=Thai}/u, 'th'],
  [/\p{Script=Greek}/u, 'el'],
  [/\p{Script=Hebrew}/u, 'he'],
  [/\p{Script=Bengali}/u, 'bn'],
];

/** The message without code, URLs, mentions, custom emoji and timestamps: they say nothing about its language. */
export function proseOf(text: string): string {
  return text
    .replace(/```[\s\S]*?(?:```|$)|`[^`\n]*`/gu, ' ')
    .replace(/https?:\/\/\S+/gu, ' ')
    .replace(/<a?:\w+:\d+>|<(?:@[!&]?|#)\d+>|<\/[\w -]+:\d+>|<t:-?\d+(?::\w)?>|@(?:everyone|here)/gu, ' ');
}

/** The letters of the message's prose (see `proseOf`). */
export function lettersOf(text: string): string {
  return proseOf(text).replace(/[^\p{L}]/gu, '');
}

/** The language a single-language script decides, when the text uses one (kana wins over kanji). */
export function scriptLanguage(letters: string): string | undefined {
  for (const [pattern, code] of SINGLE_LANGUAGE_SCRIPTS) if (pattern.test(letters)) return code;
  return undefined;
}

/** Whether every letter is a Han character (kanji/hanzi), so both Japanese and Chinese are possible. */
export function isHanOnly(letters: string): boolean {
  return letters.length > 0 && /^\p{Script=Han}+$/u.test(letters);
}

/**
 * Simplified Chinese forms (and a few traditional ones) that Japanese writing does not use, and Chinese sentence
 * particles (吗, 呢, 吧). Any of them makes a Han-only text Chinese.
 */
const CHINESE_ONLY =
  '这们么吗呢吧啊哦嘛你您她它哪很没还谢说话时个为发现问动过开关门长东车见头间给让该觉认识请钱书买卖马鸟鱼飞网页链务戏欢详顶' +
  '处从对样运进边远选谁读课语题类种线级结经红组练终饭饿馆错钟银铁华乐实业专丢两严丰临乌乔习乡亏亚产亲亿仅仑仓仪价众优伙伤伦' +
  '伟传佣侠侣侥侦侧侨侬俭刚创删别剧办励劳势协单卢卫卷厂厅历厉压厌县叹吓听启员响哑呗咱喂嗯們麼嗎這沒說讓覺錢賣鏈戲歡處對樣邊' +
  '讀經鐵樂實專丟兩嚴豐鄉虧亞產價眾夥傳體餘辦勵勞區醫單廠廳歷壓縣號嚇聽啟';

/** Forms only Japanese uses (shinjitai and kokuji): a Han-only text with one of them is Japanese. */
const JAPANESE_ONLY =
  '駅気広実楽読売変様働込畑円済鉄図単戦県関歳転伝対応労帰拡恵栄営覚観歓験権険検剣剤沢択払仏辺弁歩毎訳薬遅郷蔵臓隠絵縁塩桜穏価箇挙拠峡暁径軽継茎鶏芸撃圏倹巻乾勧';

/**
 * The language of a Han-only text: Chinese or Japanese when a form only one of them uses settles it, otherwise
 * the hint (the server's or member's language) when it is one of the two; `undefined` when nothing decides.
 */
export function hanOnlyLanguage(letters: string, hint: string | undefined): string | undefined {
  const chinese = [...letters].filter((char) => CHINESE_ONLY.includes(char)).length;
  const japanese = [...letters].filter((char) => JAPANESE_ONLY.includes(char)).length;
  if (chinese > japanese) return hint === 'zh-tw' ? 'zh-tw' : 'zh';
  if (japanese > chinese) return 'ja';
  if (hint === 'ja' || hint === 'zh' || hint === 'zh-tw') return hint;
  return undefined;
}
