/**
 * On Discord: booking in plain words with a follow-up question (Japanese and English), a change through
 * /mybookings (reminders replaced), and the staff's list, export and cancel-on-behalf.
 */
import type { APIMessage } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../../../src/lanes/booking/model.ts';
import { reminderJobId } from '../../../../src/lanes/booking/reminders/scheduler.ts';
import { createReminderWorker, type ReminderResult } from '../../../../src/lanes/booking/reminders/worker.ts';
import { addDays } from '../../../../src/lanes/booking/time/civil.ts';
import { wallClock } from '../../../../src/lanes/booking/time/zone.ts';
import { waitFor } from '../../../helpers/env.ts';
import { bookingOf, restaurant } from '../helpers.ts';
import { bookingDiscord, componentIds } from './harness.ts';

const harness = bookingDiscord();
const { server, services, failures, answered, messageOf } = harness;
const tomorrow = () => addDays(wallClock(Date.now(), 'Asia/Tokyo').date, 1);

beforeAll(async () => {
  await harness.start();
  const resource = restaurant({ guildId: server.guild.id, name: 'Table', capacity: 4, bufferMinutes: 0 });
  expect(await services.resources.save(resource)).toBe('ok');
  await services.resources.saveSettings(server.guild.id, { timeZone: 'Asia/Tokyo', dateOrder: 'month-first' });
});
afterAll(() => harness.close());

/** The bot's reply to a member's message. */
function replyTo(message: APIMessage): Promise<APIMessage> {
  return waitFor(
    () =>
      server
        .messagesIn(message.channel_id)
        .find((m) => m.author.id === server.botUser.id && m.message_reference?.message_id === message.id),
    10_000,
    'reply',
  );
}

async function confirmCard(card: APIMessage, user: typeof server.users.alice, locale = 'en-US'): Promise<string> {
  const confirm = server.clickButton({
    message: card,
    user,
    locale,
    customId: componentIds(card).find((id) => id.startsWith('bk:confirm:')) ?? '',
  });
  return String((await answered(confirm)).data.content);
}

