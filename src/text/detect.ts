/**
 * One language detection for the whole project: the translation lane's source guess, auto-translate's "is this
 * already in the target language" and the speech lane's hint. The writing system decides first (kana → ja, hangul
 * → ko, Han-only text by forms only one language uses, else by the server's or member's language); three
 * statistical detectors vote on the rest. Below the confidence floor the answer is `undefined`: the caller then
 * uses the server's or member's language (Discord locale), and automatic actions do nothing.
 */
import { loadDetectors } from './detectors.ts';
import { hanOnlyLanguage, isHanOnly, lettersOf, proseOf, scriptLanguage } from './scripts.ts';

/** The languages kotodama translates (ISO 639-1): detection never answers anything else. */
export const DETECTABLE_LANGUAGES: readonly string[] = Object.freeze([
  'ar',
  'bg',
  'bn',
  'cs',
  'da',
  'de',
  'el',
  'en',
  'es',
  'fa',
  'fi',
  'fr',
  'he',
  'hi',
  'hu',
  'id',
  'it',
  'ja',
  'ko',
  'ms',
  'nl',
  'no',
  'pl',
  'pt',
  'ro',
  'ru',
  'sv',
  'th',
  'tl',
  'tr',
  'uk',
  'ur',
  'vi',
  'zh',
]);

/** Two of the three detectors must agree. */
export const DEFAULT_CONFIDENCE_FLOOR = 0.6;

export interface DetectOptions {
  /** Languages the caller can use (`zh-tw` counts as `zh` for detection); default: `DETECTABLE_LANGUAGES`. */
  readonly supported?: Iterable<string>;
  /** The server's or member's language (from the Discord locale): decides Han-only text. */
  readonly hint?: string | undefined;
  /** @defaultValue `DEFAULT_CONFIDENCE_FLOOR` */
  readonly floor?: number;
}

export interface Detection {
  readonly code: string;
  /** 1 for the writing system or a unanimous vote, 2/3 for a majority. */
  readonly confidence: number;
  readonly source: 'script' | 'hint' | 'vote';
}

/** The language of `text`, or `undefined` when there are no letters or the evidence is below the floor. */
export async function detectLanguage(text: string, options: DetectOptions = {}): Promise<Detection | undefined> {
  const letters = lettersOf(text);
  if (!letters) return undefined;
  const supported = supportedSet(options.supported);
  const decided = decideByScript(letters, options.hint);
  if (decided) return supported.has(baseCode(decided.code)) ? decided : undefined;
  // Statistical detectors call almost any kanji-only text Chinese: without a deciding form or hint, abstain.
  if (isHanOnly(letters)) return undefined;
  const detectors = await loadDetectors();
  const prose = proseOf(text);
  const opinions = detectors.opinions(prose, supported);
  const vote = majority(opinions);
  if (!vote || vote.confidence < (options.floor ?? DEFAULT_CONFIDENCE_FLOOR)) return undefined;
  if (vote.confidence < 1) return splitVote(vote, opinions, prose, options.hint);
  return vote;
}

/** Words below which a split vote is noise ("hello": one detector English, two Italian). */
const SHORT_WORDS = 3;

/**
 * A vote that is not unanimous: the member's (or server's) language wins when one detector named it; on a text
 * of one or two words, a split vote without that support is not evidence, so detection abstains.
 */
function splitVote(
  vote: Detection,
  opinions: readonly (string | undefined)[],
  prose: string,
  hint: string | undefined,
): Detection | undefined {
  const hinted = hint ? baseCode(hint) : undefined;
  if (hinted && opinions.includes(hinted)) return { code: hinted, confidence: vote.confidence, source: 'hint' };
  return prose.trim().split(/\s+/).length < SHORT_WORDS ? undefined : vote;
}

/** The writing system's answer, when it has one. */
export function decideByScript(letters: string, hint: string | undefined): Detection | undefined {
  const script = scriptLanguage(letters);
  if (script) return { code: script, confidence: 1, source: 'script' };
  if (!isHanOnly(letters)) return undefined;
  const code = hanOnlyLanguage(letters, hint);
  if (!code) return undefined;
  return { code, confidence: 1, source: code === hint ? 'hint' : 'script' };
}

function majority(opinions: readonly (string | undefined)[]): Detection | undefined {
  const counts = new Map<string, number>();
  for (const code of opinions) if (code) counts.set(code, (counts.get(code) ?? 0) + 1);
  // Ties go to the first detector's opinion (fastText, the most accurate alone), at the lowest confidence.
  let best: [string, number] | undefined;
  for (const [code, count] of counts) if (!best || count > best[1]) best = [code, count];
  if (!best) return undefined;
  return { code: best[0], confidence: best[1] / opinions.length, source: 'vote' };
}

function supportedSet(codes: Iterable<string> | undefined): Set<string> {
  return new Set([...(codes ?? DETECTABLE_LANGUAGES)].map(baseCode));
}

/** `zh-tw` → `zh`: detectors name languages, not regional forms. */
export function baseCode(code: string): string {
  return code.toLowerCase().split('-')[0] ?? code;
}
