/**
 * `/faq` end to end: the real bot and worker processes against the fake Discord server. Admins change the FAQ from
 * Discord and the next `/ask` answers from it (no restart); "I don't know" offers buttons; misses and 👎 come back
 * in `/faq misses`, and one click turns a miss into a paraphrase.
 */
import type { APIMessage } from 'discord.js';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/index.ts';
import { createRedis } from '../../src/core/redis.ts';
import type { CommandOptionInput } from '../discord-server/interactions.ts';
import type { InteractionRecord } from '../discord-server/state.ts';
import { REDIS_URL, waitFor } from '../helpers/env.ts';
import { startBot, type BotUnderTest } from './harness.ts';

let bot: BotUnderTest;
let redis: Redis;
const server = () => bot.server;

beforeAll(async () => {
  bot = await startBot({ config: { faq: { denseWeight: 0.3 }, discord: { rateLimit: { userPerMinute: 1000, guildPerMinute: 1000 } } } });
  redis = createRedis(loadConfig({ env: { REDIS_URL } }).redis, 'worker');
}, 90_000);

afterAll(async () => {
  redis.disconnect();
  expect(await bot.stop()).toBe(0);
}, 60_000);

/**
 * Each test starts from the FAQ file plus one server entry, `wifi`: the server's own entries, settings and misses
 * are deleted and its FAQ version moved on (as every change does), so workers rebuild from this state.
 */
beforeEach(async () => {
  const key = (part: string) => `${bot.prefix}:faq:guild:${server().guild.id}:${part}`;
  await redis.multi().del(key('entries'), key('settings'), key('misses')).incr(key('version')).exec();
  const added = faq('add', [
    { name: 'question', value: 'What is the wifi password? | wifi password please' },
    { name: 'answer', value: 'Ask the **staff**.' },
    { name: 'id', value: 'wifi' },
  ]);
  expect(await shown(added)).toContain('Added `wifi`');
});

function message(record: InteractionRecord): APIMessage | undefined {
  return record.originalMessageId
    ? server()
        .messagesIn(record.channelId)
        .find((m) => m.id === record.originalMessageId)
    : undefined;
}

/** What the member sees: an immediate reply's content, or the deferred reply once it is no longer a placeholder. */
function shown(record: InteractionRecord): Promise<string> {
  return server().waitFor(
    () => {
      const data = record.response as { type?: number; data?: { content?: string } } | null;
      if (data?.type === 4 || data?.type === 7) return data.data?.content;
      const content = message(record)?.content;
      return content && !content.startsWith('⏳') ? content : undefined;
    },
    30_000,
    `response to ${record.id}`,
  );
}

const faq = (sub: string, options: CommandOptionInput[] = [], user = server().users.alice) =>
  server().slashCommand({ name: 'faq', user, options: [{ name: sub, subcommand: options }] });
const ask = (question: string) => server().slashCommand({ name: 'ask', options: [{ name: 'question', value: question }] });
const ephemeral = (record: InteractionRecord) => (((record.response as { data?: { flags?: number } }).data?.flags ?? 0) & 64) === 64;

