/**
 * FAQ changes made from Discord, validated with the same schema as files, so an admin reads the same messages
 * ("the answer is empty", "too long for Discord") whichever way the entry came in.
 */
import { UserError } from '../../../core/errors.ts';
import type { LocalText } from '../../../i18n/text.ts';
import { faqEntrySchema, type FaqEntry } from '../entry.ts';
import { faqMessages as m } from '../messages.ts';
import type { FaqAdmin } from './services.ts';

/** `a | b` or one per line: how several paraphrases fit in one command option. */
export const splitQuestions = (text: string): string[] => text.split(/\s*[|\n]\s*/u).filter(Boolean);
/** Comma-separated triggers; `-` clears them. */
export const splitTriggers = (text: string): string[] => (text.trim() === '-' ? [] : text.split(/\s*,\s*/u).filter(Boolean));

export function validEntry(raw: unknown): FaqEntry {
  const parsed = faqEntrySchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => `${issue.path.length ? `${issue.path.join('.')}: ` : ''}${issue.message}`);
  throw new UserError('bad_request', m.invalidEntry(problems.join('; ')));
}

/** An id made from the question (ASCII words) or, for other scripts, a short unique one. */
export function idFor(question: string, taken: ReadonlySet<string>): string {
  const slug = question
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/gu, '-')
    .replace(/^-+|-+$/gu, '')
    .slice(0, 40)
    .replace(/-+$/u, '');
  const base = slug || `faq-${Date.now().toString(36)}`;
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}

export async function addEntry(
  faq: FaqAdmin,
  guildId: string,
  fields: { question: string; answer: string; id?: string | null; triggers?: string | null },
): Promise<FaqEntry> {
  const current = await faq.store.snapshot(guildId);
  const questions = splitQuestions(fields.question);
  const entry = validEntry({
    id: fields.id?.trim() || idFor(questions[0] ?? '', new Set(current.sources.keys())),
    questions,
    answer: fields.answer,
    ...(fields.triggers ? { triggers: splitTriggers(fields.triggers) } : {}),
  });
  await faq.store.add(guildId, entry);
  return entry;
}

export async function editEntry(
  faq: FaqAdmin,
  guildId: string,
  id: string,
  change: { question?: string | null; answer?: string | null; triggers?: string | null },
): Promise<FaqEntry> {
  const entry = await faq.store.get(guildId, id);
  if (!entry) throw new UserError('bad_request', m.noEntry(id));
  if (!change.question && change.answer == null && change.triggers == null) throw new UserError('bad_request', m.nothingToChange);
  const added = change.question ? splitQuestions(change.question).filter((q) => !entry.questions.includes(q)) : [];
  const triggers = change.triggers == null ? entry.triggers : splitTriggers(change.triggers);
  const { triggers: _old, ...rest } = entry;
  const edited = validEntry({
    ...rest,
    questions: [...entry.questions, ...added],
    answer: change.answer ?? entry.answer,
    ...(triggers?.length ? { triggers } : {}),
  });
  await faq.store.put(guildId, edited);
  return edited;
}

/** One step from a missed question to the FAQ: a paraphrase of `entryId`, or a new entry answering it. */
export async function learnMiss(
  faq: FaqAdmin,
  guildId: string,
  key: string,
  target: { entryId?: string | null; answer?: string | null; id?: string | null },
): Promise<LocalText> {
  const group = (await faq.misses.groups(guildId)).find((g) => g.key === key.trim());
  if (!group) throw new UserError('bad_request', m.noMiss(key));
  let done: LocalText;
  if (target.entryId) {
    const entry = await editEntry(faq, guildId, target.entryId, { question: group.question });
    done = m.learnedParaphrase(group.question, entry.id, entry.questions.length);
  } else if (target.answer) {
    const entry = await addEntry(faq, guildId, { question: group.question, answer: target.answer, id: target.id ?? null });
    done = m.learnedEntry(entry.id, group.question);
  } else {
    throw new UserError('bad_request', m.learnWhere);
  }
  await faq.misses.take(guildId, group.key);
  return done;
}
