/**
 * A lane's Discord surface, as data the bot iterates over: slash commands and context-menu entries with their
 * handlers (`{ data, execute }`, the discord.js community convention), component handlers for the buttons and
 * modals the lane posts (one custom-id namespace per handler), the messages and reactions the lane takes on its
 * own, and how its results look in Discord (content, components, files, voice messages).
 */
import type {
  APIActionRowComponent,
  APIComponentInActionRow,
  AutocompleteInteraction,
  ChatInputCommandInteraction,
  MessageComponentInteraction,
  MessageContextMenuCommandInteraction,
  ModalSubmitInteraction,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
  RESTPostAPIContextMenuApplicationCommandsJSONBody,
} from 'discord.js';
import type { BotServices, IncomingMessage, IncomingReaction } from '../bot/discord/services.ts';
import type { LocalText } from '../i18n/text.ts';
import type { FollowUp } from './chain.ts';
import type { RenderContext } from './lane.ts';
import type { AnySetting, ResolvedSettings } from './server-settings.ts';

export interface SlashCommand {
  readonly data: RESTPostAPIChatInputApplicationCommandsJSONBody;
  execute(interaction: ChatInputCommandInteraction, services: BotServices): Promise<void>;
  autocomplete?(interaction: AutocompleteInteraction, services: BotServices): Promise<void>;
}

export interface ContextMenuCommand {
  readonly data: RESTPostAPIContextMenuApplicationCommandsJSONBody;
  execute(interaction: MessageContextMenuCommandInteraction, services: BotServices): Promise<void>;
}

/** Buttons, select menus and modals whose custom id starts with `<namespace>:` (see `src/bot/discord/custom-id.ts`). */
export interface ComponentHandler {
  readonly namespace: string;
  execute(interaction: MessageComponentInteraction | ModalSubmitInteraction, services: BotServices, args: readonly string[]): Promise<void>;
}

export type ActionRow = APIActionRowComponent<APIComponentInActionRow>;

/** A file posted with an answer. */
export interface ReplyFile {
  readonly name: string;
  readonly data: Buffer;
  readonly contentType: string;
}

/** A Discord voice message: one OGG/Opus file with its duration and waveform, no text. */
export interface VoiceMessage {
  readonly file: ReplyFile;
  readonly durationSecs: number;
  /** Base64, one byte per point, at most 256 points. */
  readonly waveform: string;
  /** Said with the ordinary audio attachment when voice messages cannot be sent here. */
  readonly fallbackText: string;
}

/** What to post for a result. */
export interface DiscordReply {
  readonly content: string;
  readonly components?: readonly ActionRow[];
  readonly files?: readonly ReplyFile[];
  /** Posted as a voice message after `content` (which may be empty). */
  readonly voice?: VoiceMessage;
}

export interface DiscordRenderContext extends RenderContext {
  /** The finished job (buttons refer to it). */
  readonly jobId: string;
}

/** A request a lane makes from a message or reaction: the first job, the steps after it and how to show it. */
export interface Plan<In> {
  readonly input: In;
  readonly then?: readonly FollowUp[];
  /** Don't post the first step's result when a next step follows. */
  readonly quiet?: boolean;
  /** Work nobody asked for (auto-translate, auto-transcribe): refusals such as rate limits stay silent. */
  readonly automatic: boolean;
  /** The job id's source: the message id by default; a reaction sets its own (one translation per language). */
  readonly sourceId?: string;
}

export interface MessageRoute<In> {
  /** Routes are tried in this order (lowest first); the first plan wins. */
  readonly order: number;
  plan(message: IncomingMessage, services: BotServices): Promise<Plan<In> | null>;
  /**
   * Answers the message at once, without a job (a lane whose answer is a few Redis calls, such as a booking
   * conversation); true when it did, and nothing else routes the message. Tried before `plan`, only where the lane
   * is on.
   */
  handle?(message: IncomingMessage, services: BotServices): Promise<boolean>;
}

export interface ReactionRoute<In> {
  /** Handles the reaction without a job (feedback); true when it was this lane's to handle. */
  handle?(reaction: IncomingReaction, services: BotServices): Promise<boolean>;
  /** The job a reaction asks for, or null. */
  plan?(reaction: IncomingReaction, services: BotServices): Promise<Plan<In> | null>;
}

/** Where and by whom a question was asked, for a step's options. */
export interface StepRequest {
  readonly userId: string;
  readonly guildId: string | null;
  readonly channelId: string;
  readonly isThread: boolean;
  /** The conversation so far (the reply chain), newest last; the member's new message is the last turn. */
  readonly turns: readonly { readonly role: 'user' | 'assistant'; readonly content: string }[];
}

export interface LaneDiscord<In, Out> {
  readonly commands?: readonly SlashCommand[];
  readonly contextMenus?: readonly ContextMenuCommand[];
  readonly components?: readonly ComponentHandler[];
  readonly message?: MessageRoute<In>;
  readonly reaction?: ReactionRoute<In>;
  /** How a result looks in Discord; the lane's `render` text alone when absent. */
  render?(result: Out, context: DiscordRenderContext): DiscordReply;
  /** The options this lane takes from the server's settings and the request when it runs as a step (a chat's persona, model, conversation). */
  stepOptions?(settings: ResolvedSettings, request: StepRequest): Record<string, unknown>;
  /** Runs after a result was posted (remember the member's spoken language…). Must be idempotent. */
  delivered?(result: Out, job: { readonly userId: string; readonly jobId: string }, services: BotServices): Promise<void>;
  /** Deletes what the lane stores about a member (`/forget-me`); returns how many records went. */
  forgetUser?(userId: string, services: BotServices): Promise<number>;
  /** A speech lane: whether answers to spoken questions are read back here too (a voice message in, one out). */
  speaksBack?(settings: ResolvedSettings): boolean;
  /** Per-server settings this lane reads (`/settings set`). */
  readonly settings?: readonly AnySetting[];
  /** What `/help` says about this lane's ways in beyond its commands (mentions, reactions). */
  readonly help?: LocalText;
}