describe('/faq from Discord', () => {
  it('GIVEN /faq add by an admin THEN the next /ask answers from the new entry, without a restart', async () => {
    const added = faq('add', [
      { name: 'question', value: 'Where can I park my car? | is there parking nearby' },
      { name: 'answer', value: 'Park behind the **station**.' },
      { name: 'id', value: 'parking' },
      { name: 'triggers', value: '=garage' },
    ]);
    expect(await shown(added)).toContain('Added `parking` with 2 question(s)');
    expect(ephemeral(added)).toBe(true);
    expect(await shown(ask('Where can I park my car?'))).toContain('Park behind the **station**.');
    expect(await shown(ask('garage'))).toContain('Park behind the **station**.');
  });

  it('GIVEN a member without Manage Server THEN /faq refuses', async () => {
    expect(
      await shown(
        faq(
          'add',
          [
            { name: 'question', value: 'q' },
            { name: 'answer', value: 'a' },
          ],
          server().users.bob,
        ),
      ),
    ).toContain('Only members with the Manage Server permission');
  });

  it.each([
    [
      'an empty answer',
      [
        { name: 'question', value: 'empty?' },
        { name: 'answer', value: '   ' },
      ],
      'answer: the answer is empty',
    ],
    [
      'an answer too long for Discord',
      [
        { name: 'question', value: 'long?' },
        { name: 'answer', value: 'x'.repeat(1950) },
      ],
      'too long for Discord (at most 1900',
    ],
    [
      'a taken id',
      [
        { name: 'question', value: 'again?' },
        { name: 'answer', value: 'a' },
        { name: 'id', value: 'wifi' },
      ],
      'An entry with id "wifi" already exists',
    ],
  ])('GIVEN /faq add with %s THEN the admin is told what to fix', async (_kind, options, message) => {
    expect(await shown(faq('add', options as CommandOptionInput[]))).toContain(message);
  });

  it('GIVEN /faq import of a CSV attachment THEN its entries are added and /faq list pages through them', async () => {
    const csv = 'question,answer,id\n"Where, exactly, is the venue?",Tokyo,venue\nWhen is the meetup?,"Fridays, 8pm",meetup\n';
    const file = server().addAttachment(Buffer.from(csv), 'faq.csv', 'text/csv');
    expect(await shown(faq('import', [{ name: 'file', attachment: file }]))).toContain(
      'Imported 2 entries from faq.csv: 2 new, 0 replaced',
    );
    const bad = server().addAttachment(Buffer.from('question,answer\nonly one field\n'), 'bad.csv', 'text/csv');
    expect(await shown(faq('import', [{ name: 'file', attachment: bad }]))).toContain(
      'bad.csv: line 2: expected question,answer[,id] but found 1 field',
    );

    const first = faq('list', []);
    expect(await shown(first)).toMatch(/11 entries, page 1\/2/u);
    const page = message(first) as APIMessage;
    const next = server().clickButton({ message: page, customId: 'faqadmin:page:2' });
    expect(await shown(next)).toMatch(/page 2\/2[\s\S]*`wifi`/u);
  });

  it('GIVEN /faq edit and remove THEN the answer changes and the entry disappears', async () => {
    const csv = 'question,answer,id\nWhere is the venue?,Tokyo,venue\nWhen is the meetup?,Fridays,meetup\n';
    const file = server().addAttachment(Buffer.from(csv), 'faq.csv', 'text/csv');
    expect(await shown(faq('import', [{ name: 'file', attachment: file }]))).toContain('Imported 2 entries');
    expect(
      await shown(
        faq('edit', [
          { name: 'id', value: 'meetup' },
          { name: 'answer', value: 'Saturdays.' },
        ]),
      ),
    ).toContain('Updated `meetup`');
    expect(await shown(ask('When is the meetup?'))).toContain('Saturdays.');
    expect(await shown(faq('remove', [{ name: 'id', value: 'venue' }]))).toContain('Removed `venue`');
    expect(await shown(faq('remove', [{ name: 'id', value: 'venue' }]))).toContain('There is no entry "venue"');
  });

  it('GIVEN a strict threshold THEN /ask says it does not know with suggestion buttons, and a click posts that answer', async () => {
    expect(await shown(faq('threshold', [{ name: 'value', value: '1' }]))).toContain('confidence 1 or more');
    const record = ask('How do I use this bot?');
    expect(await shown(record)).toContain("I'm not sure I know the answer");
    const unknown = message(record) as APIMessage;
    const buttons = (unknown.components?.[0] as { components?: { custom_id?: string }[] } | undefined)?.components ?? [];
    const show = buttons.map((b) => b.custom_id ?? '').find((id) => id.startsWith('faq:show:how-to-use:'));
    expect(show).toBe(`faq:show:how-to-use:faq-${record.id}`);
    const click = server().clickButton({ message: unknown, customId: show ?? '', user: server().users.bob });
    expect(await shown(click)).toContain('Use `/ask` for questions about this server');
    expect(ephemeral(click)).toBe(false);
  });

  it('GIVEN a miss and a 👎 on an answer THEN /faq misses shows both, and one click makes the miss a paraphrase', async () => {
    expect(await shown(faq('threshold', [{ name: 'value', value: '1' }]))).toContain('confidence 1 or more');
    expect(await shown(ask('How do I use this bot?'))).toContain("I'm not sure I know the answer");
    expect(await shown(faq('threshold', [{ name: 'value', value: 'reset' }]))).toContain('back to the default');
    const answered = ask('What is the wifi password?');
    await shown(answered);
    server().react({ message: message(answered) as APIMessage, emoji: '👎', user: server().users.bob });
    // The reaction is handled asynchronously: ask again until it shows (each ask is a new interaction).
    const misses = await waitFor(
      async () => {
        const record = faq('misses');
        return (await shown(record)).includes('👎 1') ? record : undefined;
      },
      20_000,
      '👎 in /faq misses',
    );
    const text = await shown(misses);
    expect(text).toMatch(/×1 “How do I use this bot\?” → closest `how-to-use`/u);
    expect(text).toMatch(/×1 · 👎 1 “What is the wifi password\?” → closest `wifi`/u);
    const buttons = ((message(misses) as APIMessage).components?.[0] as { components?: { custom_id?: string }[] }).components ?? [];
    const learn = buttons.find((b) => b.custom_id?.endsWith(':how-to-use'))?.custom_id ?? '';
    const click = server().clickButton({ message: message(misses) as APIMessage, customId: learn });
    expect(await shown(click)).toContain('Added “How do I use this bot?” to `how-to-use`');
  });

  it('GIVEN /faq status THEN it shows the entries, the retrieval mode with its reason, and the threshold', async () => {
    const text = await shown(faq('status'));
    expect(text).toMatch(/\*\*Entries\*\*: 9 \(8 from the FAQ file, 1 added here\)/u);
    expect(text).toContain('**hybrid** — embedding model tiny-random-bert loaded');
    expect(text).toContain('0.121 (default `faq.threshold`)');
  });
});
