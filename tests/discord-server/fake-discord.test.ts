/**
 * Self-test of the fake Discord against the real discord.js Client: everything a DM/guild bot does
 * (gateway login, messages, replies, edits, uploads, interactions, reactions, resume, command registration).
 */
import {
  ButtonStyle,
  Client,
  ComponentType,
  DiscordAPIError,
  Events,
  GatewayIntentBits,
  Partials,
  REST,
  Routes,
  type ClientEvents,
  type Interaction,
  type Message,
} from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeDiscord, Intent, MessageFlag, type RequestLogEntry } from './index.ts';

const INTENTS = [
  GatewayIntentBits.Guilds,
  GatewayIntentBits.GuildMessages,
  GatewayIntentBits.MessageContent,
  GatewayIntentBits.DirectMessages,
  GatewayIntentBits.GuildMessageReactions,
];

let server: FakeDiscord;
let client: Client;

/** The next emission of `event` whose arguments pass `filter`. */
function nextEvent<K extends keyof ClientEvents>(
  event: K,
  filter: (...args: ClientEvents[K]) => boolean = () => true,
  timeoutMs = 5_000,
): Promise<ClientEvents[K]> {
  return new Promise((resolve, reject) => {
    const listener = (...args: ClientEvents[K]) => {
      if (!filter(...args)) return;
      clearTimeout(timer);
      client.off(event, listener);
      resolve(args);
    };
    const timer = setTimeout(() => {
      client.off(event, listener);
      reject(new Error(`timed out waiting for ${String(event)}`));
    }, timeoutMs);
    client.on(event, listener);
  });
}

/** Runs `handler` on the next interaction with this id. */
function onInteraction(id: string, handler: (interaction: Interaction) => Promise<unknown>): Promise<unknown> {
  return nextEvent(Events.InteractionCreate, (i) => i.id === id).then(([interaction]) => handler(interaction));
}

function messageCreateRequests(channelId: string): RequestLogEntry[] {
  return server.requestsTo('POST', `/channels/${channelId}/messages`);
}

beforeAll(async () => {
  server = new FakeDiscord({ heartbeatIntervalMs: 500 });
  await server.start();
  client = new Client({
    intents: INTENTS,
    partials: [Partials.Channel, Partials.Message, Partials.Reaction],
    rest: { api: server.apiUrl },
  });
  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  await client.login(server.token);
  await server.waitForReady();
  await ready;
});

afterAll(async () => {
  await client?.destroy();
  await server?.close();
});

describe('gateway login', () => {
  it('logs in over /gateway/bot + IDENTIFY: READY and GUILD_CREATE populate the client', async () => {
    expect(client.user?.id).toBe(server.botUser.id);
    expect(client.user?.bot).toBe(true);
    expect(client.application?.id).toBe(server.applicationId);
    const guild = client.guilds.cache.get(server.guild.id);
    expect(guild?.available).toBe(true);
    expect(guild?.channels.cache.get(server.channels.general.id)?.name).toBe('general');
    expect(guild?.members.me?.id).toBe(server.botUser.id);
    expect(guild?.roles.everyone.permissions.has('SendMessages')).toBe(true);
    expect(client.channels.cache.get(server.channels.thread.id)?.isThread()).toBe(true);

    const identify = server.gateway.identifies.at(-1);
    const expected = Intent.Guilds | Intent.GuildMessages | Intent.MessageContent | Intent.DirectMessages | Intent.GuildMessageReactions;
    expect(identify?.intents).toBe(expected);
    expect(identify?.compress).toBe(false);
    expect(server.gateway.connectionPaths[0]).toBe('/');
    const gatewayBot = server.requestsTo('GET', '/gateway/bot')[0];
    expect(gatewayBot?.authorized).toBe(true);
    expect(gatewayBot?.status).toBe(200);
  });

  it('acknowledges heartbeats (op 1 → op 11)', async () => {
    await server.waitFor(() => server.gateway.log.find((e) => e.direction === 'out' && e.op === 11), 3_000, 'a heartbeat ACK');
    await server.waitFor(() => client.ws.ping >= 0, 3_000, 'discord.js to measure a ping');
  });
});

