/**
 * The booking panel, Change and the waitlist end to end: the real bot and worker processes (`npm start`) against
 * the Discord-protocol test server. A member picks a day on a posted panel, a time button with its free places, fills
 * the form, and books only on Confirm while the panel message is edited with fewer places; a member moves a booking
 * through /mybookings → Change; a full slot's waitlist gets the place by DM when a booked member cancels. Each test
 * sets up its own resource, so each runs alone.
 */
import type { APIMessage, APIUser } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src/lanes/booking/time/civil.ts';
import { instantOf, wallClock } from '../../src/lanes/booking/time/zone.ts';
import type { InteractionRecord } from '../discord-server/state.ts';
import { expectNoPings, startBot, type BotUnderTest } from './harness.ts';
import { addResource, answered, componentIds, dayOptions, type Answer } from './booking-helpers.ts';

const ZONE = 'Asia/Tokyo';
let bot: BotUnderTest;
const server = () => bot.server;
const tomorrow = () => addDays(wallClock(Date.now(), ZONE).date, 1);
const at = (hour: number) => instantOf(tomorrow(), hour * 60, ZONE) ?? 0;

beforeAll(async () => {
  bot = await startBot({ config: { discord: { rateLimit: { userPerMinute: 1000, guildPerMinute: 1000 } } } });
}, 120_000);

afterAll(async () => {
  expect(await bot.stop()).toBe(0);
}, 60_000);

/** The message an interaction's answer created or updated, to click its components. */
function messageOf(record: InteractionRecord, channelId = server().channels.general.id): APIMessage {
  const message = server()
    .messagesIn(channelId)
    .find((m) => m.id === record.originalMessageId);
  if (!message) throw new Error(`no message for interaction ${record.id}`);
  return message;
}

/** Sets the zone, adds `name` (17:00-22:00, one-hour slots) and posts its panel in #general; returns the panel. */
async function panelFor(name: string, capacity: number): Promise<APIMessage> {
  const { alice } = server().users;
  const zone = server().slashCommand({
    name: 'booking',
    user: alice,
    options: [{ name: 'timezone', subcommand: [{ name: 'zone', value: ZONE }] }],
  });
  expect((await answered(server(), zone)).content).toBe(`Time zone set to ${ZONE}.`);
  const added = await answered(server(), addResource(server(), name, capacity, '17:00-22:00'));
  expect(added.content).toBe(`Saved ${name}: ${capacity} per slot, 60-minute slots.`);
  const post = server().slashCommand({
    name: 'booking',
    user: alice,
    options: [{ name: 'panel', subcommand: [{ name: 'resource', value: name }] }],
  });
  expect((await answered(server(), post)).content).toBe(`Booking panel for ${name} posted in <#${server().channels.general.id}>.`);
  return server().waitFor(
    () =>
      server()
        .messagesIn(server().channels.general.id)
        .find((m) => componentIds(m).some((id) => id.startsWith('bk:day:')) && JSON.stringify(m.embeds).includes(`Book: ${name}`)),
    15_000,
    `the ${name} panel`,
  );
}

/** Day menu → time button → form → card, on the panel; returns the card and the form's record. */
async function cardFromPanel(
  panel: APIMessage,
  user: APIUser,
  hour: number,
  form: { party: string; name: string; note: string },
  locale = 'en-US',
): Promise<{ card: Answer; submit: InteractionRecord }> {
  const day = server().clickButton({
    message: panel,
    user,
    locale,
    customId: componentIds(panel).find((id) => id.startsWith('bk:day:')) ?? '',
    componentType: 3,
    values: [tomorrow()],
  });
  const times = await answered(server(), day);
  const timeId = componentIds(times.data).find((id) => id.startsWith('bk:time:') && id.endsWith(`:${at(hour)}`));
  expect(timeId, JSON.stringify(times.data.components)).toBeDefined();
  const click = server().clickButton({ message: messageOf(day), user, locale, customId: timeId ?? '' });
  const modal = await answered(server(), click);
  expect(modal.type).toBe(9);
  const submit = server().submitModal({
    customId: String(modal.data.custom_id),
    user,
    locale,
    fields: form,
    message: messageOf(day),
  });
  return { card: await answered(server(), submit), submit };
}

