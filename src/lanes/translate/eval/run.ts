/**
 * Translation quality and speed on a parallel test set, through the lane's own engine (markup, chunking, batching,
 * placeholder fallback), so the figures describe what members get: corpus chrF2 and BLEU, characters per second,
 * how often the placeholder fallback ran and how many protected spans were lost (must be 0).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { OperatorError } from '../../../core/errors.ts';
import { translateMessage } from '../engine.ts';
import type { LanguagePair, TranslationProvider } from '../provider.ts';
import { corpusBleu, type BleuTokenizer } from './bleu.ts';
import { corpusChrf } from './chrf.ts';

export interface SegmentPair {
  readonly source: string;
  readonly reference: string;
}

/**
 * Reads pairs from a TSV file (`source<TAB>reference` per line) or a folder of line-aligned files named by ISO
 * 639-3 codes, as LASER's Tatoeba test sets are (`tatoeba.jpn-eng.jpn` + `tatoeba.jpn-eng.eng`).
 */
export function readPairs(location: string, pair: LanguagePair): SegmentPair[] {
  if (!existsSync(location)) throw new OperatorError(`${location}: no such file or folder`);
  if (statSync(location).isDirectory()) {
    const [src, ref] = [pair.from.nllb.slice(0, 3), pair.to.nllb.slice(0, 3)];
    const files = readdirSync(location);
    const find = (code: string) =>
      files.find((file) => file.endsWith(`.${code}`) && (file.includes(`${src}-${ref}`) || file.includes(`${ref}-${src}`)));
    const [sourceFile, referenceFile] = [find(src), find(ref)];
    if (!sourceFile || !referenceFile)
      throw new OperatorError(`${location}: no *.${src} and *.${ref} files for ${pair.from.code}→${pair.to.code}`);
    const sources = readLines(path.join(location, sourceFile));
    const references = readLines(path.join(location, referenceFile));
    if (sources.length !== references.length) throw new OperatorError(`${location}: ${sourceFile} and ${referenceFile} differ in length`);
    return sources.map((source, i) => ({ source, reference: references[i] ?? '' }));
  }
  return readLines(location).map((line, i) => {
    const [source, reference, extra] = line.split('\t');
    if (!source || reference === undefined || extra !== undefined)
      throw new OperatorError(`${location}: line ${i + 1} is not source<TAB>reference`);
    return { source, reference };
  });
}

function readLines(file: string): string[] {
  return readFileSync(file, 'utf8')
    .replace(/^\uFEFF/u, '')
    .split(/\r?\n/u)
    .filter((line) => line.trim() !== '');
}

/** A mention before and inline code after each sentence, the same on both sides, to measure span handling. */
export function withMarkup(pairs: readonly SegmentPair[]): SegmentPair[] {
  const wrap = (text: string) => `<@123456789012345678> ${text} \`ok\``;
  return pairs.map((pair) => ({ source: wrap(pair.source), reference: wrap(pair.reference) }));
}

export interface EvaluateOptions {
  readonly pairs: readonly SegmentPair[];
  readonly provider: TranslationProvider;
  readonly pair: LanguagePair;
  readonly chunkTokens: number;
}

const CHARACTER_TOKENS = new Set(['ja', 'zh', 'zh-tw', 'th', 'ko']);

export async function evaluateTranslation(options: EvaluateOptions) {
  const hypotheses: string[] = [];
  let fallbacks = 0;
  let lostSpans = 0;
  let calls = 0;
  let sourceChars = 0;
  const started = performance.now();
  for (const { source } of options.pairs) {
    const result = await translateMessage(source, { provider: options.provider, pair: options.pair, chunkTokens: options.chunkTokens });
    hypotheses.push(result.text);
    fallbacks += result.fallbacks;
    lostSpans += result.lostSpans;
    calls += result.calls;
    sourceChars += [...source].length;
  }
  const seconds = (performance.now() - started) / 1000;
  const references = options.pairs.map((pair) => pair.reference);
  const tokenizer: BleuTokenizer = CHARACTER_TOKENS.has(options.pair.to.code) ? 'char' : '13a';
  return {
    segments: options.pairs.length,
    chrf2: round(corpusChrf(hypotheses, references)),
    bleu: round(corpusBleu(hypotheses, [references], tokenizer).score),
    bleu_tokenizer: tokenizer,
    chars_per_sec: round(sourceChars / Math.max(seconds, 1e-9), 1),
    seconds: round(seconds, 2),
    model_calls: calls,
    fallbacks,
    fallback_rate: round(fallbacks / Math.max(1, options.pairs.length), 4),
    lost_spans: lostSpans,
    hypotheses,
  };
}

const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;
