/** A member's own bookings across the server's resources. */
import type { Booking, Resource } from '../model.ts';
import type { BookingServices } from '../services.ts';

/** A booking with its resource. */
export interface OwnedBooking {
  readonly booking: Booking;
  readonly resource: Resource;
}

/** A member's upcoming bookings over all resources of the server, soonest first. */
export async function upcomingOf(services: BookingServices, guildId: string, userId: string): Promise<OwnedBooking[]> {
  const now = services.clock.now();
  const perResource = await Promise.all(
    (await services.resources.list(guildId)).map(async (resource) =>
      (await services.bookings.upcoming(resource, userId, now)).map((booking) => ({ booking, resource })),
    ),
  );
  return perResource.flat().sort((a, b) => a.booking.start - b.booking.start);
}
