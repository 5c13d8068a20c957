/**
 * Languages the translation lane accepts, with the codes the default multilingual model (NLLB-200)
 * expects. Users type ISO 639-1 codes (`ja`) or English names (`Japanese`).
 */
export interface Language {
  readonly code: string;
  readonly name: string;
  /** NLLB-200 / FLORES-200 code. */
  readonly nllb: string;
}

const TABLE: readonly (readonly [string, string, string])[] = [
  ['ar', 'Arabic', 'arb_Arab'],
  ['bg', 'Bulgarian', 'bul_Cyrl'],
  ['bn', 'Bengali', 'ben_Beng'],
  ['cs', 'Czech', 'ces_Latn'],
  ['da', 'Danish', 'dan_Latn'],
  ['de', 'German', 'deu_Latn'],
  ['el', 'Greek', 'ell_Grek'],
  ['en', 'English', 'eng_Latn'],
  ['es', 'Spanish', 'spa_Latn'],
  ['fa', 'Persian', 'pes_Arab'],
  ['fi', 'Finnish', 'fin_Latn'],
  ['fr', 'French', 'fra_Latn'],
  ['he', 'Hebrew', 'heb_Hebr'],
  ['hi', 'Hindi', 'hin_Deva'],
  ['hu', 'Hungarian', 'hun_Latn'],
  ['id', 'Indonesian', 'ind_Latn'],
  ['it', 'Italian', 'ita_Latn'],
  ['ja', 'Japanese', 'jpn_Jpan'],
  ['ko', 'Korean', 'kor_Hang'],
  ['ms', 'Malay', 'zsm_Latn'],
  ['nl', 'Dutch', 'nld_Latn'],
  ['no', 'Norwegian', 'nob_Latn'],
  ['pl', 'Polish', 'pol_Latn'],
  ['pt', 'Portuguese', 'por_Latn'],
  ['ro', 'Romanian', 'ron_Latn'],
  ['ru', 'Russian', 'rus_Cyrl'],
  ['sv', 'Swedish', 'swe_Latn'],
  ['th', 'Thai', 'tha_Thai'],
  ['tl', 'Tagalog', 'tgl_Latn'],
  ['tr', 'Turkish', 'tur_Latn'],
  ['uk', 'Ukrainian', 'ukr_Cyrl'],
  ['ur', 'Urdu', 'urd_Arab'],
  ['vi', 'Vietnamese', 'vie_Latn'],
  ['zh', 'Chinese (Simplified)', 'zho_Hans'],
  ['zh-tw', 'Chinese (Traditional)', 'zho_Hant'],
];

export const LANGUAGES: ReadonlyMap<string, Language> = new Map(
  TABLE.map(([code, name, nllb]) => [code, Object.freeze({ code, name, nllb })]),
);

/** Finds a language by code or English name, case-insensitively (`JA`, `japanese`, `zh-TW`). */
export function findLanguage(query: string): Language | undefined {
  const key = query.trim().toLowerCase();
  return LANGUAGES.get(key) ?? [...LANGUAGES.values()].find((language) => language.name.toLowerCase() === key);
}

export function languageName(code: string): string {
  return LANGUAGES.get(code)?.name ?? code;
}

export function supportedLanguageList(): string {
  return [...LANGUAGES.keys()].join(', ');
}
