/**
 * The texts the lexical index learns from, by field. Most real FAQs have one question per entry, and one question is
 * too little text to match the many ways people ask it; the answer (and the tags) share much of the vocabulary of
 * those ways, so they are learnt too, as weaker fields: they also talk about other things than what is asked.
 */
import type { FaqEntry } from '../entry.ts';
import { BACKGROUND_QUESTIONS } from './background.ts';

/** How much an entry's answer and its tags count next to one of its questions (0 leaves the field out). */
export interface FieldWeights {
  readonly answer: number;
  readonly tags: number;
}

/**
 * Chosen on the single-question dev set (`tools/faq-single`, tune split): the answer at 0.75 of a question gives
 * +12 points of top-1 accuracy over questions alone (1.0 gives +0.5 more, but that dev set's answers are short and
 * to the point, unlike many real ones); domain-level tags did not help there and get little weight.
 */
export const DEFAULT_FIELD_WEIGHTS: FieldWeights = { answer: 0.75, tags: 0.25 };

export type Field = 'question' | 'answer' | 'tags';

export interface Documents {
  readonly texts: string[];
  /** Class of each text: the entry's position, or `entries.length` for the background class. */
  readonly labels: Int32Array;
  /** Weight of each text in training and in the similarity (a question weighs 1). */
  readonly weights: Float32Array;
  readonly fields: Field[];
  readonly classCount: number;
}

/**
 * @param background Add the off-topic background class of `background.ts` as the last class. It also makes a
 *   single-entry FAQ a two-class problem, so its confidence means the same as with many entries.
 */
export function buildDocuments(entries: readonly FaqEntry[], weights: FieldWeights, background: boolean): Documents {
  const texts: string[] = [];
  const labels: number[] = [];
  const textWeights: number[] = [];
  const fields: Field[] = [];
  const add = (text: string, c: number, field: Field, weight: number): void => {
    texts.push(text);
    labels.push(c);
    fields.push(field);
    textWeights.push(weight);
  };
  entries.forEach((entry, c) => {
    for (const q of entry.questions) add(q, c, 'question', 1);
    if (weights.answer > 0) add(entry.answer, c, 'answer', weights.answer);
    if (weights.tags > 0 && entry.tags?.length) add(entry.tags.join(', '), c, 'tags', weights.tags);
  });
  const withBackground = background && entries.length >= 1;
  if (withBackground) for (const q of BACKGROUND_QUESTIONS) add(q, entries.length, 'question', 1);
  return {
    texts,
    labels: Int32Array.from(labels),
    weights: Float32Array.from(textWeights),
    fields,
    classCount: entries.length + (withBackground ? 1 : 0),
  };
}
