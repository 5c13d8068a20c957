/**
 * Does a transcript ask something? Decides whether a voice message goes on to the FAQ. Whisper writes
 * "?" / "？" for most questions; spoken Japanese questions often end in か/の/かな without one, and
 * English ones start with a question word or an inverted auxiliary.
 */
const EN_START =
  /^(how|what|why|where|when|who|whom|whose|which|can|could|do|does|did|is|are|was|were|will|would|should|shall|may|might|have|has)\b/iu;
const JA_END = /(か|の|かな|かしら|ですか|ますか|でしょうか|っけ)[。．.!！]?$/u;

export function looksLikeQuestion(text: string): boolean {
  const trimmed = text.trim();
  if (!trimmed) return false;
  const lastSentence =
    trimmed
      .split(/(?<=[.!?。！？])\s*/u)
      .filter(Boolean)
      .at(-1) ?? trimmed;
  return /[?？]/u.test(trimmed) || EN_START.test(lastSentence) || JA_END.test(lastSentence);
}
