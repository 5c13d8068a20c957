/**
 * Translates one Discord message: markup parsed into units with placeholders (`markup/document.ts`), each unit cut
 * into sentence chunks within the model's budget (`chunks.ts`), all chunks of the message translated in ONE batched
 * model call, outputs that hit the length limit split and translated again, and every chunk whose placeholders did
 * not come back exactly once translated again fragment by fragment (never losing a span). Line breaks, prefixes and
 * code blocks are copied from the original.
 */
import { chunkTemplate, halve, type Chunk } from './chunks.ts';
import { parseMessage, type ExtraSpan, type Part, type Unit } from './markup/document.ts';
import { fillSlots, normalisePlaceholders, placeholdersIntact, splitAtPlaceholders } from './markup/placeholders.ts';
import type { LanguagePair, TranslationProvider } from './provider.ts';

export interface TranslateMessageOptions {
  readonly provider: TranslationProvider;
  readonly pair: LanguagePair;
  /** Most model tokens per chunk (capped by the provider's input limit). */
  readonly chunkTokens: number;
  /** Glossary terms and other caller-protected spans. */
  readonly extraSpans?: readonly ExtraSpan[];
  readonly signal?: AbortSignal;
  /** Called after each model call with the number of calls so far. */
  readonly onCall?: (calls: number) => void;
}

export interface MessageTranslation {
  readonly text: string;
  /** Chunks sent in the first (batched) call. */
  readonly chunks: number;
  /** Model calls made: 1 for most messages, more when outputs were cut off or placeholders lost. */
  readonly calls: number;
  /** Chunks translated fragment by fragment because the model lost, doubled or invented a placeholder. */
  readonly fallbacks: number;
  /** Chunks split again because their translation hit the length limit. */
  readonly splits: number;
  /** Protected spans missing from the result: 0 unless something is badly wrong (the eval reports it). */
  readonly lostSpans: number;
}

/** Languages written without spaces between sentences. */
const NO_SPACE_BETWEEN_SENTENCES = new Set(['ja', 'zh', 'zh-tw', 'th']);

const hasLetters = (text: string) => /\p{L}/u.test(text.replace(/[{｛]\s*\d+\s*[}｝]/gu, ''));

/** Translates one message; see the file comment for the steps. */
export async function translateMessage(text: string, options: TranslateMessageOptions): Promise<MessageTranslation> {
  const parts = parseMessage(text, options.extraSpans);
  const plan = planChunks(parts, options);
  const inputs = plan.flatMap((entry) => entry.chunks.map((chunk) => chunk.text));
  const run = new Run(options);
  const outputs = await run.translate(inputs);
  const fallbacks = await run.repairPlaceholders(inputs, outputs);
  const translations = assemble(plan, outputs, options.pair.to.code);
  const render = (unit: Unit): string => fillSlots(translations.get(unit) ?? unit.template, unit.slots, render);
  const result = parts.map((part) => (part.kind === 'keep' ? part.text : render(part.unit))).join('');
  return { text: result, chunks: inputs.length, calls: run.calls, fallbacks, splits: run.splits, lostSpans: lostSpans(parts, result) };
}

interface PlannedUnit {
  readonly unit: Unit;
  readonly chunks: readonly Chunk[];
}

/** Every unit with words in it (formatted stretches included), cut into chunks within the model's budget. */
function planChunks(parts: readonly Part[], options: TranslateMessageOptions): PlannedUnit[] {
  const maxTokens = Math.max(8, Math.min(options.chunkTokens, options.provider.maxInputTokens - 4));
  const count = (piece: string) => options.provider.countTokens(piece);
  return parts
    .flatMap((part) => (part.kind === 'unit' ? unitsOf(part.unit) : []))
    .filter((unit) => hasLetters(unit.template))
    .map((unit) => ({ unit, chunks: chunkTemplate(unit.template, maxTokens, count, options.pair.from.code) }));
}

/** Each unit's translation: its chunks' outputs in order, with the original spacing (none between CJK sentences). */
function assemble(plan: readonly PlannedUnit[], outputs: readonly string[], to: string): Map<Unit, string> {
  const translations = new Map<Unit, string>();
  const tight = NO_SPACE_BETWEEN_SENTENCES.has(to);
  let next = 0;
  for (const { unit, chunks } of plan) {
    const pieces = chunks.map((chunk) => {
      const output = normalisePlaceholders(outputs[next++] ?? chunk.text).trim();
      return output + (tight && !chunk.trailing.includes('\n') ? '' : chunk.trailing);
    });
    translations.set(unit, keepEdges(unit.template, pieces.join('').trim()));
  }
  return translations;
}

