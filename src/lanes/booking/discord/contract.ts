/**
 * The shapes of the booking lane's Discord surfaces, after the discord.js community convention: commands are
 * `{ data, execute }` (plus `autocomplete`), components and modals are `{ customIdPrefix, execute }`. Every
 * handler gets the narrow {@link BookingServices}, never the bot.
 */
import type {
  AutocompleteInteraction,
  ButtonInteraction,
  ChatInputCommandInteraction,
  ModalSubmitInteraction,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
  StringSelectMenuInteraction,
} from 'discord.js';
import type { BookingServices } from '../services.ts';

/** A slash command: its definition, its handler and (optionally) its autocomplete. */
export interface BookingCommand {
  readonly data: { readonly name: string; toJSON(): RESTPostAPIChatInputApplicationCommandsJSONBody };
  execute(interaction: ChatInputCommandInteraction, services: BookingServices): Promise<void>;
  autocomplete?(interaction: AutocompleteInteraction, services: BookingServices): Promise<void>;
}

/** The interactions component handlers receive. */
export type BookingComponentInteraction = ButtonInteraction | StringSelectMenuInteraction | ModalSubmitInteraction;

/** A component or modal handler. */
export interface BookingComponent {
  /** Interactions whose custom id starts with this go to `execute` (`bk:<action>:`). */
  readonly customIdPrefix: string;
  execute(interaction: BookingComponentInteraction, services: BookingServices): Promise<void>;
}
