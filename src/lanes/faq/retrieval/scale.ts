/**
 * One threshold for every shape of FAQ. The more paraphrases an entry has, the closer a new question comes to one of
 * them and the more training the classifier gets, so confidences grow with the number of questions per entry: on
 * CLINC150 (150 entries, real answers, threshold calibrated on `val` + `oos_val` for 8% in-scope refusals) the
 * calibrated threshold was 0.036 with 1 question per entry, 0.046 with 2, 0.058 with 3, 0.082 with 5, 0.131 with 10,
 * 0.221 with 20 and 0.327 with 40: close to `0.036 · n^0.6`. A threshold set for one shape would refuse two thirds of
 * the answerable questions of a one-question FAQ, or let most off-topic ones through a forty-paraphrase one.
 *
 * Scores are therefore raised to the power `γ(n)` that maps the threshold of a FAQ with `n` questions per entry onto
 * the one of a 10-paraphrase FAQ (the shape `faq.threshold` was calibrated on): `thr(n)^γ(n) = thr(10)`. The power
 * keeps scores in [0, 1] and the order of the entries unchanged.
 */

/** Questions per entry of the FAQ shape the default threshold was calibrated on (CLINC150, 10 paraphrases). */
export const REFERENCE_QUESTIONS = 10;
const THRESHOLD_AT_ONE = 0.036;
const GROWTH = 0.6;

const logThreshold = (questionsPerEntry: number): number => Math.log(THRESHOLD_AT_ONE) + GROWTH * Math.log(questionsPerEntry);

/**
 * The exponent applied to raw confidences of a FAQ whose entries have `questionsPerEntry` questions on average.
 * Bounded to the measured range (1 to 40 questions per entry).
 */
export function scoreExponent(questionsPerEntry: number): number {
  const n = Math.min(40, Math.max(1, questionsPerEntry));
  return logThreshold(REFERENCE_QUESTIONS) / logThreshold(n);
}