/** Presses the button whose id starts with `prefix` on the message `record` answered with; returns the answer. */
async function press(record: InteractionRecord, shown: Answer, prefix: string, user: APIUser, locale = 'en-US', channelId?: string) {
  const id = componentIds(shown.data).find((c) => c.startsWith(prefix));
  expect(id, JSON.stringify(shown.data.components)).toBeDefined();
  const click = server().clickButton({ message: messageOf(record, channelId), user, locale, customId: id ?? '' });
  return { record: click, answer: await answered(server(), click) };
}

/** The resource id a panel is for (its day menu is `bk:day:<resource>`). */
function resourceOf(panel: APIMessage): string {
  return (componentIds(panel).find((id) => id.startsWith('bk:day:')) ?? '').slice('bk:day:'.length);
}

/** Change (on the message `record` answered with) → tomorrow → the `to` time → a card with both times → Confirm. */
async function moveVia(record: InteractionRecord, shown: Answer, user: APIUser, resourceId: string, from: number, to: number) {
  const change = await press(record, shown, `bk:change:${resourceId}:`, user);
  expect(change.answer.content).toBe('To which day or time?');
  const dayPick = server().clickButton({
    message: messageOf(change.record),
    user,
    customId: componentIds(change.answer.data).find((id) => id.startsWith('bk:mvday:')) ?? '',
    componentType: 3,
    values: [tomorrow()],
  });
  const times = await answered(server(), dayPick);
  const hh = (hour: number) => `${String(hour).padStart(2, '0')}:00`;
  expect(times.raw).toContain(`${hh(from)} full`);
  const moveId = componentIds(times.data).find((id) => id.startsWith('bk:mvtime:') && id.endsWith(`:${at(to)}`));
  expect(moveId, times.raw).toBeDefined();
  const move = server().clickButton({ message: messageOf(dayPick), user, customId: moveId ?? '' });
  const moveCard = await answered(server(), move);
  expect(moveCard.raw).toContain(`<t:${at(from) / 1000}:F>`);
  expect(moveCard.raw).toContain(`<t:${at(to) / 1000}:F>`);
  return press(move, moveCard, 'bk:confirm:', user);
}

