/**
 * The booking lane's job: one line of the terminal chat (`/book 明日19時に2名`, `/mybookings`, `/confirm <id>`)
 * answered by the worker on the same domain code as Discord. Discord needs no job: its commands, buttons and
 * messages answer at once from the bot (booking runs no model, and the 3-second interaction window is met).
 */
import { z } from 'zod';

export const bookingInputSchema = z.strictObject({
  /** The line as typed, with its command (`/book …`, `/cancel 1`); plain text reads as `/book <text>`. */
  line: z.string().min(1).max(2000),
  /** How the member is named on their bookings (staff lists). */
  displayName: z.string().min(1).max(100).optional(),
});

export const bookingResultSchema = z.strictObject({
  /** What to print. */
  text: z.string(),
});

export type BookingInput = z.infer<typeof bookingInputSchema>;
export type BookingResult = z.infer<typeof bookingResultSchema>;
