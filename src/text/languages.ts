/**
 * Languages the translation lane accepts, with the codes the default multilingual model (NLLB-200)
 * expects. Users type ISO 639-1 codes (`ja`), English names (`Japanese`) or Japanese names and readings
 * (「日本語」「にほんご」); `searchLanguages` serves the slash commands' autocomplete.
 */
export interface Language {
  readonly code: string;
  readonly name: string;
  /** NLLB-200 / FLORES-200 code. */
  readonly nllb: string;
  /** Japanese name (「英語」). */
  readonly ja: string;
  /** Reading of the Japanese name in hiragana (「えいご」). */
  readonly kana: string;
}

const TABLE: readonly (readonly [string, string, string, string, string])[] = [
  ['ar', 'Arabic', 'arb_Arab', 'アラビア語', 'あらびあご'],
  ['bg', 'Bulgarian', 'bul_Cyrl', 'ブルガリア語', 'ぶるがりあご'],
  ['bn', 'Bengali', 'ben_Beng', 'ベンガル語', 'べんがるご'],
  ['cs', 'Czech', 'ces_Latn', 'チェコ語', 'ちぇこご'],
  ['da', 'Danish', 'dan_Latn', 'デンマーク語', 'でんまーくご'],
  ['de', 'German', 'deu_Latn', 'ドイツ語', 'どいつご'],
  ['el', 'Greek', 'ell_Grek', 'ギリシャ語', 'ぎりしゃご'],
  ['en', 'English', 'eng_Latn', '英語', 'えいご'],
  ['es', 'Spanish', 'spa_Latn', 'スペイン語', 'すぺいんご'],
  ['fa', 'Persian', 'pes_Arab', 'ペルシア語', 'ぺるしあご'],
  ['fi', 'Finnish', 'fin_Latn', 'フィンランド語', 'ふぃんらんどご'],
  ['fr', 'French', 'fra_Latn', 'フランス語', 'ふらんすご'],
  ['he', 'Hebrew', 'heb_Hebr', 'ヘブライ語', 'へぶらいご'],
  ['hi', 'Hindi', 'hin_Deva', 'ヒンディー語', 'ひんでぃーご'],
  ['hu', 'Hungarian', 'hun_Latn', 'ハンガリー語', 'はんがりーご'],
  ['id', 'Indonesian', 'ind_Latn', 'インドネシア語', 'いんどねしあご'],
  ['it', 'Italian', 'ita_Latn', 'イタリア語', 'いたりあご'],
  ['ja', 'Japanese', 'jpn_Jpan', '日本語', 'にほんご'],
  ['ko', 'Korean', 'kor_Hang', '韓国語', 'かんこくご'],
  ['ms', 'Malay', 'zsm_Latn', 'マレー語', 'まれーご'],
  ['nl', 'Dutch', 'nld_Latn', 'オランダ語', 'おらんだご'],
  ['no', 'Norwegian', 'nob_Latn', 'ノルウェー語', 'のるうぇーご'],
  ['pl', 'Polish', 'pol_Latn', 'ポーランド語', 'ぽーらんどご'],
  ['pt', 'Portuguese', 'por_Latn', 'ポルトガル語', 'ぽるとがるご'],
  ['ro', 'Romanian', 'ron_Latn', 'ルーマニア語', 'るーまにあご'],
  ['ru', 'Russian', 'rus_Cyrl', 'ロシア語', 'ろしあご'],
  ['sv', 'Swedish', 'swe_Latn', 'スウェーデン語', 'すうぇーでんご'],
  ['th', 'Thai', 'tha_Thai', 'タイ語', 'たいご'],
  ['tl', 'Tagalog', 'tgl_Latn', 'タガログ語', 'たがろぐご'],
  ['tr', 'Turkish', 'tur_Latn', 'トルコ語', 'とるこご'],
  ['uk', 'Ukrainian', 'ukr_Cyrl', 'ウクライナ語', 'うくらいなご'],
  ['ur', 'Urdu', 'urd_Arab', 'ウルドゥー語', 'うるどぅーご'],
  ['vi', 'Vietnamese', 'vie_Latn', 'ベトナム語', 'べとなむご'],
  ['zh', 'Chinese (Simplified)', 'zho_Hans', '中国語（簡体字）', 'ちゅうごくご'],
  ['zh-tw', 'Chinese (Traditional)', 'zho_Hant', '中国語（繁体字）', 'ちゅうごくご'],
];

export const LANGUAGES: ReadonlyMap<string, Language> = new Map(
  TABLE.map(([code, name, nllb, ja, kana]) => [code, Object.freeze({ code, name, nllb, ja, kana })]),
);

/** Finds a language by code, English name, Japanese name or reading (`JA`, `japanese`, `zh-TW`, 「日本語」「にほんご」). */
export function findLanguage(query: string): Language | undefined {
  const key = fold(query);
  return (
    LANGUAGES.get(key) ??
    [...LANGUAGES.values()].find((language) => [language.name, language.ja, language.kana].some((name) => fold(name) === key))
  );
}

/**
 * Languages matching what a member typed, best first (at most `limit`): the code, then names starting with the
 * query, then names containing it, in English, Japanese or kana (「にほん」, 「英語」, 「ドイツ」 and 'ja' all work).
 */
export function searchLanguages(query: string, limit = 25): Language[] {
  const key = fold(query);
  if (!key) return [...LANGUAGES.values()].slice(0, limit);
  const scored: { language: Language; score: number }[] = [];
  for (const language of LANGUAGES.values()) {
    const names = [language.name, language.ja, language.kana].map(fold);
    let score = 0;
    if (language.code === key) score = 4;
    else if (language.code.startsWith(key) || names.some((name) => name.startsWith(key))) score = 3;
    else if (names.some((name) => name.includes(key))) score = 2;
    if (score) scored.push({ language, score });
  }
  return scored
    .sort((a, b) => b.score - a.score)
    .slice(0, limit)
    .map((entry) => entry.language);
}

/** Case, width and katakana folded: 「ニホン」 finds 「にほんご」, 'ＪＡ' finds 'ja'. */
function fold(text: string): string {
  return text
    .normalize('NFKC')
    .trim()
    .toLowerCase()
    .replace(/[\u30a1-\u30f6]/gu, (char) => String.fromCharCode(char.charCodeAt(0) - 0x60));
}

/** The language's English name, or the code itself when unknown. */
export function languageName(code: string): string {
  return LANGUAGES.get(code)?.name ?? code;
}

export function supportedLanguageList(): string {
  return [...LANGUAGES.keys()].join(', ');
}
