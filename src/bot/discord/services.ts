/**
 * What the bot gives handlers: narrow services, not the bot object. Lane handlers (`src/lanes/<lane>/discord.ts`)
 * and the bot's own commands take `BotServices` and use what they need; tests can build one around a real Redis.
 */
import type {
  ButtonInteraction,
  ChatInputCommandInteraction,
  Message,
  MessageContextMenuCommandInteraction,
  ModalSubmitInteraction,
  RepliableInteraction,
  StringSelectMenuInteraction,
  User,
} from 'discord.js';
import type { Redis } from 'ioredis';
import type { z } from 'zod';
import type { Config } from '../../config/index.ts';
import type { Logger } from '../../core/logger.ts';
import type { Locale, LocalText } from '../../i18n/text.ts';
import type { FollowUp } from '../../lanes/chain.ts';
import type { ActionRow, StepRequest } from '../../lanes/discord.ts';
import type { AnyLane, LaneRole, LaneWithInput } from '../../lanes/lane.ts';
import type { ResolvedSettings } from '../../lanes/server-settings.ts';
import type { JobContext } from '../../queue/envelope.ts';
import type { LaneProducer } from '../../queue/producer.ts';
import type { BotStore } from './store.ts';

/** Interactions that can start a lane job. */
export type LaneInteraction =
  | ChatInputCommandInteraction
  | MessageContextMenuCommandInteraction
  | ButtonInteraction
  | StringSelectMenuInteraction
  | ModalSubmitInteraction;

export interface RunOptions {
  /** The message the request is about, for a channel reply once the interaction token has expired. */
  readonly messageId?: string;
  readonly then?: readonly FollowUp[];
  readonly quiet?: boolean;
  /** The job's source id (the interaction id by default). */
  readonly sourceId?: string;
}

/** How the member's question is answered: the bot's answer policy, as chain steps after a first job. */
export interface AnswerPlanOptions {
  /** Where and by whom it was asked, with the reply chain. */
  readonly request: StepRequest;
  /** The asked text came from speech: the answer may be spoken back. */
  readonly spoken?: boolean;
}

export interface BotServices {
  readonly config: Config;
  readonly logger: Logger;
  /** The bot's fail-fast Redis connection (lane stores built with `shared`). */
  readonly redis: Redis;
  readonly store: BotStore;
  readonly producer: LaneProducer;
  /** The bot's own user id. */
  botId(): string;
  /** Changes one setting at one scope (`reset` removes it); returns the stored value, or null when reset. */
  changeSetting(scope: string, guildId: string, key: string, text: string, userId: string): Promise<string | null>;
  /** Changes a member's own value of a setting for their DMs (`reset` removes it); refuses settings members may not set. */
  changeMemberSetting(userId: string, key: string, text: string): Promise<string | null>;
  /** Settings that apply to an interaction's channel (thread → channel → category → server; in a DM, the member's). */
  settingsFor(interaction: RepliableInteraction): Promise<ResolvedSettings>;
  /** The language the bot speaks to the member of an interaction (their Discord locale). */
  localeOf(interaction: RepliableInteraction): Locale;
  /** The job context of an interaction. */
  contextOf(interaction: RepliableInteraction): JobContext;
  /** The standard way in: the lane is on here, rate limit, acknowledge within 3 s, queue; the answer replaces the reply. */
  runInteraction<I extends z.ZodType>(
    interaction: LaneInteraction,
    lane: LaneWithInput<I>,
    input: z.input<I>,
    options?: RunOptions,
  ): Promise<void>;
  /** A reply only the member sees, in their language, pinging nobody. */
  replyPrivately(interaction: RepliableInteraction, text: LocalText, components?: readonly ActionRow[]): Promise<void>;
  /** The steps that answer a question after a first job, per the server's answer mode. */
  answerSteps(settings: ResolvedSettings, options: AnswerPlanOptions): FollowUp[];
  /** Per-member and per-server rate limits: throws a UserError (`rate_limited`, with the retry time) when over. */
  admit(context: JobContext): Promise<void>;
  /** Stops live progress for a job that will not answer (removed from the queue). */
  stopProgress(jobId: string): Promise<void>;
  /** The lane that plays `role`, if any is on this bot (lanes reach each other by role, never by name). */
  laneWithRole(role: LaneRole): AnyLane | undefined;
  /** One instance per bot of a lane's state (its stores), created on first use. */
  shared<T>(key: string, create: () => T): T;
}

/** A message as the router sees it, digested once. */
export interface IncomingMessage {
  readonly message: Message;
  readonly text: string;
  readonly dm: boolean;
  /** The bot was mentioned, replied to, or its trigger word used: the message is addressed to it. */
  readonly addressed: boolean;
  readonly settings: ResolvedSettings;
  /** The language the bot answers in here (the server's, or the member's in DMs). */
  readonly locale: Locale;
  /** The member asked that their messages not be processed automatically. */
  optedOut(): Promise<boolean>;
}

/** A reaction added by a member, digested once. */
export interface IncomingReaction {
  readonly message: Message;
  readonly user: User;
  readonly emoji: string;
  readonly settings: ResolvedSettings;
  readonly locale: Locale;
}
