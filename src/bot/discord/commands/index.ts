/** The bot's own commands and buttons (lanes bring theirs): help, settings, privacy, forget-me, cancel. */
import type { ComponentHandler, SlashCommand } from '../../../lanes/discord.ts';
import { cancelButtonHandler } from './cancel.ts';
import { helpCommand } from './help.ts';
import { forgetMeCommand, privacyCommand } from './privacy.ts';
import { settingsCommand } from './settings.ts';

export const CORE_COMMANDS: readonly SlashCommand[] = [helpCommand, settingsCommand, forgetMeCommand, privacyCommand];
export const CORE_COMPONENTS: readonly ComponentHandler[] = [cancelButtonHandler];