describe('messages', () => {
  it('delivers a guild message with its content to messageCreate', async () => {
    const received = nextEvent(Events.MessageCreate, (m) => m.content === 'hello bot');
    const sent = server.sendMessage({ content: 'hello bot' });
    const [message] = await received;
    expect(message.id).toBe(sent.id);
    expect(message.guildId).toBe(server.guild.id);
    expect(message.author.id).toBe(server.users.alice.id);
    expect(message.member?.id).toBe(server.users.alice.id);
  });

  it('delivers mentions of the bot and a user reply to a bot message (message_reference + referenced_message)', async () => {
    const botMessage = server.sendMessage({ author: server.botUser, content: 'Which language?' });
    const received = nextEvent(Events.MessageCreate, (m) => m.content.endsWith('Japanese'));
    server.sendMessage({ content: `<@${server.botUser.id}> Japanese`, replyTo: botMessage });
    const [message] = await received;
    expect(message.mentions.users.has(server.botUser.id)).toBe(true);
    expect(message.reference?.messageId).toBe(botMessage.id);
    expect((await message.fetchReference()).content).toBe('Which language?');
  });

  it('delivers a DM (no guild_id, channel_type 1) to messageCreate on a DM channel', async () => {
    const received = nextEvent(Events.MessageCreate, (m) => m.content === 'こんにちは');
    const sent = server.sendMessage({ dm: true, author: server.users.bob, content: 'こんにちは' });
    const [message] = await received;
    expect(message.guildId).toBeNull();
    expect(message.channel.isDMBased()).toBe(true);
    expect(message.channelId).toBe(sent.channel_id);
    expect(message.author.id).toBe(server.users.bob.id);
  });

  it('records message.reply() with message_reference and allowed_mentions: { parse: [] }, and echoes it', async () => {
    const received = nextEvent(Events.MessageCreate, (m) => m.content === 'please reply');
    server.sendMessage({ content: 'please reply', author: server.users.bob });
    const [incoming] = await received;
    const reply = await incoming.reply({ content: `hi <@${server.users.bob.id}>`, allowedMentions: { parse: [] } });

    const request = messageCreateRequests(server.channels.general.id).at(-1);
    expect(request?.body).toMatchObject({
      content: `hi <@${server.users.bob.id}>`,
      allowed_mentions: { parse: [] },
      message_reference: { message_id: incoming.id },
    });
    expect(reply.reference?.messageId).toBe(incoming.id);
    // allowed_mentions parse [] suppresses the ping although the content mentions bob.
    expect(server.messagesIn(server.channels.general.id).find((m) => m.id === reply.id)?.mentions).toEqual([]);
    await server.waitFor(() => server.gateway.log.find((e) => e.t === 'MESSAGE_CREATE' && (e.d as { id?: string }).id === reply.id));
  });

  it('records an edit of the bot message; messagesIn shows the current content', async () => {
    const channel = client.channels.cache.get(server.channels.general.id);
    if (!channel?.isSendable()) throw new Error('general is not sendable');
    const sent = await channel.send({ content: 'draft', allowedMentions: { parse: [] } });
    await sent.edit({ content: 'final', allowedMentions: { parse: [] } });
    const patch = server.requestsTo('PATCH', `/channels/${channel.id}/messages/${sent.id}`)[0];
    expect(patch?.body).toMatchObject({ content: 'final', allowed_mentions: { parse: [] } });
    const stored = server.messagesIn(channel.id).find((m) => m.id === sent.id);
    expect(stored?.content).toBe('final');
    expect(stored?.edited_timestamp).not.toBeNull();
  });

  it('accepts multipart uploads: records file name/size/bytes and serves the attachment URL', async () => {
    const channel = client.channels.cache.get(server.channels.second.id);
    if (!channel?.isSendable()) throw new Error('translations is not sendable');
    const bytes = Buffer.from('transcript text\n');
    const sent = await channel.send({
      content: 'file',
      files: [{ attachment: bytes, name: 'transcript.txt' }],
      allowedMentions: { parse: [] },
    });

    const request = messageCreateRequests(channel.id).at(-1);
    expect(request?.files).toHaveLength(1);
    expect(request?.files[0]).toMatchObject({ field: 'files[0]', name: 'transcript.txt', size: bytes.length });
    expect(request?.files[0]?.bytes.toString()).toBe('transcript text\n');
    expect(request?.body).toMatchObject({ content: 'file', attachments: [{ id: '0' }] });

    const attachment = sent.attachments.first();
    expect(attachment?.name).toBe('transcript.txt');
    const response = await fetch(attachment?.url ?? '');
    expect(response.headers.get('content-length')).toBe(String(bytes.length));
    expect(await response.text()).toBe('transcript text\n');
  });

  it('serves test-registered attachments over GET and HEAD, with voice-message metadata on the message', async () => {
    const audio = new Uint8Array(2048).fill(7);
    const file = server.addAttachment(audio, 'voice-message.ogg', 'audio/ogg', { durationSecs: 2.5, waveform: 'AAAA' });
    expect(new URL(file.url).host).toBe(server.attachmentHost);
    const head = await fetch(file.url, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe('2048');

    const received = nextEvent(Events.MessageCreate, (m) => m.attachments.has(file.id));
    server.sendMessage({ dm: true, voice: file });
    const [message] = await received;
    expect(message.flags.has('IsVoiceMessage')).toBe(true);
    expect(message.attachments.first()?.duration).toBe(2.5);
    expect(message.attachments.first()?.waveform).toBe('AAAA');
  });

  it('an injected 429 is retried by discord.js after retry-after, and both attempts are logged', async () => {
    const channel = client.channels.cache.get(server.channels.second.id);
    if (!channel?.isSendable()) throw new Error('translations is not sendable');
    server.failNext({ method: 'POST', route: `/channels/${channel.id}/messages`, status: 429, retryAfter: 0.1 });
    const sent = await channel.send({ content: 'after a rate limit', allowedMentions: { parse: [] } });
    expect(
      messageCreateRequests(channel.id)
        .slice(-2)
        .map((r) => r.status),
    ).toEqual([429, 200]);
    expect(sent.content).toBe('after a rate limit');
  });

  it('answers unknown routes with 404 and a bad token with 401, and logs both', async () => {
    const bad = new REST({ api: server.apiUrl, retries: 0 }).setToken('not-the-token');
    await expect(bad.get(Routes.user('@me'))).rejects.toMatchObject({ status: 401 });
    const unknown = await fetch(`${server.apiUrl}/v10/no/such/route`, { headers: { authorization: `Bot ${server.token}` } });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ message: '404: Not Found', code: 0 });
    expect(server.unmatchedRequests().map((r) => r.route)).toEqual(['/no/such/route']);
    expect(server.requestsTo('GET', '/users/@me').at(-1)?.status).toBe(401);
  });
});

