/**
 * Registering kotodama's slash commands and context-menu entries with Discord: globally (they can take up to an
 * hour to appear everywhere) or in one server (at once). `npm start` does it when what is registered differs from
 * what this version defines; `npm run commands:register` does it on demand.
 */
import { REST, Routes, type RESTPostAPIApplicationCommandsJSONBody } from 'discord.js';
import { commandDefinitions } from './surfaces.ts';

export interface Registration {
  /** `changed` when Discord's list was replaced, `unchanged` when it already matched. */
  readonly outcome: 'changed' | 'unchanged';
  readonly count: number;
  readonly where: string;
}

/** The fields Discord echoes back that matter for "is it the same command?". */
function signature(command: RESTPostAPIApplicationCommandsJSONBody | Record<string, unknown>): string {
  const picked = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(picked);
    if (value && typeof value === 'object') {
      const entries = Object.entries(value)
        .filter(
          ([key, v]) =>
            v !== undefined &&
            v !== null &&
            // Discord echoes context-menu commands with `description: ""`.
            v !== '' &&
            !['id', 'application_id', 'version', 'guild_id', 'dm_permission', 'nsfw', 'integration_types', 'handler'].includes(key),
        )
        .filter(([, v]) => !(Array.isArray(v) && v.length === 0))
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([key, v]) => [key, picked(v)] as const);
      return Object.fromEntries(entries);
    }
    return value;
  };
  return JSON.stringify(picked({ type: 1, ...command }));
}

export async function registerCommands(options: {
  apiUrl: string;
  token: string;
  guildId?: string | undefined;
  onlyWhenChanged: boolean;
}): Promise<Registration> {
  const rest = new REST({ api: options.apiUrl }).setToken(options.token);
  const application = (await rest.get(Routes.currentApplication())) as { id: string };
  const route = options.guildId
    ? Routes.applicationGuildCommands(application.id, options.guildId)
    : Routes.applicationCommands(application.id);
  const where = options.guildId ? `in server ${options.guildId}` : 'globally';
  const body = commandDefinitions();
  if (options.onlyWhenChanged) {
    const current = (await rest.get(route)) as Record<string, unknown>[];
    const wanted = new Set(body.map(signature));
    if (current.length === body.length && current.every((command) => wanted.has(signature(command))))
      return { outcome: 'unchanged', count: body.length, where };
  }
  const registered = (await rest.put(route, { body })) as unknown[];
  return { outcome: 'changed', count: registered.length, where };
}
