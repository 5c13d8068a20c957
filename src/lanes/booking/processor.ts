/**
 * The booking lane's processor, in the worker: one line of the terminal chat, answered by the same flows as
 * Discord (`createLocalBooking`). No model: dates and times are read by chrono-node and the lane's own rules.
 */
import type { LaneDeps } from '../lane.ts';
import type { LaneProcessor } from '../process-context.ts';
import { createLocalBooking } from './local.ts';
import { translator } from './locale.ts';
import { createBookingRuntime } from './runtime.ts';
import type { BookingInput, BookingResult } from './schema.ts';

export function createBookingProcessor(deps: LaneDeps): LaneProcessor<BookingInput, BookingResult> {
  const { services } = createBookingRuntime(deps);
  return async (input, ctx) => {
    const member = { userId: ctx.context.userId, displayName: input.displayName ?? ctx.context.userId, locale: ctx.locale };
    const text = await createLocalBooking(services, member).answer(input.line);
    return { text: text ?? translator(ctx.locale)('not_understood') };
  };
}
