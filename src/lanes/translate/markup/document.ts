/**
 * A Discord message as translation sees it: parts kept verbatim (code blocks, line breaks, line prefixes, outer
 * whitespace) and units to translate. A unit is one line's text with every protected span and every formatted
 * stretch replaced by a numbered placeholder `{n}`; a formatted stretch's own text is a unit of its own, so a
 * spoiler's words are translated inside the spoiler and can never move out of it.
 */
import { CODE_BLOCK, findClose, FORMAT_MARKERS, LINE_PREFIX, PROTECTED_SPAN } from './spans.ts';

/** What a placeholder stands for. */
export type Slot =
  | { readonly kind: 'keep'; readonly text: string }
  | { readonly kind: 'format'; readonly open: string; readonly close: string; readonly inner: Unit };

export interface Unit {
  /** The text with `{1}`, `{2}`, ... where the slots were. */
  readonly template: string;
  readonly slots: readonly Slot[];
}

export type Part = { readonly kind: 'keep'; readonly text: string } | { readonly kind: 'unit'; readonly unit: Unit };

/** A span the caller wants protected too (glossary terms): found before the built-in spans. */
export interface ExtraSpan {
  readonly pattern: RegExp;
  /** What the span becomes in the translation (the term itself, or its fixed translation). */
  readonly replace: (match: string) => string;
}

/** The placeholder for slot number `n` (1-based). */
export const placeholder = (n: number): string => `{${n}}`;

/** Splits a message into verbatim parts and units. */
export function parseMessage(text: string, extra: readonly ExtraSpan[] = []): Part[] {
  const parts: Part[] = [];
  const keep = (value: string) => {
    if (!value) return;
    const last = parts.at(-1);
    if (last?.kind === 'keep') parts[parts.length - 1] = { kind: 'keep', text: last.text + value };
    else parts.push({ kind: 'keep', text: value });
  };
  for (const block of text.split(CODE_BLOCK)) {
    if (block.startsWith('```')) {
      keep(block);
      continue;
    }
    for (const line of block.split(/(\n)/u)) {
      if (line === '\n') {
        keep(line);
        continue;
      }
      const prefix = LINE_PREFIX.exec(line)?.[1] ?? '';
      keep(prefix);
      const body = /^(\s*)([\s\S]*?)(\s*)$/u.exec(line.slice(prefix.length));
      keep(body?.[1] ?? '');
      if (body?.[2]) parts.push({ kind: 'unit', unit: parseUnit(body[2], extra) });
      keep(body?.[3] ?? '');
    }
  }
  return parts;
}

/** One line's text → template and slots. */
export function parseUnit(text: string, extra: readonly ExtraSpan[] = []): Unit {
  const slots: Slot[] = [];
  let template = '';
  let index = 0;
  const add = (slot: Slot) => {
    slots.push(slot);
    template += placeholder(slots.length);
  };
  while (index < text.length) {
    const kept = protectedAt(text, index, extra);
    if (kept) {
      add({ kind: 'keep', text: kept.replacement });
      index += kept.length;
      continue;
    }
    const format = formatAt(text, index, extra);
    if (format) {
      add(format.slot);
      index = format.end;
      continue;
    }
    template += text[index];
    index += 1;
  }
  return { template, slots };
}

function protectedAt(text: string, index: number, extra: readonly ExtraSpan[]): { length: number; replacement: string } | undefined {
  for (const span of extra) {
    span.pattern.lastIndex = index;
    const match = span.pattern.exec(text);
    if (match?.index === index && match[0]) return { length: match[0].length, replacement: span.replace(match[0]) };
  }
  PROTECTED_SPAN.lastIndex = index;
  const match = PROTECTED_SPAN.exec(text);
  return match?.[0] ? { length: match[0].length, replacement: match[0] } : undefined;
}

function formatAt(text: string, index: number, extra: readonly ExtraSpan[]): { slot: Slot; end: number } | undefined {
  for (const marker of FORMAT_MARKERS) {
    if (!text.startsWith(marker, index)) continue;
    const close = findClose(text, marker, index);
    if (close < 0) continue;
    const inner = text.slice(index + marker.length, close);
    return { slot: { kind: 'format', open: marker, close: marker, inner: parseUnit(inner, extra) }, end: close + marker.length };
  }
  return undefined;
}