describe('booking in plain words on Discord', () => {
  it('GIVEN 「明日19時に予約したい」 THEN the bot asks the party size, and 「2」 gives a card that books on Confirm', async () => {
    const { bob } = server.users;
    const first = server.sendMessage({ author: bob, content: '明日19時に予約したい' });
    expect((await replyTo(first)).content).toBe('何名様ですか？');
    const second = server.sendMessage({ author: bob, content: '2' });
    const card = await replyTo(second);
    expect(JSON.stringify(card.embeds)).toContain('予約内容のご確認');
    expect(await confirmCard(card, bob, 'ja')).toMatch(/^✅ 予約しました：Table、<t:\d+:F>、2名$/u);
    expect(failures).toEqual([]);
  });

  it('GIVEN "book a table for 2 tomorrow at 7" THEN 7 is read as 19:00 (the restaurant opens 17-22) and booked on Confirm', async () => {
    const { alice } = server.users;
    const card = await replyTo(server.sendMessage({ author: alice, content: 'book a table for 2 tomorrow at 7' }));
    expect(JSON.stringify(card.embeds)).toContain('Please confirm your booking');
    expect(await confirmCard(card, alice)).toMatch(/^✅ Booked: Table, <t:\d+:F>, party of 2\.$/u);
    const [resource] = await services.resources.list(server.guild.id);
    const mine = resource ? await services.bookings.upcoming(resource, alice.id, Date.now()) : [];
    expect(mine.map((b) => wallClock(b.start, 'Asia/Tokyo'))).toEqual([
      { date: tomorrow(), minutes: 19 * 60, weekday: expect.any(Number) },
    ]);
  });

  it('GIVEN /mybookings THEN Change -> day -> time -> card moves the booking and replaces its reminders', async () => {
    const { alice } = server.users;
    const [resource] = await services.resources.list(server.guild.id);
    const [before] = resource ? await services.bookings.upcoming(resource, alice.id, Date.now()) : [];
    if (!resource || !before) throw new Error('no booking from the previous test');
    const list = server.slashCommand({ name: 'mybookings', user: alice });
    const changeId = componentIds((await answered(list)).data).find((id) => id.startsWith('bk:change:')) ?? '';
    const change = server.clickButton({ message: messageOf(list), user: alice, customId: changeId });
    const dayId = componentIds((await answered(change)).data)[0] ?? '';
    const day = server.clickButton({ message: messageOf(change), user: alice, customId: dayId, componentType: 3, values: [tomorrow()] });
    const times = componentIds((await answered(day)).data);
    const eight = times.find((id) => wallClock(Number(id.split(':').at(-1)), 'Asia/Tokyo').minutes === 20 * 60) ?? '';
    const pick = server.clickButton({ message: messageOf(day), user: alice, customId: eight });
    const card = await answered(pick);
    expect(JSON.stringify(card.data.embeds)).toContain('Please confirm the change');
    const confirm = server.clickButton({ message: messageOf(pick), user: alice, customId: componentIds(card.data)[0] ?? '' });
    expect(String((await answered(confirm)).data.content)).toMatch(/^✅ Moved: Table, now <t:\d+:F>\.$/u);
    const after = await services.bookings.get(resource, before.id);
    expect(after && wallClock(after.start, 'Asia/Tokyo').minutes).toBe(20 * 60);
    expect(await harness.env.queue.getJob(reminderJobId(before.id, 60, before.start))).toBeUndefined();
    expect(await harness.env.queue.getJob(reminderJobId(before.id, 60, after?.start ?? 0))).toBeDefined();
  });

  it('GIVEN the staff THEN /booking list shows the day, export attaches a CSV, and cancel tells the member why', async () => {
    const { alice, bob } = server.users;
    const list = server.slashCommand({
      name: 'booking',
      user: alice,
      options: [{ name: 'list', subcommand: [{ name: 'date', value: tomorrow() }] }],
    });
    const lines = String((await answered(list)).data.content).split('\n');
    expect(lines.slice(1)).toEqual([`19:00 Table: Bob (<@${bob.id}>), 2`, `20:00 Table: Alice (<@${alice.id}>), 2`]);
    expect((await answered(list)).data.allowed_mentions).toEqual({ parse: [], replied_user: false });

    const exported = server.slashCommand({
      name: 'booking',
      user: alice,
      options: [{ name: 'export', subcommand: [{ name: 'format', value: 'csv' }] }],
    });
    await answered(exported);
    const upload = await server.waitForRequest(
      (r) => r.method === 'PATCH' && r.route.includes('/messages/@original') && (r.files?.length ?? 0) > 0,
      10_000,
    );
    const csv = upload.files?.[0]?.bytes.toString('utf8') ?? '';
    expect(csv.split('\r\n')).toHaveLength(4); // header, two bookings, final newline

    const [resource] = await services.resources.list(server.guild.id);
    const [bobs] = resource ? await services.bookings.upcoming(resource, bob.id, Date.now()) : [];
    if (!resource || !bobs) throw new Error('no booking of bob');
    const told = server.waitForRequest((r) => r.method === 'POST' && JSON.stringify(r.body).includes('スタッフによりキャンセル'), 10_000);
    const cancel = server.slashCommand({
      name: 'booking',
      user: alice,
      options: [
        {
          name: 'cancel',
          subcommand: [
            { name: 'booking', value: `${resource.id}:${bobs.id}` },
            { name: 'reason', value: 'kitchen closed' },
          ],
        },
      ],
    });
    expect(String((await answered(cancel)).data.content)).toMatch(/^Cancelled Bob’s booking \(Table, <t:\d+:F>\); they were told\.$/u);
    expect(JSON.stringify((await told).body)).toContain('理由：kitchen closed');
    expect((await services.bookings.get(resource, bobs.id))?.cancelledBy).toBe('admin');
    expect(failures).toEqual([]);
  });

  it('GIVEN a booking whose reminder falls due THEN the reminder worker DMs the member with a Cancel button, in their language', async () => {
    const { bob } = server.users;
    const [resource] = await services.resources.list(server.guild.id);
    if (!resource) throw new Error('no resource');
    const worker = createReminderWorker({
      queueName: harness.env.queueName,
      queuePrefix: harness.env.prefix,
      connection: harness.env.redis.duplicate({ maxRetriesPerRequest: null }),
      redis: harness.env.redis,
      keyPrefix: harness.env.prefix,
      services,
    });
    try {
      // Booked straight in the store, so the 60-minute reminder is due half a second from now.
      const booking = { ...bookingOf(resource, bob.id, Date.now() + 60 * 60_000 + 500), id: newId('b'), locale: 'ja' as const };
      expect((await services.bookings.book(resource, booking, 'reminder-test', Date.now(), 60)).ok).toBe(true);
      const jobId = reminderJobId(booking.id, 60, booking.start);
      const done = new Promise<ReminderResult>((resolve) =>
        worker.on('completed', (job, result: ReminderResult) => job.id === jobId && resolve(result)),
      );
      const dm = server.waitForRequest((r) => r.method === 'POST' && JSON.stringify(r.body).includes('リマインダー'), 10_000);
      await services.reminders.schedule(booking);
      expect((await done).delivered).toEqual([{ kind: 'reminder', bookingId: booking.id, userId: bob.id }]);
      const body = (await dm).body as { content: string; components?: unknown; allowed_mentions: unknown };
      expect(body.content).toMatch(/^⏰ リマインダー：Table、<t:\d+:F>、1名$/u);
      expect(componentIds(body)).toEqual([`bk:cancel:${resource.id}:${booking.id}`]);
      expect(body.allowed_mentions).toEqual({ parse: [], replied_user: false });
    } finally {
      await worker.close();
    }
  });

  it('GIVEN /book being typed THEN resource and time autocomplete, the time around what was typed, in the server’s zone', async () => {
    const { alice } = server.users;
    const [resource] = await services.resources.list(server.guild.id);
    if (!resource) throw new Error('no resource');
    const names = server.autocomplete({ name: 'book', user: alice, options: [{ name: 'resource', value: 'tab', focused: true }] });
    expect((await answered(names)).data.choices).toEqual([{ name: 'Table', value: resource.id }]);
    const times = server.autocomplete({
      name: 'book',
      user: alice,
      options: [
        { name: 'resource', value: resource.id },
        { name: 'when', value: 'tomorrow 9pm', focused: true },
      ],
    });
    const choices = (await answered(times)).data.choices as { name: string; value: string }[];
    // Today's 21:00 may be listed too (it is near what was typed): tomorrow's must be there.
    const clocks = choices.map((c) => wallClock(Number(c.value), 'Asia/Tokyo'));
    const nine = choices.find((_, i) => clocks[i]?.date === tomorrow() && clocks[i]?.minutes === 21 * 60);
    expect(nine?.name).toMatch(/21:00 · \d places free$/u);
  });
});
