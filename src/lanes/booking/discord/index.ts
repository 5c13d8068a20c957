/**
 * The booking lane's Discord surface: its slash commands, its component and modal handlers, the plain-text entry
 * point, the notifier and the panel refresher. The bot registers `bookingCommands`, sends every interaction whose
 * custom id starts with `bk:` to {@link componentFor}, and passes the same {@link BookingServices} to all of them.
 */
import type { BookingCommand, BookingComponent } from './contract.ts';
import { bookCommand } from './commands/book.ts';
import { bookingAdminCommand } from './commands/booking-admin.ts';
import { myBookingsCommand } from './commands/mybookings.ts';
import { alternativeButton, confirmButton, discardButton, waitlistButton } from './components/card.ts';
import { cancelButton, changeButton, changeDayMenu, changeTimeButton, pickButton } from './components/mine.ts';
import { acceptButton, declineButton } from './components/offer.ts';
import { bookingFormSubmit, dayMenu, timeButton } from './components/panel.ts';

/** The slash commands to register and route by name. */
export const bookingCommands: readonly BookingCommand[] = Object.freeze([bookCommand, myBookingsCommand, bookingAdminCommand]);

/** The component and modal handlers, routed by custom id prefix. */
export const bookingComponents: readonly BookingComponent[] = Object.freeze([
  dayMenu,
  timeButton,
  bookingFormSubmit,
  confirmButton,
  discardButton,
  waitlistButton,
  alternativeButton,
  cancelButton,
  changeButton,
  changeDayMenu,
  changeTimeButton,
  pickButton,
  acceptButton,
  declineButton,
]);

/** The handler of a component or modal custom id, if it is the booking lane's. */
export function componentFor(customId: string): BookingComponent | undefined {
  return bookingComponents.find((component) => customId.startsWith(component.customIdPrefix));
}

export type { BookingCommand, BookingComponent, BookingComponentInteraction } from './contract.ts';
export { CUSTOM_ID_PREFIX } from './custom-ids.ts';
export { answerBookingMessage } from './message.ts';
export { createDiscordNotifier, deliverNotice } from './notifier.ts';
export { createPanelRefresher } from './panels.ts';
