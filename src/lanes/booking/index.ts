/**
 * The booking lane: reservations with capacity, opening hours, a waitlist and reminders, booked by buttons or in
 * plain Japanese and English. `bookingLane` plugs it into the bot, the worker and the local chat: Discord commands,
 * `bk:` components and booking talk are answered by the bot directly (no model, no job); the lane's queue serves
 * the terminal chat's lines; the worker runs the reminder queue (`background`). The rest is the domain's surface
 * for tests and tools.
 */
import { defineLane, type LaneModule } from '../lane.ts';
import { bookingConfigSchema } from './config.ts';
import { bookingDiscord } from './discord/surface.ts';
import { bookingLocal } from './local-command.ts';
import { bookingRef } from './ref.ts';
import type { bookingInputSchema } from './schema.ts';
import { bookingResultSchema } from './schema.ts';

export const bookingLane: LaneModule<'booking', typeof bookingInputSchema, typeof bookingResultSchema, typeof bookingConfigSchema> =
  defineLane({
    ...bookingRef,
    result: bookingResultSchema,
    settings: bookingConfigSchema,
    tunables: {
      enabled: true,
      model: '',
      dtype: 'q8',
      device: 'cpu',
      concurrency: 4,
      attempts: 2,
      timeoutSec: 30,
      priority: 1,
      maxWaiting: 200,
    },
    models: () => [],
    createProcessor: async (deps) => (await import('./processor.ts')).createBookingProcessor(deps),
    render: (result) => result.text,
    discord: bookingDiscord,
    local: bookingLocal,
    background: async (deps) => (await import('./runtime.ts')).startReminders(deps),
  });

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
export { bookingChannelSetting, bookingServicesOf } from './discord/surface.ts';
export { createBookingRuntime, REMINDER_QUEUE, startReminders } from './runtime.ts';
export { createRestNotifier, createRestPanelRefresher, sendNotice } from './discord/rest.ts';
