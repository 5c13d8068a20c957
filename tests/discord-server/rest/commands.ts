/** Application commands: global and guild, bulk overwrite (PUT), list, create, delete. */
import type { APIApplicationCommand, ApplicationCommandType } from 'discord.js';
import { z } from 'zod';
import { parseBody } from '../messages.ts';
import { snowflake } from '../snowflake.ts';
import type { CommandScope } from '../state.ts';
import { Errors } from './errors.ts';
import { noContent, ok, param, type RestContext, type Route } from './types.ts';

const NAME = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

const optionSchema: z.ZodType<Record<string, unknown>> = z.lazy(() =>
  z.looseObject({
    type: z.number().int().min(1).max(11),
    name: z.string().regex(NAME, 'Command name is invalid'),
    description: z.string().min(1).max(100),
    options: z.array(optionSchema).max(25).optional(),
  }),
);

const commandSchema = z.looseObject({
  type: z.number().int().min(1).max(4).optional(),
  name: z.string().min(1).max(32),
  description: z.string().max(100).optional(),
  options: z.array(optionSchema).max(25).optional(),
});

type CommandBody = z.infer<typeof commandSchema>;

function scopeOf(ctx: RestContext): CommandScope {
  if (param(ctx, 'applicationId') !== ctx.state.fixtures.application.id) throw Errors.unknownApplication();
  const guildId = ctx.params.guildId;
  if (guildId === undefined) return 'global';
  ctx.state.guild(guildId);
  return { guildId };
}

function validate(body: CommandBody, index: number[]): void {
  const type = body.type ?? 1;
  if (type === 1) {
    if (!NAME.test(body.name) || body.name !== body.name.toLowerCase()) {
      throw Errors.invalidFormBody([...index, 'name'], 'APPLICATION_COMMAND_INVALID_NAME', 'Command name is invalid');
    }
    if (!body.description) throw Errors.invalidFormBody([...index, 'description'], 'BASE_TYPE_REQUIRED', 'This field is required');
  } else if (body.description) {
    throw Errors.invalidFormBody(
      [...index, 'description'],
      'APPLICATION_COMMAND_CONTEXT_MENU_DESCRIPTION',
      'Context menu commands cannot have description',
    );
  }
}

function toCommand(
  ctx: RestContext,
  scope: CommandScope,
  body: CommandBody,
  existing: APIApplicationCommand | undefined,
): APIApplicationCommand {
  const { type: _type, name: _name, description: _description, ...rest } = body;
  // The client's own fields (options, contexts, integration_types...) pass through as Discord echoes them.
  const command: Record<string, unknown> = {
    ...rest,
    id: existing?.id ?? snowflake(),
    application_id: ctx.state.fixtures.application.id,
    version: snowflake(),
    default_member_permissions: (rest.default_member_permissions as string | null | undefined) ?? null,
    type: (body.type ?? 1) as ApplicationCommandType,
    name: body.name,
    description: body.description ?? '',
    nsfw: false,
    ...(scope === 'global' ? {} : { guild_id: scope.guildId }),
  };
  return command as unknown as APIApplicationCommand;
}

function bulkOverwrite(ctx: RestContext) {
  const scope = scopeOf(ctx);
  const bodies = parseBody(z.array(commandSchema).max(200), ctx.body);
  bodies.forEach((body, i) => validate(body, [i]));
  const list = ctx.state.commands(scope);
  const next = bodies.map((body) =>
    toCommand(
      ctx,
      scope,
      body,
      list.find((c) => c.name === body.name && c.type === (body.type ?? 1)),
    ),
  );
  list.splice(0, list.length, ...next);
  ctx.state.changed();
  return ok(next);
}

function create(ctx: RestContext) {
  const scope = scopeOf(ctx);
  const body = parseBody(commandSchema, ctx.body);
  validate(body, []);
  const list = ctx.state.commands(scope);
  const index = list.findIndex((c) => c.name === body.name && c.type === (body.type ?? 1));
  const command = toCommand(ctx, scope, body, list[index]);
  if (index >= 0) list[index] = command;
  else list.push(command);
  ctx.state.changed();
  return { status: index >= 0 ? 200 : 201, body: command };
}

function remove(ctx: RestContext) {
  const list = ctx.state.commands(scopeOf(ctx));
  const index = list.findIndex((c) => c.id === param(ctx, 'commandId'));
  if (index < 0) throw Errors.unknownCommand();
  list.splice(index, 1);
  ctx.state.changed();
  return noContent();
}

function get(ctx: RestContext) {
  const command = ctx.state.commands(scopeOf(ctx)).find((c) => c.id === param(ctx, 'commandId'));
  if (!command) throw Errors.unknownCommand();
  return ok(command);
}

export const commandRoutes: Route[] = ['/applications/:applicationId', '/applications/:applicationId/guilds/:guildId'].flatMap(
  (base): Route[] => [
    { method: 'GET', path: `${base}/commands`, auth: true, handler: (ctx) => ok(ctx.state.commands(scopeOf(ctx))) },
    { method: 'PUT', path: `${base}/commands`, auth: true, handler: bulkOverwrite },
    { method: 'POST', path: `${base}/commands`, auth: true, handler: create },
    { method: 'GET', path: `${base}/commands/:commandId`, auth: true, handler: get },
    { method: 'DELETE', path: `${base}/commands/:commandId`, auth: true, handler: remove },
  ],
);
