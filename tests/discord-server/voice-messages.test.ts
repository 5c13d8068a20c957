/**
 * The fake Discord validates bot-sent voice messages the way Discord does, and can deny Send Voice Messages
 * in a channel. Checked with discord.js's REST client and Client, and a real OGG/Opus voice message.
 */
import {
  AttachmentBuilder,
  Client,
  DiscordAPIError,
  Events,
  GatewayIntentBits,
  MessageFlags,
  REST,
  Routes,
  type TextChannel,
} from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeVoiceMessage } from '../../src/audio/encode/index.ts';
import { fixture } from '../audio/helpers.ts';
import { FakeDiscord } from './index.ts';

let server: FakeDiscord;
let rest: REST;
let client: Client;

const voice = encodeVoiceMessage(
  Float32Array.from({ length: 48000 * 2 }, (_, i) => 0.3 * Math.sin(i / 20)),
  48000,
);
const valid = { id: 0, filename: 'voice-message.ogg', duration_secs: voice.durationSecs, waveform: voice.waveform };

interface Send {
  body?: Record<string, unknown>;
  attachment?: Record<string, unknown>;
  files?: { name: string; data: Uint8Array; contentType?: string }[];
  channelId?: string;
}

function send({ body = {}, attachment = {}, files, channelId = server.channels.general.id }: Send = {}) {
  return rest.post(Routes.channelMessages(channelId), {
    body: { flags: MessageFlags.IsVoiceMessage, attachments: [{ ...valid, ...attachment }], ...body },
    files: files ?? [{ name: 'voice-message.ogg', data: voice.ogg, contentType: 'audio/ogg' }],
  }) as Promise<{ id: string; flags: number; attachments: Record<string, unknown>[] }>;
}

async function refusal(promise: Promise<unknown>): Promise<[number, number]> {
  const error: unknown = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(DiscordAPIError);
  return [(error as DiscordAPIError).status, Number((error as DiscordAPIError).code)];
}

beforeAll(async () => {
  server = new FakeDiscord({ heartbeatIntervalMs: 500 });
  await server.start();
  rest = new REST({ api: server.apiUrl }).setToken(server.token);
  client = new Client({ intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages], rest: { api: server.apiUrl } });
  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  await client.login(server.token);
  await ready;
});

afterAll(async () => {
  await client?.destroy();
  await server?.close();
});

describe('voice messages sent by the bot', () => {
  it('GIVEN one OGG/Opus attachment typed audio/ogg with duration_secs and waveform, no content THEN Discord accepts it', async () => {
    const message = await send();
    expect(message.flags).toBe(MessageFlags.IsVoiceMessage);
    expect(message.attachments).toHaveLength(1);
    expect(message.attachments[0]).toMatchObject({
      content_type: 'audio/ogg',
      duration_secs: 2,
      waveform: voice.waveform,
      size: voice.ogg.length,
    });
  });

  it('GIVEN content, an embed or components next to it THEN 50159 (no additional content)', async () => {
    expect(await refusal(send({ body: { content: 'hello' } }))).toEqual([400, 50159]);
    expect(await refusal(send({ body: { embeds: [{ description: 'x' }] } }))).toEqual([400, 50159]);
  });

  it('GIVEN two attachments, a non-audio/ogg type or bytes that are not OGG/Opus THEN 50160 (a single audio attachment)', async () => {
    const two = [
      { name: 'a.ogg', data: voice.ogg, contentType: 'audio/ogg' },
      { name: 'b.ogg', data: voice.ogg, contentType: 'audio/ogg' },
    ];
    expect(await refusal(send({ files: two, body: { attachments: [valid, { ...valid, id: 1, filename: 'b.ogg' }] } }))).toEqual([
      400, 50160,
    ]);
    expect(await refusal(send({ files: [{ name: 'voice-message.ogg', data: voice.ogg, contentType: 'audio/mpeg' }] }))).toEqual([
      400, 50160,
    ]);
    const mp3 = fixture('speech-en.mp3');
    expect(await refusal(send({ files: [{ name: 'voice-message.ogg', data: mp3, contentType: 'audio/ogg' }] }))).toEqual([400, 50160]);
  });

  it('GIVEN discord.js channel.send with a Buffer THEN its guessed type application/ogg is refused: the bot must send audio/ogg itself', async () => {
    const channel = (await client.channels.fetch(server.channels.general.id)) as TextChannel;
    const file = new AttachmentBuilder(Buffer.from(voice.ogg), {
      name: 'voice-message.ogg',
      duration: voice.durationSecs,
      waveform: voice.waveform,
    });
    const error: unknown = await channel.send({ files: [file], flags: MessageFlags.IsVoiceMessage }).catch((e: unknown) => e);
    expect((error as DiscordAPIError).code).toBe(50160);
    const upload = server.requestsTo('POST', `/channels/${server.channels.general.id}/messages`).at(-1);
    expect(upload?.files[0]?.contentType).toBe('application/ogg');
  });

  it('GIVEN missing or invalid duration_secs / waveform THEN 50161 (supporting metadata)', async () => {
    const cases: Record<string, unknown>[] = [
      { duration_secs: undefined },
      { waveform: undefined },
      { duration_secs: 0 },
      { waveform: 'not base64!' },
      { waveform: Buffer.alloc(21, 9).toString('base64') }, // 21 points for 2 s: more than one per 100 ms
      { duration_secs: 60, waveform: Buffer.alloc(257, 9).toString('base64') }, // over 256 points
    ];
    for (const attachment of cases) expect(await refusal(send({ attachment }))).toEqual([400, 50161]);
  });

  it('GIVEN a sent voice message THEN it cannot be edited (50162)', async () => {
    const message = await send();
    const edit = rest.patch(Routes.channelMessage(server.channels.general.id, message.id), { body: { content: 'x' } });
    expect(await refusal(edit)).toEqual([400, 50162]);
  });
});

describe('a channel where the bot lacks Send Voice Messages', () => {
  it('GIVEN the permission denied THEN voice messages get 403 / 50173, the client sees it, an ordinary audio attachment still works', async () => {
    const channelId = server.channels.second.id;
    const updated = new Promise<void>((resolve) => client.once(Events.ChannelUpdate, () => resolve()));
    server.setVoiceMessagesAllowed(channelId, false);
    await updated;
    const channel = (await client.channels.fetch(channelId)) as TextChannel;
    expect(channel.permissionsFor(client.user!)?.has('SendVoiceMessages')).toBe(false);
    expect(channel.permissionsFor(client.user!)?.has('AttachFiles')).toBe(true);
    expect(await refusal(send({ channelId }))).toEqual([403, 50173]);

    const command = server.slashCommand({ name: 'speak', channelId });
    expect(BigInt((command.payload as { app_permissions: string }).app_permissions) & (1n << 46n)).toBe(0n);

    const fallback = (await rest.post(Routes.channelMessages(channelId), {
      body: { content: 'Hello (I may not send voice messages here).' },
      files: [{ name: 'answer.ogg', data: voice.ogg, contentType: 'audio/ogg' }],
    })) as { attachments: unknown[] };
    expect(fallback.attachments).toHaveLength(1);

    server.setVoiceMessagesAllowed(channelId, true);
    expect((await send({ channelId })).flags).toBe(MessageFlags.IsVoiceMessage);
  });
});
