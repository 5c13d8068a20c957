/**
 * Text utilities shared by the lanes and the bot: language detection (`detect.ts`), whether a message has
 * anything to translate (`nothing.ts`) and sentence splitting (`sentences.ts`). No models, no Redis, no Discord.
 */
export { baseCode, DEFAULT_CONFIDENCE_FLOOR, DETECTABLE_LANGUAGES, detectLanguage, type DetectOptions, type Detection } from './detect.ts';
export { loadDetectors } from './detectors.ts';
export { nothingToTranslate, type NothingOptions, type NothingReason } from './nothing.ts';
export { lettersOf, proseOf } from './scripts.ts';
export { packPieces, splitAtSentences, splitSentences, splitWords } from './sentences.ts';