describe('interactions', () => {
  it('slash command: deferReply() then editReply() are recorded, with the attachment option resolved', async () => {
    const file = server.addAttachment(Buffer.from('RIFF'), 'clip.wav', 'audio/wav');
    const record = server.slashCommand({
      name: 'transcribe',
      options: [
        { name: 'audio', attachment: file },
        { name: 'lang', value: 'ja' },
      ],
    });
    let seen: { url?: string; lang?: string | null } = {};
    await onInteraction(record.id, async (interaction) => {
      if (!interaction.isChatInputCommand()) throw new Error('not a chat input command');
      seen = { url: interaction.options.getAttachment('audio', true).url, lang: interaction.options.getString('lang') };
      await interaction.deferReply();
      await interaction.editReply({ content: 'done', allowedMentions: { parse: [] } });
    });
    expect(seen).toEqual({ url: file.url, lang: 'ja' });
    expect(record.response?.type).toBe(5);
    expect(record.response?.elapsedMs).toBeLessThan(3_000);
    // discord.js 14.2x always sends the with_response query on callbacks (false unless asked).
    expect(server.requestsTo('POST', `/interactions/${record.id}/${record.token}/callback`)[0]?.query).toEqual({ with_response: 'false' });
    const edit = server.requestsTo('PATCH', `/webhooks/${server.applicationId}/${record.token}/messages/@original`)[0];
    expect(edit?.body).toMatchObject({ content: 'done', allowed_mentions: { parse: [] } });
    const original = server.messagesIn(server.channels.general.id).find((m) => m.id === record.originalMessageId);
    expect(original?.content).toBe('done');
    expect((original?.flags ?? 0) & MessageFlag.Loading).toBe(0);
    expect(original?.interaction_metadata?.id).toBe(record.id);
  });

  it('button click: update() edits the component message (callback type 7)', async () => {
    const prompt = server.sendMessage({
      author: server.botUser,
      content: 'Translate?',
      components: [
        {
          type: ComponentType.ActionRow,
          components: [{ type: ComponentType.Button, style: ButtonStyle.Primary, custom_id: 'translate:yes', label: 'Yes' }],
        },
      ],
    });
    const record = server.clickButton({ message: prompt, customId: 'translate:yes' });
    await onInteraction(record.id, async (interaction) => {
      if (!interaction.isButton()) throw new Error('not a button');
      expect(interaction.customId).toBe('translate:yes');
      await interaction.update({ content: 'Translating…', components: [] });
    });
    expect(record.response?.type).toBe(7);
    expect(server.messagesIn(prompt.channel_id).find((m) => m.id === prompt.id)?.content).toBe('Translating…');
  });

  it('autocomplete: respond() records the choices (callback type 8)', async () => {
    const record = server.autocomplete({ name: 'faq', options: [{ name: 'question', value: 'ref', focused: true }] });
    await onInteraction(record.id, async (interaction) => {
      if (!interaction.isAutocomplete()) throw new Error('not autocomplete');
      expect(interaction.options.getFocused()).toBe('ref');
      await interaction.respond([{ name: 'Refunds', value: 'refunds' }]);
    });
    expect(record.response).toMatchObject({ type: 8, data: { choices: [{ name: 'Refunds', value: 'refunds' }] } });
  });

  it('message context menu: the target message is resolved and reply(withResponse) gets the callback response', async () => {
    const target = server.sendMessage({ content: 'translate me' });
    const record = server.messageCommand({ name: 'Translate', target });
    let response: unknown;
    await onInteraction(record.id, async (interaction) => {
      if (!interaction.isMessageContextMenuCommand()) throw new Error('not a message command');
      expect(interaction.targetMessage.content).toBe('translate me');
      const result = await interaction.reply({ content: 'translated', withResponse: true });
      response = result.resource?.message?.content;
    });
    expect(response).toBe('translated');
    expect(server.requestsTo('POST', `/interactions/${record.id}/${record.token}/callback`)[0]?.query).toEqual({ with_response: 'true' });
  });

  it('modal: showModal() records callback type 9 and a modal submit can be answered', async () => {
    const command = server.slashCommand({ name: 'feedback' });
    await onInteraction(command.id, async (interaction) => {
      if (!interaction.isChatInputCommand()) throw new Error('not a chat input command');
      await interaction.showModal({
        custom_id: 'feedback-modal',
        title: 'Feedback',
        components: [{ type: 1, components: [{ type: 4, custom_id: 'text', label: 'Text', style: 1 }] }],
      });
    });
    expect(command.response).toMatchObject({ type: 9, data: { custom_id: 'feedback-modal' } });
    const submit = server.submitModal({ customId: 'feedback-modal', fields: { text: 'great bot' } });
    await onInteraction(submit.id, async (interaction) => {
      if (!interaction.isModalSubmit()) throw new Error('not a modal submit');
      await interaction.reply({ content: `thanks: ${interaction.fields.getTextInputValue('text')}`, flags: 64 });
    });
    const reply = server.messagesIn(server.channels.general.id).find((m) => m.id === submit.originalMessageId);
    expect(reply?.content).toBe('thanks: great bot');
    expect((reply?.flags ?? 0) & MessageFlag.Ephemeral).toBe(MessageFlag.Ephemeral);
  });

  it('rejects a late initial callback (10062) and a second one (40060) like Discord', async () => {
    server.configure({ callbackWindowMs: 100 });
    try {
      const late = server.slashCommand({ name: 'ping' });
      const lateError = onInteraction(late.id, async (interaction) => {
        await new Promise((r) => setTimeout(r, 200));
        if (interaction.isChatInputCommand()) await interaction.deferReply();
      }).catch((error: unknown) => error);
      expect(await lateError).toMatchObject({ code: 10062, status: 404 });
      expect(late.callbacks[0]).toMatchObject({ status: 404, errorCode: 10062 });
    } finally {
      server.configure({ callbackWindowMs: 3_000 });
    }
    const twice = server.slashCommand({ name: 'ping' });
    const secondError = onInteraction(twice.id, async (interaction) => {
      await client.rest.post(Routes.interactionCallback(interaction.id, interaction.token), { body: { type: 5 }, auth: false });
      await client.rest.post(Routes.interactionCallback(interaction.id, interaction.token), { body: { type: 5 }, auth: false });
    }).catch((error: unknown) => error);
    const error = await secondError;
    expect(error).toBeInstanceOf(DiscordAPIError);
    expect(error).toMatchObject({ code: 40060, message: 'Interaction has already been acknowledged.' });
  });

  it('an expired interaction token makes editReply() reject with DiscordAPIError 50027', async () => {
    server.configure({ interactionTokenLifetimeMs: 300 });
    try {
      const record = server.slashCommand({ name: 'slow' });
      const failure = onInteraction(record.id, async (interaction) => {
        if (!interaction.isChatInputCommand()) throw new Error('not a chat input command');
        await interaction.deferReply();
        await new Promise((r) => setTimeout(r, 400));
        await interaction.editReply('too late');
      }).catch((error: unknown) => error);
      const error = await failure;
      expect(error).toBeInstanceOf(DiscordAPIError);
      expect(error).toMatchObject({ code: 50027, status: 401, message: 'Invalid Webhook Token' });
    } finally {
      server.configure({ interactionTokenLifetimeMs: 15 * 60_000 });
    }
  });
});

