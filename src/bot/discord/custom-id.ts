/**
 * Custom ids of the bot's buttons, select menus and modals: `<namespace>:<arg>:<arg>…`, made and read here only.
 * The namespace picks the handler (a lane's `discord.components`); each handler checks its arguments with a
 * schema. Discord allows 100 characters.
 */
import { z } from 'zod';

export const CUSTOM_ID_MAX = 100;

const partSchema = z.string().regex(/^[^:]*$/u, 'no ":" inside a custom id part');

export const customIdSchema = z
  .string()
  .max(CUSTOM_ID_MAX)
  .transform((id) => {
    const [namespace = '', ...args] = id.split(':');
    return { namespace, args };
  });

/** A custom id, or undefined when it would not fit Discord's limit (the caller leaves the component out). */
export function customId(namespace: string, ...args: readonly string[]): string | undefined {
  const parts = [namespace, ...args].map((part) => partSchema.parse(part));
  const id = parts.join(':');
  return id.length <= CUSTOM_ID_MAX ? id : undefined;
}

export function parseCustomId(id: string): { namespace: string; args: string[] } | undefined {
  const parsed = customIdSchema.safeParse(id);
  return parsed.success ? parsed.data : undefined;
}