describe('the booking panel through the bot', () => {
  it('GIVEN a posted panel THEN day → time → form → card books only on Confirm, and the panel is edited with fewer places', async () => {
    const { bob } = server().users;
    const panel = await panelFor('Terrace', 2);
    // Tomorrow: five one-hour slots of 2 seats.
    expect(dayOptions(panel)[tomorrow()]).toBe('10 places free');
    const { card, submit } = await cardFromPanel(panel, bob, 19, { party: '２', name: 'ボブ', note: '窓際希望' }, 'ja');
    expect(JSON.stringify(card.data.embeds)).toContain('予約内容のご確認');
    expect(JSON.stringify(card.data.embeds)).toContain('窓際希望');
    const mine = await answered(server(), server().slashCommand({ name: 'mybookings', user: bob }));
    expect(mine.content + JSON.stringify(mine.data.embeds)).not.toContain('Terrace');

    const edited = server().waitForRequest(
      (r) => r.method === 'PATCH' && r.route === `/channels/${panel.channel_id}/messages/${panel.id}`,
      20_000,
    );
    const done = await press(submit, card, 'bk:confirm:', bob, 'ja');
    expect(done.answer.content).toBe(`✅ 予約しました：Terrace、<t:${at(19) / 1000}:F>、2名`);
    const after = componentIds(done.answer.data);
    expect(after.some((id) => id.startsWith(`bk:change:${resourceOf(panel)}:`))).toBe(true);
    expect(after.some((id) => id.startsWith(`bk:cancel:${resourceOf(panel)}:`))).toBe(true);
    expect(dayOptions((await edited).body as APIMessage)[tomorrow()]).toBe('8 places free');

    // The day's times: 19:00 is now full (2 of 2 taken), the others still have both places.
    const again = server().clickButton({
      message: panel,
      user: bob,
      customId: componentIds(panel).find((id) => id.startsWith('bk:day:')) ?? '',
      componentType: 3,
      values: [tomorrow()],
    });
    const times = (await answered(server(), again)).raw;
    expect(times).toContain('19:00 full');
    expect(times).toContain('20:00 · 2 left');
    expectNoPings(server());
  }, 120_000);

  it('GIVEN a booking THEN Change on the "Booked" answer and on /mybookings → day → time → card moves it on Confirm', async () => {
    const { alice } = server().users;
    const panel = await panelFor('Counter', 1);
    const { card, submit } = await cardFromPanel(panel, alice, 18, { party: '1', name: 'Alice', note: '' });
    const booked = await press(submit, card, 'bk:confirm:', alice);
    expect(booked.answer.content).toBe(`✅ Booked: Counter, <t:${at(18) / 1000}:F>, party of 1.`);

    // From the answer to Confirm: 18:00 → 21:00.
    const first = await moveVia(booked.record, booked.answer, alice, resourceOf(panel), 18, 21);
    expect(first.answer.content).toBe(`✅ Moved: Counter, now <t:${at(21) / 1000}:F>.`);
    // From /mybookings: 21:00 → 17:00.
    const mine = server().slashCommand({ name: 'mybookings', user: alice });
    const second = await moveVia(mine, await answered(server(), mine), alice, resourceOf(panel), 21, 17);
    expect(second.answer.content).toBe(`✅ Moved: Counter, now <t:${at(17) / 1000}:F>.`);

    const after = await answered(server(), server().slashCommand({ name: 'mybookings', user: alice }));
    expect(after.raw).toContain(`<t:${at(17) / 1000}:F>`);
    expect(after.raw).not.toContain(`<t:${at(18) / 1000}:F>`);
    expect(after.raw).not.toContain(`<t:${at(21) / 1000}:F>`);
    const reopened = server().clickButton({
      message: panel,
      user: alice,
      customId: componentIds(panel).find((id) => id.startsWith('bk:day:')) ?? '',
      componentType: 3,
      values: [tomorrow()],
    });
    const now = (await answered(server(), reopened)).raw;
    expect(now).toContain('17:00 full');
    expect(now).toContain('18:00 · 1 left');
    expect(now).toContain('21:00 · 1 left');
    expectNoPings(server());
  }, 120_000);

  it('GIVEN a full slot THEN Join the waitlist; WHEN the booked member cancels THEN the waiting member is offered it by DM and Take it books them', async () => {
    const { alice, bob } = server().users;
    const panel = await panelFor('Booth', 1);
    const bobs = await cardFromPanel(panel, bob, 20, { party: '1', name: 'Bob', note: '' });
    expect((await press(bobs.submit, bobs.card, 'bk:confirm:', bob)).answer.content).toMatch(/^✅ Booked: Booth/u);

    const alices = await cardFromPanel(panel, alice, 20, { party: '1', name: 'Alice', note: '' });
    expect(alices.card.content).toMatch(/^That slot is full \(0 left, you asked for 1\)\./u);
    const joined = await press(alices.submit, alices.card, 'bk:waitlist:', alice);
    expect(joined.answer.content).toMatch(new RegExp(`^📝 You are number 1 on the waitlist for <t:${at(20) / 1000}:F>\\.`, 'u'));

    const offer = server().waitForRequest(
      (r) => r.method === 'POST' && /^\/channels\/\d+\/messages$/u.test(r.route) && JSON.stringify(r.body).includes('A place opened up'),
      30_000,
    );
    const mine = server().slashCommand({ name: 'mybookings', user: bob });
    const list = await answered(server(), mine);
    const cancel = await press(mine, list, `bk:cancel:${resourceOf(panel)}:`, bob);
    expect(cancel.answer.raw).toContain('Cancel this booking?');
    expect((await press(cancel.record, cancel.answer, 'bk:confirm:', bob)).answer.content).toMatch(/^🗑️ Cancelled: Booth/u);

    const dm = await offer;
    expect(dm.route).toBe(`/channels/${server().dmChannel(alice).id}/messages`);
    const acceptId = componentIds(dm.body as { components?: unknown }).find((id) => id.startsWith('bk:accept:')) ?? '';
    expect(acceptId).not.toBe('');
    const dmMessage = await server().waitFor(
      () =>
        server()
          .messagesIn(server().dmChannel(alice).id)
          .find((m) => componentIds(m).includes(acceptId)),
      10_000,
      'the offer DM',
    );
    const take = server().clickButton({ message: dmMessage, user: alice, customId: acceptId });
    const taken = await answered(server(), take);
    expect(taken.content).toBe(`✅ Booked: Booth, <t:${at(20) / 1000}:F>, party of 1.`);
    expect(componentIds(taken.data).some((id) => id.startsWith(`bk:change:${resourceOf(panel)}:`))).toBe(true);
    const aliceList = await answered(server(), server().slashCommand({ name: 'mybookings', user: alice }));
    expect(aliceList.raw).toContain(`<t:${at(20) / 1000}:F>`);
    const bobList = await answered(server(), server().slashCommand({ name: 'mybookings', user: bob }));
    expect(bobList.raw).not.toContain('Booth');
    expectNoPings(server());
  }, 120_000);
});
