/** Language names as the bot writes them, in English and Japanese (`ja` → Japanese / 日本語). */
import type { LocalText } from '../../i18n/text.ts';
import { LANGUAGES } from './languages.ts';

const JAPANESE_NAMES: Readonly<Record<string, string>> = {
  ar: 'アラビア語',
  bg: 'ブルガリア語',
  bn: 'ベンガル語',
  cs: 'チェコ語',
  da: 'デンマーク語',
  de: 'ドイツ語',
  el: 'ギリシャ語',
  en: '英語',
  es: 'スペイン語',
  fa: 'ペルシア語',
  fi: 'フィンランド語',
  fr: 'フランス語',
  he: 'ヘブライ語',
  hi: 'ヒンディー語',
  hu: 'ハンガリー語',
  id: 'インドネシア語',
  it: 'イタリア語',
  ja: '日本語',
  ko: '韓国語',
  ms: 'マレー語',
  nl: 'オランダ語',
  no: 'ノルウェー語',
  pl: 'ポーランド語',
  pt: 'ポルトガル語',
  ro: 'ルーマニア語',
  ru: 'ロシア語',
  sv: 'スウェーデン語',
  th: 'タイ語',
  tl: 'タガログ語',
  tr: 'トルコ語',
  uk: 'ウクライナ語',
  ur: 'ウルドゥー語',
  vi: 'ベトナム語',
  zh: '中国語（簡体字）',
  'zh-tw': '中国語（繁体字）',
};

export function languageText(code: string): LocalText {
  const name = LANGUAGES.get(code)?.name ?? code;
  return { en: name, ja: JAPANESE_NAMES[code] ?? name };
}
