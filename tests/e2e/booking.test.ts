/**
 * Bookings end to end: the real bot and worker processes (`npm start`) against the Discord-protocol test server.
 * An admin sets up a resource with /booking; a member books in plain Japanese in a DM and another by mentioning
 * the bot, each confirming on the card; /mybookings lists the booking; two members pressing Confirm on the last
 * seat at once -> exactly one gets it; the worker process's reminder worker DMs the reminder; ordinary talk still
 * goes to the FAQ/chat; and nothing the bot wrote could ping anyone.
 */
import {
  type APIApplicationCommandInteractionDataSubcommandOption,
  type APIChatInputApplicationCommandInteraction,
  type APIMessage,
  type APIUser,
  ApplicationCommandOptionType,
} from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src/lanes/booking/time/civil.ts';
import { instantOf, wallClock } from '../../src/lanes/booking/time/zone.ts';
import { commandInteraction } from '../discord-server/interactions.ts';
import type { InteractionRecord } from '../discord-server/state.ts';
import { expectNoPings, finalReplyTo, startBot, type BotUnderTest } from './harness.ts';

const ZONE = 'Asia/Tokyo';
let bot: BotUnderTest;
const server = () => bot.server;
const tomorrow = () => addDays(wallClock(Date.now(), ZONE).date, 1);

/**
 * Bob's DM booking is tomorrow 19:00 in Tokyo; its one reminder is set to fall due 1-2 minutes after the bot
 * starts, so the worker process has to deliver it while the other tests run.
 */
const dmSlot = instantOf(tomorrow(), 19 * 60, ZONE) ?? 0;
const reminderOffset = Math.floor((dmSlot - Date.now()) / 60_000) - 1;

beforeAll(async () => {
  bot = await startBot({
    config: {
      booking: { reminderOffsetsMin: [reminderOffset] },
      discord: { rateLimit: { userPerMinute: 1000, guildPerMinute: 1000 } },
    },
  });
}, 120_000);

afterAll(async () => {
  expect(await bot.stop()).toBe(0);
}, 60_000);

/** The interaction's response (immediate or deferred-then-edited), as `{ content, components, embeds }`. */
async function answered(record: InteractionRecord): Promise<{ content: string; raw: string; message?: APIMessage }> {
  return server().waitFor(
    () => {
      const response = record.response as { type?: number; data?: { content?: string } } | null;
      const message = record.originalMessageId
        ? server()
            .messagesIn(record.channelId)
            .find((m) => m.id === record.originalMessageId)
        : undefined;
      if (response?.type === 4 || response?.type === 7)
        return { content: response.data?.content ?? '', raw: JSON.stringify(response.data), ...(message ? { message } : {}) };
      if (message?.content || message?.embeds?.length) return { content: message.content, raw: JSON.stringify(message), message };
      return undefined;
    },
    30_000,
    `answer to ${record.id}`,
  );
}

function componentIds(message: { components?: unknown }): string[] {
  const rows = (message.components ?? []) as { components: { custom_id?: string }[] }[];
  return rows.flatMap((row) => row.components.map((c) => c.custom_id ?? ''));
}

function booking(sub: string, options: { name: string; value: string | number }[], user: APIUser = server().users.alice) {
  return server().slashCommand({ name: 'booking', user, options: [{ name: sub, subcommand: options }] });
}

/** `/booking resource add …` (a subcommand inside the `resource` group). */
function addResource(name: string, capacity: number, hours: string) {
  const options = [
    { name: 'name', value: name },
    { name: 'capacity', value: capacity },
    { name: 'slot-minutes', value: 60 },
    { name: 'hours', value: hours },
  ];
  // The test server builds subcommands; this wraps one in its group.
  const channel = server().state.channel(server().channels.general.id);
  const input = { name: 'booking', options: [{ name: 'add', subcommand: options }] };
  const payload = commandInteraction(
    server().state,
    channel,
    server().users.alice,
    input,
    false,
  ) as APIChatInputApplicationCommandInteraction;
  const subcommands = (payload.data.options ?? []) as APIApplicationCommandInteractionDataSubcommandOption[];
  return server().interact({
    ...payload,
    data: { ...payload.data, options: [{ name: 'resource', type: ApplicationCommandOptionType.SubcommandGroup, options: subcommands }] },
  });
}

/** Presses the card's Confirm button and returns what the member is told. */
async function confirm(card: APIMessage, user: APIUser, locale = 'en-US'): Promise<string> {
  const id = componentIds(card).find((c) => c.startsWith('bk:confirm:'));
  expect(id, JSON.stringify(card.components)).toBeDefined();
  return (await answered(server().clickButton({ message: card, user, locale, customId: id ?? '' }))).content;
}

