/**
 * The booking lane's Discord handlers on a real discord.js Client talking to the Discord-protocol test server:
 * the panel flow (day menu -> time button -> form -> card -> Confirm), a full slot's waitlist, the offer by DM
 * when a place frees up, a DM fallback, and a deleted panel. A minimal router stands in for the bot's wiring.
 */
import type { APIMessage } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../../../src/lanes/booking/time/civil.ts';
import { wallClock } from '../../../../src/lanes/booking/time/zone.ts';
import { waitFor } from '../../../helpers/env.ts';
import { bookingDiscord, componentIds } from './harness.ts';

const harness = bookingDiscord();
const { server, services, failures, groupCommand, answered, messageOf } = harness;
beforeAll(() => harness.start());
afterAll(() => harness.close());

const tokyoTomorrow = () => addDays(wallClock(Date.now(), 'Asia/Tokyo').date, 1);

describe('booking on Discord', () => {
  let panel: APIMessage;

  it('GIVEN an admin THEN /booking sets up a resource and the time zone, and posts a panel with a day menu', async () => {
    const { alice } = server.users;
    const add = groupCommand(alice, 'resource', 'add', [
      { name: 'name', value: 'Table' },
      { name: 'capacity', value: 2 },
      { name: 'slot-minutes', value: 60 },
      { name: 'hours', value: '00:00-24:00' },
    ]);
    expect((await answered(add)).data.content).toBe('Saved Table: 2 per slot, 60-minute slots.');
    const zone = server.slashCommand({
      name: 'booking',
      user: alice,
      options: [{ name: 'timezone', subcommand: [{ name: 'zone', value: 'Asia/Tokyo' }] }],
    });
    expect((await answered(zone)).data.content).toBe('Time zone set to Asia/Tokyo.');
    const post = server.slashCommand({
      name: 'booking',
      user: alice,
      options: [{ name: 'panel', subcommand: [{ name: 'resource', value: 'Table' }] }],
    });
    expect((await answered(post)).type).toBe(5); // deferred: reading every slot may take longer than 3 s
    const posted = await waitFor(() =>
      server.messagesIn(server.channels.general.id).find((m) => m.id === post.originalMessageId && m.content),
    );
    expect(posted.content).toBe(`Booking panel for Table posted in <#${server.channels.general.id}>.`);
    panel = await waitFor(() =>
      server.messagesIn(server.channels.general.id).find((m) => componentIds(m).some((id) => id.startsWith('bk:day:'))),
    );
    expect(failures).toEqual([]);
  });

  it('GIVEN the panel THEN a Japanese member picks a day, a time, fills the form and books only on Confirm; the panel is redrawn', async () => {
    const { bob } = server.users;
    const dayId = componentIds(panel)[0] ?? '';
    const day = server.clickButton({
      message: panel,
      user: bob,
      locale: 'ja',
      customId: dayId,
      componentType: 3,
      values: [tokyoTomorrow()],
    });
    const times = await answered(day);
    expect(String(times.data.content)).toMatch(/^Table（.*）：時間を選んでください。$/u);
    const timeId = componentIds(times.data).find((id) => id.startsWith('bk:time:')) ?? '';
    const click = server.clickButton({ message: messageOf(day), user: bob, locale: 'ja', customId: timeId });
    const modal = await answered(click);
    expect(modal.type).toBe(9);
    const formId = String(modal.data.custom_id);
    const submit = server.submitModal({
      customId: formId,
      user: bob,
      locale: 'ja',
      fields: { party: '２', name: 'ボブ', note: '窓際希望' },
      message: messageOf(day),
    });
    const card = await answered(submit);
    expect(JSON.stringify(card.data.embeds)).toContain('予約内容のご確認');
    expect(card.data.allowed_mentions).toEqual({ parse: [], replied_user: false });
    const resource = (await services.resources.list(server.guild.id))[0];
    if (!resource) throw new Error('no resource');
    expect(await services.bookings.between(resource, 0, Infinity)).toEqual([]);

    const confirmId = componentIds(card.data).find((id) => id.startsWith('bk:confirm:')) ?? '';
    const panelEdit = server.waitForRequest(
      (r) => r.method === 'PATCH' && r.route === `/channels/${panel.channel_id}/messages/${panel.id}`,
      10_000,
    );
    const confirm = server.clickButton({ message: messageOf(submit), user: bob, locale: 'ja', customId: confirmId });
    expect(String((await answered(confirm)).data.content)).toMatch(/^✅ 予約しました：Table、<t:\d+:F>、2名$/u);
    const booked = await services.bookings.between(resource, 0, Infinity);
    expect(booked.map((b) => [b.userId, b.party, b.name, b.note])).toEqual([[bob.id, 2, 'ボブ', '窓際希望']]);
    // Tomorrow: 24 one-hour slots of 2 seats = 48 places, 2 of them now taken.
    const redrawn = JSON.stringify((await panelEdit).body);
    expect(redrawn).toMatch(new RegExp(`"value":"${tokyoTomorrow()}","description":"46 places free"`, 'u'));
    expect(failures).toEqual([]);
  });

  it('GIVEN the slot is full THEN /book offers the waitlist; WHEN the booking is cancelled THEN the waiting member is offered it by DM and takes it', async () => {
    const { alice, bob } = server.users;
    const resource = (await services.resources.list(server.guild.id))[0];
    const taken = resource && (await services.bookings.between(resource, 0, Infinity))[0];
    if (!resource || !taken) throw new Error('no booking from the previous test');
    const book = server.slashCommand({
      name: 'book',
      user: alice,
      options: [
        { name: 'resource', value: resource.id },
        { name: 'when', value: String(taken.start) },
        { name: 'party', value: 1 },
      ],
    });
    const refused = await answered(book);
    expect(String(refused.data.content)).toMatch(/^That slot is full \(0 left, you asked for 1\)\./u);
    const waitId = componentIds(refused.data).find((id) => id.startsWith('bk:waitlist:')) ?? '';
    const join = server.clickButton({ message: messageOf(book), user: alice, customId: waitId });
    expect(String((await answered(join)).data.content)).toMatch(/^📝 You are number 1 on the waitlist for <t:\d+:F>\./u);

    const mine = server.slashCommand({ name: 'mybookings', user: bob, locale: 'ja' });
    const list = await answered(mine);
    const cancelId = componentIds(list.data).find((id) => id.startsWith('bk:cancel:')) ?? '';
    const cancel = server.clickButton({ message: messageOf(mine), user: bob, locale: 'ja', customId: cancelId });
    const cancelCard = await answered(cancel);
    const offerDm = server.waitForRequest(
      (r) => r.method === 'POST' && /^\/channels\/\d+\/messages$/u.test(r.route) && JSON.stringify(r.body).includes('A place opened up'),
      10_000,
    );
    const sure = server.clickButton({
      message: messageOf(cancel),
      user: bob,
      locale: 'ja',
      customId: componentIds(cancelCard.data)[0] ?? '',
    });
    expect(String((await answered(sure)).data.content)).toMatch(/^🗑️ キャンセルしました/u);

    const dm = await offerDm;
    const acceptId = componentIds(dm.body as { components?: unknown }).find((id) => id.startsWith('bk:accept:')) ?? '';
    const dmMessage = await waitFor(() => server.messagesIn(server.dmChannel(alice).id).find((m) => componentIds(m).includes(acceptId)));
    const accept = server.clickButton({ message: dmMessage, user: alice, customId: acceptId });
    expect(String((await answered(accept)).data.content)).toMatch(/^✅ Booked: Table, <t:\d+:F>, party of 1\.$/u);
    expect((await services.bookings.get(resource, acceptId.split(':')[3] ?? ''))?.status).toBe('confirmed');
    expect(failures).toEqual([]);
  });

  it('GIVEN a member whose DMs are closed THEN the notice goes to the booking channel, pinging only that member', async () => {
    const { alice } = server.users;
    server.setDmsOpen(alice, false);
    const resource = (await services.resources.list(server.guild.id))[0];
    const booking = resource && (await services.bookings.between(resource, 0, Infinity)).find((b) => b.userId === alice.id);
    if (!resource || !booking) throw new Error('no booking of alice');
    const posted = server.waitForRequest(
      (r) => r.method === 'POST' && r.route === `/channels/${booking.channelId}/messages` && JSON.stringify(r.body).includes('Reminder'),
      10_000,
    );
    await services.notifier.notify({ kind: 'reminder', booking, resource });
    const body = (await posted).body as { content: string; allowed_mentions: unknown };
    expect(body.content).toMatch(new RegExp(`^<@${alice.id}> ⏰ Reminder: Table, <t:\\d+:F>, party of 1\\.$`, 'u'));
    expect(body.allowed_mentions).toEqual({ parse: [], users: [alice.id] });
    server.setDmsOpen(alice, true);
  });

  it('GIVEN the panel message was deleted THEN the next redraw forgets the panel instead of failing', async () => {
    await harness.client.rest.delete(`/channels/${panel.channel_id}/messages/${panel.id}`);
    const resource = (await services.resources.list(server.guild.id))[0];
    if (!resource) throw new Error('no resource');
    await services.panels.refresh(server.guild.id, resource.id);
    await waitFor(
      async () => ((await services.resources.panels(server.guild.id)).length === 0 ? true : undefined),
      10_000,
      'panel forgotten',
    );
    const click = server.clickButton({
      message: panel,
      user: server.users.bob,
      customId: componentIds(panel)[0] ?? '',
      componentType: 3,
      values: [tokyoTomorrow()],
    });
    expect(String((await answered(click)).data.content)).toMatch(/^Table on .*: pick a time\.$/u);
    expect(failures).toEqual([]);
  });
});
