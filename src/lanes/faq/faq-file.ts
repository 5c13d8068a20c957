/** Loads and validates the shared FAQ file (`faq.file`: YAML, JSON or CSV), the entries every guild starts with. */
import { readFile } from 'node:fs/promises';
import type { FaqEntry } from './entry.ts';
import { formatFromName, parseFaqDocument } from './formats.ts';

/** Parses an FAQ file's bytes (or text); `name` tells the format by its extension, the bytes their encoding. */
export function parseFaq(input: string | Uint8Array, name: string): FaqEntry[] {
  return parseFaqDocument(input, formatFromName(name), name);
}

export async function loadFaqFile(file: string): Promise<FaqEntry[]> {
  return parseFaq(await readFile(file), file);
}
