/** A faithful-enough Discord (REST + gateway + attachment CDN on one port) for end-to-end tests of discord.js bots. */
export { FakeDiscord } from './fake-discord.ts';
export type { AddAttachmentOptions, FakeDiscordOptions, ReactInput, SendMessageInput } from './fake-discord.ts';
export type { CommandInput, CommandOptionInput, ComponentInput, MessageCommandInput, ModalInput } from './interactions.ts';
export type { GuildFixture } from './fixtures.ts';
export { Intent, Op } from './gateway.ts';
export type { GatewayLogEntry, IdentifyRecord, Session } from './gateway.ts';
export { MessageFlag } from './messages.ts';
export type { InjectedFailure } from './server.ts';
export type { InteractionCallbackRecord, InteractionRecord, RecordedFile, RequestLogEntry } from './state.ts';
export { snowflake } from './snowflake.ts';
