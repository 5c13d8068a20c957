/**
 * Does a transcript ask something? Decides whether a voice message goes on to the FAQ. Whisper writes "?" / "？" for
 * most questions; spoken Japanese questions often have none, and English ones start with a question word or an
 * inverted auxiliary.
 *
 * Japanese, on ICU's word segments (no morphological analyser):
 * - an interrogative word (何/どう/どこ/いつ/誰/なぜ/どれ/いくら…) asks, unless it is an indefinite (何か "something",
 *   誰にも "nobody", どうしても "by all means") or sits in an embedded question (いつ出発するのか分かりません);
 * - a final か/かな/かしら/っけ (or の, when no 。 follows) asks only after a verb, an adjective or the copula
 *   (ますか, るか, たの, なの), not after a noun: 静か, わずか and 確か end in か and ask nothing.
 */

// English: a question word, or an auxiliary followed by its subject ("Have you…", not "Have a nice day").
const EN_WH = /^(how|what|why|where|when|who|whom|whose|which)\b(?! an? \b| (nice|great|cool|lovely|wonderful|beautiful|kind)\b)/iu;
const EN_AUX =
  /^(?!have (an? |fun\b))(can|could|do|does|did|is|are|was|were|will|would|should|shall|may|might|have|has|had|am)(n't)? (i|you|we|they|he|she|it|this|that|these|those|there|the|a|an|my|your|our|their|his|her|its|any|anyone|anybody|someone|somebody|everyone|people)\b(?! now\b)/iu;
const EN_FILLER = /^((so|okay|ok|um+|uh+|hey|well|and|but|then|also|oh|hi|hello)\b[,.!]?\s*)+/iu;

const INTERROGATIVES = new Set(
  'なに なんで なんの 何故 なぜ どう どうして どうやって どこ いつ 誰 だれ どれ どの どちら どっち どんな どういう いくら いくつ'.split(
    ' ',
  ),
);
/** 何 alone or with a counter (何時, 何人, 何曜日), but not 何らか "some" or 何とか "somehow". */
const NANI = /^何(?!らか|とか)\p{Script=Han}*$/u;
/** After an interrogative, these within a few words make it an indefinite: 誰も, 何でも, どうしても, いつだって. */
const INDEFINITE = new Set(['も', 'でも', 'だって', 'しも', 'ても']);
/** Words that may follow a final か without making it an embedded question ("…ますか。", "…かな、ね"). */
const TRAILING = /^[\s。．.!！、,ねよなあ]*$/u;
/** A final question particle after a verb (-u, -ta, -nai), an adjective (-i), the copula or an auxiliary. */
const JA_END_KA =
  /(ます|ません|ました|です|でした|でしょう|だろう|ない|[うくすつぬぶむるぐいただなのん])(か|かな|かしら)[。．.!！]?$|っけ[。．.!！]?$/u;
/** の / ん asks only bare: "財布をなくしたの。" with its 。 tells something. */
const JA_END_NO = /(ない|[うくすつぬぶむるぐいただな])の$/u;

const WORDS = new Intl.Segmenter('ja', { granularity: 'word' });
const SENTENCES = new Intl.Segmenter('ja', { granularity: 'sentence' });

/** The last sentence of a transcript (questions come last: "Hi. How do I…"). */
function lastSentence(text: string): string {
  const sentences = [...SENTENCES.segment(text)].map((s) => s.segment.trim()).filter(Boolean);
  return sentences.at(-1) ?? text;
}

function isInterrogative(words: readonly string[], i: number): boolean {
  const word = words[i]!;
  if (!INTERROGATIVES.has(word) && !NANI.test(word)) return false;
  if (word === 'なんで' && /^(しょ|す)/u.test(words[i + 1] ?? '')) return false; // きれいなんでしょう: copula, not "why"
  for (let j = i + 1; j < words.length; j++) {
    const next = words[j]!;
    if (j < i + 5 && INDEFINITE.has(next)) return false;
    // 何か / どこか alone ("something", "somewhere"), or いつ出発するのか分かりません: a か with words after it makes
    // the interrogative an indefinite or an embedded question; a final one asks.
    if (isParticleKa(words, j, i)) return TRAILING.test(words.slice(j + 1).join(''));
    // 何が起こるんだろうと思う: quoted wondering, not asking.
    if (next === 'と' && /^(だろう|か)$/u.test(words[j - 1] ?? '')) return false;
  }
  return true;
}

/**
 * Is `words[j]` the particle か? ICU also cuts verbs before their か (動|か|ない, 分|か|り): a か after a kanji stem
 * other than the interrogative itself is part of the verb.
 */
function isParticleKa(words: readonly string[], j: number, interrogative: number): boolean {
  const word = words[j]!;
  if (word === 'のか' || word === 'かどうか') return true;
  // Right after the interrogative (何か, 何|かし…): an indefinite, whatever ICU glued to it.
  if (j === interrogative + 1) return word.startsWith('か') && !word.startsWith('から');
  if (word === 'か') return !/^\p{Script=Han}+$/u.test(words[j - 1] ?? '');
  // A verb glued to its か (いる|か → いるか), not a noun ending in か (静か, わずか).
  return /[うくすつぬぶむるぐいただのん]か$/u.test(word);
}

function asksInJapanese(sentence: string): boolean {
  const words = [...WORDS.segment(sentence)].map((s) => s.segment);
  if (words.some((_, i) => isInterrogative(words, i))) return true;
  return JA_END_KA.test(sentence) || JA_END_NO.test(sentence);
}

function asksInEnglish(sentence: string): boolean {
  const plain = sentence.replace(EN_FILLER, '');
  return EN_WH.test(plain) || EN_AUX.test(plain);
}

export function looksLikeQuestion(text: string): boolean {
  const trimmed = text.trim();
  if (!trimmed) return false;
  if (/[?？]/u.test(trimmed)) return true;
  const last = lastSentence(trimmed);
  return asksInEnglish(last) || asksInJapanese(last);
}