/** A unit and, recursively, the units inside its formatted stretches. */
function unitsOf(unit: Unit): Unit[] {
  return [unit, ...unit.slots.flatMap((slot) => (slot.kind === 'format' ? unitsOf(slot.inner) : []))];
}

/** One message's model calls, with the cut-off and fallback rules. */
class Run {
  calls = 0;
  splits = 0;
  constructor(private readonly options: TranslateMessageOptions) {}

  /** Translates all texts in one call; outputs cut off at the length limit are split and translated again. */
  async translate(texts: readonly string[], depth = 0): Promise<string[]> {
    if (texts.length === 0) return [];
    const outputs = await this.options.provider.translateBatch(texts, this.options.pair, this.options.signal);
    this.calls += 1;
    this.options.onCall?.(this.calls);
    const count = (piece: string) => this.options.provider.countTokens(piece);
    const retry: { index: number; halves: string[] }[] = [];
    for (const [index, output] of outputs.entries()) {
      if (!output.truncated || depth >= 6) continue;
      const halves = halve(texts[index] ?? '', count, this.options.pair.from.code);
      if (halves.length > 1) retry.push({ index, halves });
    }
    const result = outputs.map((output) => output.text);
    if (retry.length === 0) return result;
    this.splits += retry.length;
    const again = await this.translate(
      retry.flatMap((entry) => entry.halves),
      depth + 1,
    );
    let next = 0;
    const sep = NO_SPACE_BETWEEN_SENTENCES.has(this.options.pair.to.code) ? '' : ' ';
    for (const entry of retry) result[entry.index] = entry.halves.map(() => (again[next++] ?? '').trim()).join(sep);
    return result;
  }

  /**
   * Chunks whose output lost, doubled or invented a placeholder are translated again fragment by fragment; their
   * outputs are replaced in place. Returns how many fell back.
   */
  async repairPlaceholders(inputs: readonly string[], outputs: string[]): Promise<number> {
    const failed = inputs.flatMap((input, i) => (placeholdersIntact(input, outputs[i] ?? '') ? [] : [i]));
    const repaired = await this.fragmentWise(failed.map((i) => inputs[i] ?? ''));
    for (const [k, i] of failed.entries()) outputs[i] = repaired[k] ?? inputs[i] ?? '';
    return failed.length;
  }

  /** Each chunk's prose between placeholders translated on its own (one call for all), placeholders in place. */
  async fragmentWise(chunks: readonly string[]): Promise<string[]> {
    const split = chunks.map(splitAtPlaceholders);
    const prose = split.flat().filter((piece) => hasLetters(piece) && !/^[{｛]\s*\d+\s*[}｝]$/u.test(piece));
    const trimmed = prose.map((piece) => piece.trim());
    const translated = await this.translate(trimmed);
    const byPiece = new Map<string, string>();
    // A placeholder the model invented in a fragment would duplicate a span: drop it.
    for (const [i, piece] of prose.entries())
      byPiece.set(piece, keepEdges(piece, (translated[i] ?? piece).replace(/[{｛]\s*\d+\s*[}｝]/gu, '').trim()));
    return split.map((pieces) => pieces.map((piece) => byPiece.get(piece) ?? piece).join(''));
  }
}

/** A fragment's leading and trailing spaces stay around its translation, so it joins its neighbours as before. */
function keepEdges(original: string, translated: string): string {
  const lead = /^\s*/u.exec(original)?.[0] ?? '';
  const trail = /\s*$/u.exec(original)?.[0] ?? '';
  return lead + translated + trail;
}

/** How many protected spans of the original are missing from the result (counted with multiplicity). */
function lostSpans(parts: readonly Part[], result: string): number {
  const want = new Map<string, number>();
  const visit = (unit: Unit) => {
    for (const slot of unit.slots) {
      if (slot.kind === 'keep') want.set(slot.text, (want.get(slot.text) ?? 0) + 1);
      else visit(slot.inner);
    }
  };
  for (const part of parts) if (part.kind === 'unit') visit(part.unit);
  let lost = 0;
  for (const [span, n] of want) lost += Math.max(0, n - result.split(span).length + 1);
  return lost;
}
