/**
 * Every custom id the booking lane puts on a component, built and parsed here and nowhere else. The format is
 * `bk:<action>:<arg>…`; Discord caps custom ids at 100 characters, which the longest (three ids and a time) fits.
 */
import { z } from 'zod';
import { bookingIdSchema, draftIdSchema, resourceIdSchema } from '../model.ts';
import { localDateSchema } from '../time/civil.ts';

/** Every booking custom id starts with this. */
export const CUSTOM_ID_PREFIX = 'bk:';

const instant = z.coerce.number().int().positive();

const customIdSchema = z.discriminatedUnion('action', [
  /** Panel day menu (the chosen day is the menu's value). */
  z.object({ action: z.literal('day'), resourceId: resourceIdSchema }),
  /** A time button: opens the booking form for that slot. */
  z.object({ action: z.literal('time'), resourceId: resourceIdSchema, start: instant }),
  /** The booking form (modal). */
  z.object({ action: z.literal('form'), resourceId: resourceIdSchema, start: instant }),
  z.object({ action: z.literal('confirm'), draftId: draftIdSchema }),
  z.object({ action: z.literal('discard'), draftId: draftIdSchema }),
  z.object({ action: z.literal('waitlist'), draftId: draftIdSchema }),
  /** A suggested free time instead of a refused one. */
  z.object({ action: z.literal('alt'), draftId: draftIdSchema, start: instant }),
  /** From /mybookings or a reminder: cancel or change one booking. */
  z.object({ action: z.literal('cancel'), resourceId: resourceIdSchema, bookingId: bookingIdSchema }),
  z.object({ action: z.literal('change'), resourceId: resourceIdSchema, bookingId: bookingIdSchema }),
  /** Day menu and time buttons of a change (the day is the menu's value). */
  z.object({ action: z.literal('mvday'), resourceId: resourceIdSchema, bookingId: bookingIdSchema }),
  z.object({ action: z.literal('mvtime'), resourceId: resourceIdSchema, bookingId: bookingIdSchema, start: instant }),
  /** A waitlist offer. */
  z.object({ action: z.literal('accept'), resourceId: resourceIdSchema, bookingId: bookingIdSchema }),
  z.object({ action: z.literal('decline'), resourceId: resourceIdSchema, bookingId: bookingIdSchema }),
  /** "Which booking?" in a text conversation. */
  z.object({ action: z.literal('pick'), resourceId: resourceIdSchema, bookingId: bookingIdSchema }),
]);

/** A parsed custom id. */
export type BookingCustomId = z.infer<typeof customIdSchema>;
/** What a component does. */
export type BookingAction = BookingCustomId['action'];

/** The argument names of each action, in the order they appear in the id. */
const ARGS: Readonly<Record<BookingAction, readonly string[]>> = {
  day: ['resourceId'],
  time: ['resourceId', 'start'],
  form: ['resourceId', 'start'],
  confirm: ['draftId'],
  discard: ['draftId'],
  waitlist: ['draftId'],
  alt: ['draftId', 'start'],
  cancel: ['resourceId', 'bookingId'],
  change: ['resourceId', 'bookingId'],
  mvday: ['resourceId', 'bookingId'],
  mvtime: ['resourceId', 'bookingId', 'start'],
  accept: ['resourceId', 'bookingId'],
  decline: ['resourceId', 'bookingId'],
  pick: ['resourceId', 'bookingId'],
};

/** The custom id text of a component. */
export function customId(id: BookingCustomId): string {
  const values: Readonly<Record<string, unknown>> = id;
  return [CUSTOM_ID_PREFIX + id.action, ...ARGS[id.action].map((name) => String(values[name]))].join(':');
}

/** The parsed id, or undefined for an id that is not ours or is malformed (an old message, a forged id). */
export function parseCustomId(raw: string): BookingCustomId | undefined {
  if (!raw.startsWith(CUSTOM_ID_PREFIX)) return undefined;
  const [action = '', ...args] = raw.slice(CUSTOM_ID_PREFIX.length).split(':');
  const names = ARGS[action as BookingAction] as readonly string[] | undefined;
  if (!names || names.length !== args.length) return undefined;
  const parsed = customIdSchema.safeParse({ action, ...Object.fromEntries(names.map((name, i) => [name, args[i]])) });
  return parsed.success ? parsed.data : undefined;
}

/** The date chosen in a day menu. */
export const menuDateSchema = localDateSchema;
