/** Loads and validates an FAQ file (YAML or JSON list of entries). */
import { readFile } from 'node:fs/promises';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { UserError } from '../../core/errors.ts';
import { formatZodIssues } from '../../queue/validation.ts';
import { faqEntrySchema, type FaqEntry } from './entry.ts';

export const faqFileSchema = z.array(faqEntrySchema).superRefine((entries, ctx) => {
  const seen = new Set<string>();
  for (const [index, entry] of entries.entries()) {
    if (seen.has(entry.id)) ctx.addIssue({ code: 'custom', path: [index, 'id'], message: `duplicate id "${entry.id}"` });
    seen.add(entry.id);
  }
});

/** Parses FAQ text; `name` tells YAML from JSON by extension (YAML also reads JSON). */
export function parseFaq(text: string, name: string): FaqEntry[] {
  let value: unknown;
  try {
    value = name.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    throw new UserError('bad_request', `${name} is not valid ${name.endsWith('.json') ? 'JSON' : 'YAML'}: ${(error as Error).message.split('\n')[0]}`);
  }
  const parsed = faqFileSchema.safeParse(value ?? []);
  if (!parsed.success) throw new UserError('bad_request', `${name}: ${formatZodIssues(parsed.error.issues)}`);
  return parsed.data;
}

export async function loadFaqFile(file: string): Promise<FaqEntry[]> {
  return parseFaq(await readFile(file, 'utf8'), file);
}
