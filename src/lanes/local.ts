/** How a lane is used from the local terminal chat: its command, its usage line, and how arguments become input. */
import type { Config } from '../config/index.ts';
import type { LocalText } from '../i18n/text.ts';

export interface LocalCommandContext {
  readonly config: Config;
  /** The command word typed (the lane's `command` or one of its `aliases`). */
  readonly command?: string;
}

export interface LaneLocal<In> {
  /** The command word, e.g. `/translate`. */
  readonly command: string;
  /** More command words the same lane answers (`/mybookings`, `/confirm`…); `parse` gets the one typed. */
  readonly aliases?: readonly string[];
  /** `/translate <language> <text>` */
  readonly usage: string;
  /** What it does, for `/help`. */
  readonly does: LocalText;
  /** The lane input from the text after the command; throws a UserError with the usage when it does not fit. */
  parse(args: string, context: LocalCommandContext): Promise<In>;
}
