/** Gateway discovery, users, the application, guilds. */
import { applicationObject } from '../fixtures.ts';
import { guildObject } from '../payloads.ts';
import { Errors } from './errors.ts';
import { ok, param, type Route } from './types.ts';

export const miscRoutes: Route[] = [
  {
    method: 'GET',
    path: '/gateway/bot',
    auth: true,
    handler: (ctx) =>
      ok({
        url: ctx.settings.baseUrl().replace(/^http/, 'ws'),
        shards: 1,
        session_start_limit: { total: 1000, remaining: 999, reset_after: 0, max_concurrency: 1 },
      }),
  },
  { method: 'GET', path: '/gateway', auth: false, handler: (ctx) => ok({ url: ctx.settings.baseUrl().replace(/^http/, 'ws') }) },
  { method: 'GET', path: '/users/@me', auth: true, handler: (ctx) => ok(ctx.state.fixtures.botUser) },
  { method: 'GET', path: '/users/:userId', auth: true, handler: (ctx) => ok(ctx.state.user(param(ctx, 'userId'))) },
  {
    method: 'GET',
    path: '/applications/@me',
    auth: true,
    handler: (ctx) => {
      const { application, botUser, users } = ctx.state.fixtures;
      return ok(applicationObject(application, botUser, users.alice));
    },
  },
  { method: 'GET', path: '/guilds/:guildId', auth: true, handler: (ctx) => ok(guildObject(ctx.state.guild(param(ctx, 'guildId')))) },
  {
    method: 'GET',
    path: '/guilds/:guildId/channels',
    auth: true,
    handler: (ctx) => {
      const { category, general, second } = ctx.state.guild(param(ctx, 'guildId')).channels;
      return ok([category, general, second]);
    },
  },
  {
    method: 'GET',
    path: '/guilds/:guildId/roles',
    auth: true,
    handler: (ctx) => {
      const { roles } = ctx.state.guild(param(ctx, 'guildId'));
      return ok([roles.everyone, roles.bot]);
    },
  },
  {
    method: 'GET',
    path: '/guilds/:guildId/members/:userId',
    auth: true,
    handler: (ctx) => {
      const member = ctx.state.member(ctx.state.guild(param(ctx, 'guildId')), param(ctx, 'userId'));
      if (!member) throw Errors.unknownMember();
      return ok(member);
    },
  },
];