describe('bookings through the bot', () => {
  it('GIVEN an admin THEN /booking sets the time zone and adds a resource', async () => {
    expect((await answered(booking('timezone', [{ name: 'zone', value: ZONE }]))).content).toBe(`Time zone set to ${ZONE}.`);
    expect((await answered(addResource('Table', 4, '17:00-22:00'))).content).toBe('Saved Table: 4 per slot, 60-minute slots.');
  });

  it('GIVEN 「明日19時に3人で予約したい」 in a DM THEN the bot answers with a card, and Confirm books it', async () => {
    const { bob } = server().users;
    const source = server().sendMessage({ dm: true, author: bob, content: '明日19時に3人で予約したい' });
    const card = await finalReplyTo(server(), source);
    expect(JSON.stringify(card.embeds)).toContain('予約内容のご確認');
    expect(await confirm(card, bob, 'ja')).toMatch(/^✅ 予約しました：Table、<t:\d+:F>、3名$/u);
  });

  it('GIVEN a mention "book a table for 2 tomorrow at 8pm" THEN the card books 20:00, and "cancel my reservation" cancels it', async () => {
    const { alice } = server().users;
    const mention = (text: string) => server().sendMessage({ author: alice, content: `<@${server().botUser.id}> ${text}` });
    const card = await finalReplyTo(server(), mention('book a table for 2 tomorrow at 8pm'));
    expect(JSON.stringify(card.embeds)).toContain('Please confirm your booking');
    expect(await confirm(card, alice)).toMatch(/^✅ Booked: Table, <t:\d+:F>, party of 2\.$/u);
    const cancel = await finalReplyTo(server(), mention('cancel my reservation'));
    expect(JSON.stringify(cancel.embeds)).toContain('Cancel this booking?');
    expect(await confirm(cancel, alice)).toMatch(/^🗑️ Cancelled: Table, <t:\d+:F>\.$/u);
  });

  it('GIVEN a channel with bookingChannel on THEN a plain message there, mentioning nobody, is read as a booking', async () => {
    const { alice } = server().users;
    const channelId = server().channels.second.id;
    const set = server().slashCommand({
      name: 'settings',
      channelId,
      options: [
        {
          name: 'set',
          subcommand: [
            { name: 'key', value: 'bookingChannel' },
            { name: 'value', value: 'on' },
            { name: 'scope', value: 'channel' },
          ],
        },
      ],
    });
    expect((await answered(set)).content).toContain('bookingChannel');
    const card = await finalReplyTo(server(), server().sendMessage({ author: alice, channelId, content: '明日18時に2名で' }));
    expect(JSON.stringify(card.embeds)).toContain('予約内容のご確認');
    expect(await confirm(card, alice, 'ja')).toMatch(/^✅ 予約しました：Table、<t:\d+:F>、2名$/u);
  });

  it('GIVEN /mybookings THEN the member sees their booking as a Discord timestamp, with Change and Cancel', async () => {
    const { bob } = server().users;
    const list = await answered(server().slashCommand({ name: 'mybookings', user: bob, locale: 'ja' }));
    expect(list.raw).toContain('Table');
    const stamp = /<t:(\d+):F>/u.exec(list.raw);
    expect(Number(stamp?.[1]) * 1000).toBe(dmSlot);
    expect(componentIds(JSON.parse(list.raw) as { components?: unknown }).some((id) => id.startsWith('bk:cancel:'))).toBe(true);
  });

  it('GIVEN two members pressing Confirm on the last seat at once THEN exactly one gets it and the other is told it is full', async () => {
    const { alice, bob } = server().users;
    expect((await answered(addResource('Seat', 1, '00:00-24:00'))).content).toBe('Saved Seat: 1 per slot, 60-minute slots.');
    const card = async (user: APIUser) => {
      const record = server().slashCommand({
        name: 'book',
        user,
        options: [
          { name: 'resource', value: 'Seat' },
          { name: 'when', value: 'tomorrow 6pm' },
          { name: 'party', value: 1 },
        ],
      });
      const shown = await answered(record);
      expect(shown.raw).toContain('Please confirm your booking');
      return shown.message ?? (JSON.parse(shown.raw) as APIMessage);
    };
    const [aliceCard, bobCard] = await Promise.all([card(alice), card(bob)]);
    const results = await Promise.all([confirm(aliceCard, alice), confirm(bobCard, bob)]);
    expect(results.filter((text) => text.startsWith('✅ Booked: Seat'))).toHaveLength(1);
    expect(results.filter((text) => /full/u.test(text))).toHaveLength(1);
    const day = await answered(booking('list', [{ name: 'date', value: tomorrow() }]));
    expect(day.content.split('\n').filter((line) => line.includes('Seat'))).toHaveLength(1);
  });

  it('GIVEN ordinary talk in a DM THEN booking leaves it to the FAQ/chat', async () => {
    const source = server().sendMessage({ dm: true, author: server().users.alice, content: 'I read a good book yesterday' });
    const reply = await finalReplyTo(server(), source, 60_000);
    expect(reply.embeds ?? []).toEqual([]);
    expect(componentIds(reply).some((id) => id.startsWith('bk:'))).toBe(false);
  });

  it('GIVEN a booking whose reminder falls due THEN the worker process DMs it with a Cancel button', async () => {
    const dm = await server().waitForRequest((r) => r.method === 'POST' && JSON.stringify(r.body).includes('リマインダー'), 180_000);
    const body = dm.body as { content: string; components?: unknown; allowed_mentions: unknown };
    expect(body.content).toMatch(/^⏰ リマインダー：Table、<t:\d+:F>、3名$/u);
    expect(componentIds(body).some((id) => id.startsWith('bk:cancel:'))).toBe(true);
  }, 200_000);
});

describe('/forget-me', () => {
  it('GIVEN a member with bookings THEN /forget-me cancels and deletes them, and /mybookings is empty', async () => {
    const { bob } = server().users;
    expect((await answered(server().slashCommand({ name: 'mybookings', user: bob }))).raw).toContain('Table');
    await answered(server().slashCommand({ name: 'forget-me', user: bob }));
    const after = await answered(server().slashCommand({ name: 'mybookings', user: bob }));
    expect(after.content).toBe('You have no upcoming bookings.');
    const day = await answered(booking('list', [{ name: 'date', value: tomorrow() }]));
    expect(day.content).not.toContain(bob.id);
  });
});

describe('what Discord received', () => {
  it('GIVEN everything above THEN every message the bot wrote had mentions disabled and no unknown route was called', () => {
    expect(expectNoPings(server())).toBeGreaterThan(10);
    expect(bot.logs()).not.toContain(server().token);
  });
});
