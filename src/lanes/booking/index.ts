/**
 * The booking lane: reservations with capacity, opening hours, a waitlist and reminders, booked by buttons or in
 * plain Japanese and English. This folder is self-contained; the bot, worker and local chat plug in through what
 * is exported here (see NOTES-booking.md for the wiring).
 */
export { bookingConfigSchema, defaultBookingConfig, type BookingConfig } from './config.ts';
export { MESSAGES, type MessageKey } from './messages.ts';
export { localeOf, translator, type Translate } from './locale.ts';
export {
  createBookingServices,
  systemClock,
  type BookingServices,
  type Clock,
  type Notice,
  type Notifier,
  type PanelRefresher,
} from './services.ts';
export { createReminderWorker, type ReminderResult } from './reminders/worker.ts';
export { createReminderProcessor } from './reminders/processor.ts';
export { createLocalBooking, LOCAL_GUILD, type LocalBooking } from './local.ts';
export { withHelper, deterministicExtractor, type FieldExtractor } from './nl/extractor.ts';
export { looksLikeBooking } from './nl/detect.ts';
export { forgetMember } from './actions/forget.ts';
export { pruneAll } from './actions/retention.ts';
export * from './discord/index.ts';
