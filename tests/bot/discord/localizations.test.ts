/**
 * Issue 11: a member whose Discord is in Japanese sees every command, option, choice and context menu in Japanese.
 * Checked over the definitions the bot registers, so a lane's new command cannot forget it.
 */
import { ApplicationCommandType, type RESTPostAPIApplicationCommandsJSONBody } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { commandDefinitions } from '../../../src/bot/discord/surfaces.ts';

interface Localized {
  readonly name: string;
  readonly name_localizations?: Partial<Record<string, string | null>> | null;
  readonly description?: string;
  readonly description_localizations?: Partial<Record<string, string | null>> | null;
  readonly options?: readonly Localized[];
  readonly choices?: readonly Localized[];
}

/** Every place of `item` that lacks Japanese, as `path: what`. */
function missing(item: Localized, path: string, hasDescription: boolean): string[] {
  const here = `${path}${item.name}`;
  const gaps: string[] = [];
  if (!item.name_localizations?.ja) gaps.push(`${here}: name`);
  if (hasDescription && !item.description_localizations?.ja) gaps.push(`${here}: description`);
  for (const option of item.options ?? []) gaps.push(...missing(option, `${here} `, true));
  for (const choice of item.choices ?? []) gaps.push(...missing(choice, `${here} = `, false));
  return gaps;
}

describe('Japanese command localizations', () => {
  const definitions = commandDefinitions() as (RESTPostAPIApplicationCommandsJSONBody & Localized)[];

  it('GIVEN every registered command and context menu THEN each name, description, option and choice has a ja version', () => {
    expect(definitions.length).toBeGreaterThan(5);
    const gaps = definitions.flatMap((command) =>
      missing(command, '/', (command.type ?? ApplicationCommandType.ChatInput) === ApplicationCommandType.ChatInput),
    );
    expect(gaps).toEqual([]);
  });

  it('GIVEN the Japanese names THEN they are valid Discord command names (lowercase where cased, 1-32 characters, unique)', () => {
    const slash = definitions.filter((command) => (command.type ?? ApplicationCommandType.ChatInput) === ApplicationCommandType.ChatInput);
    const names = slash.map((command) => command.name_localizations?.ja ?? '');
    for (const name of names) expect(name).toMatch(/^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u);
    for (const name of names) expect(name).toBe(name.toLowerCase());
    expect(new Set(names).size).toBe(names.length);
  });
});
