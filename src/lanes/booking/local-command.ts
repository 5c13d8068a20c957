/**
 * The booking lane's terminal commands: `/book <text>` and the words the booking flows print as next steps
 * (`/confirm <id>`, `/cancel <n>`, `/mybookings`, `/booking-setup …`). Each becomes one job whose worker answers
 * the line as typed.
 */
import type { LaneLocal } from '../local.ts';
import { MESSAGES } from './messages.ts';
import type { BookingInput } from './schema.ts';

/** The commands `createLocalBooking` answers, besides `/book`. */
const ALIASES = ['/mybookings', '/confirm', '/discard', '/cancel', '/change', '/waitlist', '/alt', '/accept', '/decline', '/booking-setup'];

export const bookingLocal: LaneLocal<BookingInput> = {
  command: '/book',
  aliases: ALIASES,
  usage: '/book <text> · /mybookings · /confirm <id> · /cancel <n> · /booking-setup <name> capacity=4 hours=17:00-22:00',
  does: MESSAGES['lane.does'],
  async parse(args, context) {
    return { line: `${context.command ?? '/book'} ${args}`.trim() };
  },
};