describe('reactions, resume, commands', () => {
  it('a reaction add (🇯🇵) fires messageReactionAdd', async () => {
    const message = server.sendMessage({ content: 'react to me' });
    const received = nextEvent(Events.MessageReactionAdd, (reaction) => reaction.message.id === message.id);
    server.react({ message, emoji: '🇯🇵', user: server.users.bob });
    const [reaction, user] = await received;
    expect(reaction.emoji.name).toBe('🇯🇵');
    expect(user.id).toBe(server.users.bob.id);
  });

  it('the bot reacting is recorded as PUT .../reactions/<emoji>/@me', async () => {
    const incoming = nextEvent(Events.MessageCreate, (m) => m.content === 'react please');
    server.sendMessage({ content: 'react please' });
    const [message] = await incoming;
    await message.react('👀');
    const put = server.requestsTo('PUT', `/channels/${message.channelId}/messages/${message.id}/reactions/👀/@me`);
    expect(put).toHaveLength(1);
    expect(server.messagesIn(message.channelId).find((m) => m.id === message.id)?.reactions?.[0]).toMatchObject({ me: true, count: 1 });
  });

  it('a forced reconnect RESUMEs on resume_gateway_url and replays a MESSAGE_CREATE, which reaches the client again', async () => {
    const raw: string[] = [];
    const onRaw = (packet: { t?: string; d?: { id?: string } }) => {
      if (packet.t === 'MESSAGE_CREATE' && packet.d?.id) raw.push(packet.d.id);
    };
    client.on(Events.Raw, onRaw);
    const creates: Message[] = [];
    const onCreate = (m: Message) => void creates.push(m);
    client.on(Events.MessageCreate, onCreate);
    try {
      const sent = server.sendMessage({ content: 'replay me' });
      await server.waitFor(() => raw.includes(sent.id));
      expect(await server.forceReconnect({ replay: 1 })).toBe('resumed');
      expect(server.gateway.connectionPaths.at(-1)).toBe('/resume');
      await server.waitFor(() => raw.filter((id) => id === sent.id).length === 2, 5_000, 'the replayed MESSAGE_CREATE');

      server.replayLast(1);
      await server.waitFor(() => raw.filter((id) => id === sent.id).length === 3, 5_000, 'the duplicated MESSAGE_CREATE');
      // discord.js itself drops duplicates of cached non-bot messages: messageCreate fired once.
      expect(creates.filter((m) => m.id === sent.id)).toHaveLength(1);

      // The session still works after the resume.
      const after = nextEvent(Events.MessageCreate, (m) => m.content === 'after resume');
      server.sendMessage({ content: 'after resume' });
      await after;
    } finally {
      client.off(Events.Raw, onRaw);
      client.off(Events.MessageCreate, onCreate);
    }
  });

  it('records command registration via REST PUT (global and guild bulk overwrite)', async () => {
    const rest = new REST({ api: server.apiUrl }).setToken(server.token);
    const commands = [
      { name: 'transcribe', description: 'Transcribe audio', options: [{ type: 11, name: 'audio', description: 'File', required: true }] },
      { name: 'Translate', type: 3 },
    ];
    const created = (await rest.put(Routes.applicationCommands(server.applicationId), { body: commands })) as Array<{
      id: string;
      name: string;
    }>;
    expect(created.map((c) => c.name)).toEqual(['transcribe', 'Translate']);
    await rest.put(Routes.applicationGuildCommands(server.applicationId, server.guild.id), { body: [{ name: 'faq', description: 'Ask' }] });

    expect(server.state.globalCommands.map((c) => c.name)).toEqual(['transcribe', 'Translate']);
    expect(server.state.guildCommands.get(server.guild.id)?.map((c) => c.name)).toEqual(['faq']);
    // A re-registration keeps ids, as Discord does for unchanged names.
    const again = (await rest.put(Routes.applicationCommands(server.applicationId), { body: commands })) as Array<{ id: string }>;
    expect(again.map((c) => c.id)).toEqual(created.map((c) => c.id));
    // Interactions for registered commands carry the registered id.
    expect(server.slashCommand({ name: 'transcribe' }).payload.data).toMatchObject({ id: created[0]?.id });
    expect(server.requestsTo('PUT', `/applications/${server.applicationId}/commands`)).toHaveLength(2);
  });
});
