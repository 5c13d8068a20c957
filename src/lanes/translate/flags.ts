/** Flag reactions → the main language of that country (🇯🇵 → ja). */
const COUNTRY_LANGUAGE: Readonly<Record<string, string>> = {
  JP: 'ja',
  US: 'en',
  GB: 'en',
  AU: 'en',
  CA: 'en',
  NZ: 'en',
  IE: 'en',
  FR: 'fr',
  BE: 'fr',
  DE: 'de',
  AT: 'de',
  CH: 'de',
  ES: 'es',
  MX: 'es',
  AR: 'es',
  CO: 'es',
  CL: 'es',
  IT: 'it',
  PT: 'pt',
  BR: 'pt',
  CN: 'zh',
  TW: 'zh-tw',
  HK: 'zh-tw',
  KR: 'ko',
  RU: 'ru',
  UA: 'uk',
  PL: 'pl',
  NL: 'nl',
  SE: 'sv',
  NO: 'no',
  DK: 'da',
  FI: 'fi',
  TR: 'tr',
  GR: 'el',
  IL: 'he',
  SA: 'ar',
  EG: 'ar',
  AE: 'ar',
  IN: 'hi',
  TH: 'th',
  VN: 'vi',
  ID: 'id',
  MY: 'ms',
  PH: 'tl',
  CZ: 'cs',
  HU: 'hu',
  RO: 'ro',
  BG: 'bg',
  IR: 'fa',
  PK: 'ur',
  BD: 'bn',
};

const REGIONAL_A = 0x1f1e6;

/** The language for a flag emoji, or undefined when the emoji is not a (known) country flag. */
export function flagLanguage(emoji: string): string | undefined {
  const points = [...emoji].map((char) => char.codePointAt(0) ?? 0);
  if (points.length !== 2 || points.some((point) => point < REGIONAL_A || point > REGIONAL_A + 25)) return undefined;
  const country = String.fromCharCode(...points.map((point) => point - REGIONAL_A + 65));
  return COUNTRY_LANGUAGE[country];
}
