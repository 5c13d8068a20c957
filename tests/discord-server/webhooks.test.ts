/**
 * Self-test of the fake Discord's channel webhooks against the real discord.js Client: create and list, execute
 * with a name and avatar (`wait=true` and without), MESSAGE_CREATE with `webhook_id`, edit and delete, and that
 * interaction webhooks under the same path still work.
 */
import { Client, Events, GatewayIntentBits, type Message, type TextChannel } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeDiscord } from './index.ts';
import { channelWebhooks } from './rest/webhooks.ts';

let server: FakeDiscord;
let client: Client;
const seen: Message[] = [];

beforeAll(async () => {
  server = new FakeDiscord({ heartbeatIntervalMs: 500 });
  await server.start();
  client = new Client({
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.MessageContent],
    rest: { api: server.apiUrl },
  });
  client.on(Events.MessageCreate, (message) => void seen.push(message));
  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  await client.login(server.token);
  await ready;
});

afterAll(async () => {
  await client?.destroy();
  await server?.close();
});

const general = async () => (await client.channels.fetch(server.channels.general.id)) as TextChannel;

describe('channel webhooks', () => {
  it('GIVEN createWebhook and fetchWebhooks THEN the webhook belongs to the channel and the application, with a token', async () => {
    const channel = await general();
    const created = await channel.createWebhook({ name: 'kotodama' });
    expect(created).toMatchObject({ name: 'kotodama', channelId: channel.id, applicationId: server.applicationId });
    expect(created.token).toMatch(/^[\w-]{20,}$/u);
    const listed = await channel.fetchWebhooks();
    expect([...listed.keys()]).toEqual([created.id]);
    expect(await ((await client.channels.fetch(server.channels.second.id)) as TextChannel).fetchWebhooks()).toHaveProperty('size', 0);
    await expect(channel.createWebhook({ name: 'Discord bot' })).rejects.toThrow(/Invalid Form Body/u);
  });

  it('GIVEN send with a username and avatar THEN the message shows them, has webhook_id, and arrives over the gateway', async () => {
    const [hook] = (await (await general()).fetchWebhooks()).values();
    if (!hook) throw new Error('no webhook');
    const sent = await hook.send({ content: 'hello from a copy', username: 'Alice (EN)', avatarURL: 'https://cdn.example/avatar.png' });
    expect(sent).toMatchObject({ webhookId: hook.id, content: 'hello from a copy' });
    expect(sent.author.username).toBe('Alice (EN)');
    const request = server.requestsTo('POST', `/webhooks/${hook.id}/${hook.token}`).at(-1);
    expect(request?.query).toEqual({ wait: 'true' });
    expect(request?.body).toMatchObject({ username: 'Alice (EN)', avatar_url: 'https://cdn.example/avatar.png' });
    const arrived = await server.waitFor(() => seen.find((message) => message.id === sent.id));
    expect(arrived.webhookId).toBe(hook.id);
    expect(arrived.author.bot).toBe(true);
  });

  it('GIVEN an execute without wait THEN 204 and the message still posts', async () => {
    const [hook] = channelWebhooks(server.state).values();
    const response = await fetch(`${server.apiUrl}/v10/webhooks/${hook?.webhook.id}/${hook?.webhook.token}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ content: 'no wait' }),
    });
    expect(response.status).toBe(204);
    expect(server.messagesIn(server.channels.general.id).at(-1)).toMatchObject({ content: 'no wait', webhook_id: hook?.webhook.id });
  });

  it('GIVEN editMessage and deleteMessage THEN the copy changes and goes, with MESSAGE_UPDATE and MESSAGE_DELETE', async () => {
    const [hook] = (await (await general()).fetchWebhooks()).values();
    if (!hook) throw new Error('no webhook');
    const sent = await hook.send({ content: 'before', username: 'Bob' });
    const updated = new Promise<string>((resolve) => client.once(Events.MessageUpdate, (_old, message) => resolve(message.content ?? '')));
    await hook.editMessage(sent.id, { content: 'after' });
    expect(await updated).toBe('after');
    const deleted = new Promise<string>((resolve) => client.once(Events.MessageDelete, (message) => resolve(message.id)));
    await hook.deleteMessage(sent.id);
    expect(await deleted).toBe(sent.id);
    expect(server.messagesIn(server.channels.general.id).some((message) => message.id === sent.id)).toBe(false);
  });

  it('GIVEN a wrong token or unknown webhook THEN Discord-style errors', async () => {
    const [hook] = channelWebhooks(server.state).values();
    const wrong = await fetch(`${server.apiUrl}/v10/webhooks/${hook?.webhook.id}/nope?wait=true`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"content":"x"}',
    });
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toMatchObject({ code: 50027 });
    expect(server.unmatchedRequests()).toEqual([]);
  });
});
