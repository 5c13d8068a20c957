/** Loads and validates the shared FAQ file (`faq.file`: YAML, JSON or CSV), the entries every guild starts with. */
import { readFile } from 'node:fs/promises';
import type { FaqEntry } from './entry.ts';
import { formatFromName, parseFaqDocument } from './formats.ts';

/** Parses FAQ text; `name` tells the format by its extension. */
export function parseFaq(text: string, name: string): FaqEntry[] {
  return parseFaqDocument(text, formatFromName(name), name);
}

export async function loadFaqFile(file: string): Promise<FaqEntry[]> {
  return parseFaq(await readFile(file, 'utf8'), file);
}
