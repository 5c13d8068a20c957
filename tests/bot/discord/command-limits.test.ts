/**
 * Discord refuses the whole command registration when one limit is broken, so a lane that adds a sixth context menu
 * or a 26th option would leave every server without commands. Checked over what the bot registers.
 * Limits: https://discord.com/developers/docs/interactions/application-commands (100 slash commands, 5 message and
 * 5 user context menus, 25 options or choices, 100-character descriptions, 32-character names).
 */
import { ApplicationCommandType, type RESTPostAPIApplicationCommandsJSONBody } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { commandDefinitions } from '../../../src/bot/discord/surfaces.ts';

interface Item {
  readonly name: string;
  readonly description?: string;
  readonly description_localizations?: Partial<Record<string, string | null>> | null;
  readonly options?: readonly Item[];
  readonly choices?: readonly Item[];
}

/** Every place in `item` that breaks a per-item limit, as `path: problem`. */
function problems(item: Item, path: string): string[] {
  const here = `${path}${item.name}`;
  const found: string[] = [];
  if (item.name.length > 32) found.push(`${here}: name over 32 characters`);
  if ((item.description?.length ?? 0) > 100) found.push(`${here}: description over 100 characters`);
  for (const [locale, text] of Object.entries(item.description_localizations ?? {}))
    if ((text?.length ?? 0) > 100) found.push(`${here}: ${locale} description over 100 characters`);
  if ((item.options?.length ?? 0) > 25) found.push(`${here}: more than 25 options`);
  if ((item.choices?.length ?? 0) > 25) found.push(`${here}: more than 25 choices`);
  for (const option of item.options ?? []) found.push(...problems(option, `${here} `));
  return found;
}

describe('Discord command limits', () => {
  const definitions = commandDefinitions() as (RESTPostAPIApplicationCommandsJSONBody & Item)[];
  const ofType = (type: ApplicationCommandType) => definitions.filter((d) => (d.type ?? ApplicationCommandType.ChatInput) === type);

  it('GIVEN every lane THEN at most 100 slash commands and 5 message and 5 user context menus are registered', () => {
    expect(ofType(ApplicationCommandType.ChatInput).length).toBeGreaterThan(5);
    expect(ofType(ApplicationCommandType.ChatInput).length).toBeLessThanOrEqual(100);
    expect(ofType(ApplicationCommandType.Message).length).toBeLessThanOrEqual(5);
    expect(ofType(ApplicationCommandType.User).length).toBeLessThanOrEqual(5);
  });

  it('GIVEN every command THEN names, descriptions, options and choices stay within their limits', () => {
    expect(definitions.flatMap((command) => problems(command, '/'))).toEqual([]);
  });

  it('GIVEN every command THEN names are unique per type', () => {
    const keys = definitions.map((d) => `${d.type ?? ApplicationCommandType.ChatInput}:${d.name}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
