/** The gateway at the protocol level (a raw WebSocket, no discord.js): close codes, intents, compression. */
import { once } from 'node:events';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { FakeDiscord, Intent, Op } from './index.ts';

let server: FakeDiscord;

beforeAll(async () => {
  server = new FakeDiscord({ privilegedIntents: Intent.MessageContent });
  await server.start();
});

afterAll(async () => {
  await server?.close();
});

interface Frame {
  op: number;
  t: string | null;
  s: number | null;
  d: Record<string, unknown> | null;
}

/** A raw gateway client collecting decoded frames. */
async function connect(
  query = 'v=10&encoding=json',
): Promise<{ ws: WebSocket; frames: Frame[]; next: (pred: (f: Frame) => boolean) => Promise<Frame> }> {
  const ws = new WebSocket(`${server.baseUrl.replace('http', 'ws')}/?${query}`);
  const frames: Frame[] = [];
  const inflate = query.includes('zlib-stream') ? zlib.createInflate() : null;
  let pending = '';
  inflate?.on('data', (chunk: Buffer) => {
    pending += chunk.toString();
    try {
      frames.push(JSON.parse(pending) as Frame);
      pending = '';
    } catch {
      // partial frame
    }
  });
  ws.on('message', (data: Buffer, isBinary) => {
    if (inflate && isBinary) inflate.write(data);
    else frames.push(JSON.parse(data.toString()) as Frame);
  });
  await once(ws, 'open');
  const next = (pred: (f: Frame) => boolean) => server.waitFor(() => frames.find(pred), 3_000, 'a gateway frame');
  return { ws, frames, next };
}

const identify = (intents: number, token = server.token) =>
  JSON.stringify({ op: Op.Identify, d: { token, intents, properties: { os: 'linux', browser: 'test', device: 'test' } } });

describe('gateway protocol', () => {
  it('closes with 4004 on a wrong token', async () => {
    const { ws, next } = await connect();
    await next((f) => f.op === Op.Hello);
    ws.send(identify(Intent.Guilds, 'wrong'));
    const [code] = (await once(ws, 'close')) as [number];
    expect(code).toBe(4004);
  });

  it('closes with 4014 when a privileged intent is not enabled for the app', async () => {
    const { ws, next } = await connect();
    await next((f) => f.op === Op.Hello);
    ws.send(identify(Intent.Guilds | Intent.GuildMembers));
    const [code] = (await once(ws, 'close')) as [number];
    expect(code).toBe(4014);
  });

  it('speaks zlib-stream when asked, and strips guild message content without the Message Content intent', async () => {
    const { ws, next } = await connect('v=10&encoding=json&compress=zlib-stream');
    const hello = await next((f) => f.op === Op.Hello);
    expect(hello.d?.heartbeat_interval).toBe(41_250);
    ws.send(identify(Intent.Guilds | Intent.GuildMessages));
    const ready = await next((f) => f.t === 'READY');
    expect(ready.s).toBe(1);
    expect(ready.d).toMatchObject({ v: 10, user: { id: server.botUser.id, bot: true }, application: { id: server.applicationId } });
    const guildCreate = await next((f) => f.t === 'GUILD_CREATE');
    expect(guildCreate).toMatchObject({ s: 2, d: { id: server.guild.id, unavailable: false } });

    const plain = server.sendMessage({ content: 'secret' });
    const mention = server.sendMessage({ content: `<@${server.botUser.id}> visible` });
    expect((await next((f) => f.t === 'MESSAGE_CREATE' && f.d?.id === plain.id)).d?.content).toBe('');
    expect((await next((f) => f.t === 'MESSAGE_CREATE' && f.d?.id === mention.id)).d?.content).toBe(`<@${server.botUser.id}> visible`);

    ws.send(JSON.stringify({ op: Op.Heartbeat, d: 4 }));
    await next((f) => f.op === Op.HeartbeatAck);
    ws.close(1000);
    await once(ws, 'close');
  });
});
