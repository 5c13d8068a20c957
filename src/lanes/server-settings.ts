/**
 * Per-server settings (`/settings set key value`, inherited server → category → channel → thread). The bot
 * defines a few of its own; a lane contributes the ones it reads (`discord.settings`). Each setting knows how to
 * read what an admin types, its stored form, and its default from the config.
 */
import type { z } from 'zod';
import type { Config } from '../config/index.ts';
import type { LocalText } from '../i18n/text.ts';
import type { LaneRole } from './lane.ts';

export interface ServerSetting<T> {
  readonly key: string;
  /** The stored value's schema (a stored value that no longer fits is ignored, as if never set). */
  readonly value: z.ZodType<T>;
  defaultValue(config: Config): T;
  /** What an admin typed into the stored value; throws a UserError that says what is accepted. */
  parse(text: string, config: Config): T;
  /** One line for `/settings show` and the command's choices. */
  readonly describe: LocalText;
  /** Members may set it for their own DMs (`/settings set` in a DM), stored with what the bot keeps about them. */
  readonly perMember?: boolean;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- variance: a setting of any value type
export type AnySetting = ServerSetting<any>;

export function defineSetting<T>(setting: ServerSetting<T>): ServerSetting<T> {
  return Object.freeze(setting);
}

/** The settings that apply somewhere, read with the setting itself so the value is typed. */
export interface ResolvedSettings {
  get<T>(setting: ServerSetting<T>): T;
  /** Whether the lane is on where these settings apply (the server's `lanes` list). */
  laneEnabled(lane: string): boolean;
  /** Whether the lane that plays `role` is on here (false when no lane plays it). */
  roleEnabled(role: LaneRole): boolean;
  /** Every key with its value (for `/settings show`). */
  entries(): readonly (readonly [string, unknown])[];
}

/** `on`/`off` in the words admins type, in English and Japanese. */
export function parseSwitch(text: string): boolean | undefined {
  const value = text.trim().toLowerCase();
  if (/^(on|true|yes|enable|enabled|オン|有効|はい)$/u.test(value)) return true;
  if (/^(off|false|no|disable|disabled|オフ|無効|いいえ)$/u.test(value)) return false;
  return undefined;
}

/** "default"/"none"/"reset"-like words that mean "no value of my own". */
export function meansNone(text: string): boolean {
  return /^(default|none|off|null|なし|デフォルト)$/iu.test(text.trim());
}
