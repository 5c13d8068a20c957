/**
 * Placeholders in translated text. Models sometimes write `{1}` as `{ 1 }` or in full width (`｛1｝`, common in
 * Japanese output); both are accepted. A chunk whose output does not have every placeholder of its input exactly
 * once (lost, doubled or invented) is not used: the caller falls back to fragment-wise translation.
 */
import type { Slot, Unit } from './document.ts';
import { placeholder } from './document.ts';

const PLACEHOLDER = /[{｛]\s*(\d+)\s*[}｝]/gu;

/** The slot numbers in `text`, in order of appearance. */
export function placeholdersIn(text: string): number[] {
  return [...text.matchAll(PLACEHOLDER)].map((match) => Number(match[1]));
}

/** Whether `output` has exactly the placeholders of `input`, each once (order may change: languages reorder). */
export function placeholdersIntact(input: string, output: string): boolean {
  const want = placeholdersIn(input).sort((a, b) => a - b);
  const got = placeholdersIn(output).sort((a, b) => a - b);
  return want.length === got.length && want.every((n, i) => n === got[i]);
}

/** `{3}` written as the model wrote it → `{3}`, so later steps see one spelling. */
export function normalisePlaceholders(text: string): string {
  return text.replace(PLACEHOLDER, (_match, n: string) => placeholder(Number(n)));
}

/**
 * Splits a template at its placeholders: `["see ", "{1}", " now"]`. Text pieces are what fragment-wise translation
 * sends to the model; placeholders stay where they are.
 */
export function splitAtPlaceholders(template: string): string[] {
  return template.split(/([{｛]\s*\d+\s*[}｝])/u).filter((piece) => piece !== '');
}

/** Puts the slots back: kept spans verbatim, formatted stretches as marker + translated text + marker. */
export function fillSlots(translated: string, slots: readonly Slot[], inner: (unit: Unit) => string): string {
  return translated.replace(PLACEHOLDER, (match, n: string) => {
    const slot = slots[Number(n) - 1];
    if (!slot) return match;
    return slot.kind === 'keep' ? slot.text : slot.open + inner(slot.inner) + slot.close;
  });
}
