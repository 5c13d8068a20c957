/**
 * Everything members can use in Discord, collected once from the bot's own commands and the lanes' modules: slash
 * commands, context-menu entries, component handlers (by custom-id namespace), message and reaction routes.
 * Registration (`npm run commands:register`, and `npm start` when they changed) and dispatch both read from here.
 */
import type { RESTPostAPIApplicationCommandsJSONBody } from 'discord.js';
import { allLanes } from '../../lanes/index.ts';
import type { AnyLane } from '../../lanes/lane.ts';
import type { ComponentHandler, ContextMenuCommand, MessageRoute, ReactionRoute, SlashCommand } from '../../lanes/discord.ts';
import { CORE_COMMANDS, CORE_COMPONENTS } from './commands/index.ts';

export function slashCommands(): SlashCommand[] {
  return [...allLanes().flatMap((lane) => lane.discord?.commands ?? []), ...CORE_COMMANDS];
}

export function contextMenus(): ContextMenuCommand[] {
  return allLanes().flatMap((lane) => lane.discord?.contextMenus ?? []);
}

export function componentHandlers(): ComponentHandler[] {
  return [...allLanes().flatMap((lane) => lane.discord?.components ?? []), ...CORE_COMPONENTS];
}

/** The lanes' message routes, in the order they are tried. */
export function messageRoutes(): { lane: AnyLane; route: MessageRoute<unknown> }[] {
  return allLanes()
    .flatMap((lane) => (lane.discord?.message ? [{ lane, route: lane.discord.message }] : []))
    .sort((a, b) => a.route.order - b.route.order);
}

export function reactionRoutes(): { lane: AnyLane; route: ReactionRoute<unknown> }[] {
  return allLanes().flatMap((lane) => (lane.discord?.reaction ? [{ lane, route: lane.discord.reaction }] : []));
}

/** What is registered with Discord. */
export function commandDefinitions(): RESTPostAPIApplicationCommandsJSONBody[] {
  return [...slashCommands().map((command) => command.data), ...contextMenus().map((menu) => menu.data)];
}
