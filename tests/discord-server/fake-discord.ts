/**
 * FakeDiscord: one port serving Discord's REST API (`/api/v10`), the gateway (WebSocket upgrade on `/`) and
 * attachment files (`/attachments/...`), plus the hooks tests use to act as users and inspect what the bot did.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { APIAttachment, APIDMChannel, APIInteraction, APIMessage, APIPartialEmoji, APIUser } from 'discord.js';
import { createFixtures, type GuildFixture } from './fixtures.ts';
import { Gateway, Intent, type DispatchFilter, type Session } from './gateway.ts';
import {
  commandInteraction,
  componentInteraction,
  messageCommandInteraction,
  modalSubmitInteraction,
  type CommandInput,
  type ComponentInput,
  type MessageCommandInput,
  type ModalInput,
} from './interactions.ts';
import { buildMessage, gatewayMessage, MessageFlag, parseEmoji, withReaction } from './messages.ts';
import { guildCreate } from './payloads.ts';
import { storeFile } from './rest/attachments.ts';
import { discordTimestamp } from './snowflake.ts';
import type { ServerEvents, ServerSettings } from './rest/types.ts';
import { RestServer, type InjectedFailure } from './server.ts';
import { DiscordState, type ChannelRecord, type InteractionRecord, type RequestLogEntry } from './state.ts';
import { setVoiceMessagesAllowed } from './voice-messages.ts';

export interface FakeDiscordOptions {
  /** The bot token (default: a random realistic-looking one). */
  token?: string;
  /** HELLO `heartbeat_interval` (default 41 250 ms). */
  heartbeatIntervalMs?: number;
  /** Interaction token lifetime for the webhook endpoints (default 15 min). */
  interactionTokenLifetimeMs?: number;
  /** Window for the initial interaction callback (default 3 000 ms; null: no limit). */
  callbackWindowMs?: number | null;
  /** Privileged intents enabled for the application (default: all three). */
  privilegedIntents?: number;
  guildNames?: string[];
  /** Dispatch MESSAGE_CREATE/UPDATE/DELETE and reactions for the bot's own REST actions, as Discord does (default true). */
  echoBotActions?: boolean;
  port?: number;
}

export interface SendMessageInput {
  /** Defaults to the first guild's #general; a DM channel id (see `dmChannel`) makes it a DM. */
  channelId?: string;
  /** Sends a DM from `author` (creates the DM channel if needed). */
  dm?: boolean;
  author?: APIUser;
  content?: string;
  /** Users mentioned (the content should contain `<@id>` too); defaults to those parsed from the content. */
  mentions?: APIUser[];
  replyTo?: APIMessage;
  attachments?: APIAttachment[];
  flags?: number;
  components?: NonNullable<APIMessage['components']>;
  /** A voice message: one audio attachment, IS_VOICE_MESSAGE flag, no content. */
  voice?: APIAttachment;
}

export interface ReactInput {
  message: APIMessage;
  /** A unicode emoji (e.g. '🇯🇵') or `{ id, name }`. */
  emoji: string | APIPartialEmoji;
  user?: APIUser;
}

export interface AddAttachmentOptions {
  channelId?: string;
  durationSecs?: number;
  waveform?: string;
  description?: string;
}

function makeToken(botId: string): string {
  return `${Buffer.from(botId).toString('base64url')}.${randomBytes(4).toString('base64url')}.${randomBytes(28).toString('base64url')}`;
}

export class FakeDiscord {
  readonly state: DiscordState;
  readonly gateway: Gateway;
  readonly token: string;
  private readonly rest: RestServer;
  private readonly http: Server;
  private readonly settings: ServerSettings;
  private readonly echo: boolean;
  private port = 0;

  constructor(private readonly options: FakeDiscordOptions = {}) {
    this.state = new DiscordState(createFixtures(options.guildNames ?? ['Kotodama Test']));
    this.token = options.token ?? makeToken(this.state.fixtures.botUser.id);
    this.echo = options.echoBotActions ?? true;
    this.settings = {
      token: this.token,
      baseUrl: () => this.baseUrl,
      interactionTokenLifetimeMs: options.interactionTokenLifetimeMs ?? 15 * 60_000,
      callbackWindowMs: options.callbackWindowMs === undefined ? 3_000 : options.callbackWindowMs,
    };
    this.gateway = new Gateway({
      token: this.token,
      heartbeatIntervalMs: options.heartbeatIntervalMs ?? 41_250,
      privilegedIntents: options.privilegedIntents ?? Intent.GuildMembers | Intent.GuildPresences | Intent.MessageContent,
      readyData: () => ({
        v: 10,
        user: { ...this.botUser, verified: true, mfa_enabled: false, email: null, flags: 0 },
        guilds: this.guilds.map((g) => ({ id: g.id, unavailable: true })),
        application: { id: this.state.fixtures.application.id, flags: this.state.fixtures.application.flags },
        private_channels: [],
        presences: [],
        relationships: [],
        guild_join_requests: [],
        user_settings: {},
        geo_ordered_rtc_regions: ['us-east'],
        session_type: 'normal',
        auth: {},
        _trace: ['["gateway-prd-fake",{"micros":0}]'],
      }),
      guildCreates: () => this.guilds.map((g) => guildCreate(g)),
      resumeUrl: () => `${this.baseUrl.replace(/^http/, 'ws')}/resume`,
    });
    this.gateway.on('log', () => this.state.changed());
    this.gateway.on('requestGuildMembers', (session: Session, d: { guild_id?: string; nonce?: string } | null) => {
      const guild = this.guilds.find((g) => g.id === d?.guild_id);
      if (!guild) return;
      this.gateway.dispatch(
        'GUILD_MEMBERS_CHUNK',
        {
          guild_id: guild.id,
          members: guild.members,
          chunk_index: 0,
          chunk_count: 1,
          not_found: [],
          ...(d?.nonce ? { nonce: d.nonce } : {}),
        },
        { session },
      );
    });
    this.rest = new RestServer(this.state, this.settings, this.restEvents());
    this.http = createServer((req, res) => void this.rest.handle(req, res));
    this.http.on('upgrade', (req, socket, head) => this.gateway.handleUpgrade(req, socket, head));
  }

  // ---- lifecycle and addresses ----

  async start(): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.http.once('error', reject);
      this.http.listen(this.options.port ?? 0, '127.0.0.1', () => resolve());
    });
    this.port = (this.http.address() as AddressInfo).port;
  }

  async close(): Promise<void> {
    this.gateway.close();
    this.http.closeAllConnections();
    await new Promise<void>((resolve) => this.http.close(() => resolve()));
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** For `new Client({ rest: { api } })` / `DISCORD_API_URL`: discord.js appends `/v10/...`. */
  get apiUrl(): string {
    return `${this.baseUrl}/api`;
  }

  /** `127.0.0.1:<port>`, the host of attachment URLs (for `DISCORD_ATTACHMENT_HOSTS`). */
  get attachmentHost(): string {
    return `127.0.0.1:${this.port}`;
  }

  // ---- fixtures ----

  get botUser(): APIUser {
    return this.state.fixtures.botUser;
  }

  get applicationId(): string {
    return this.state.fixtures.application.id;
  }

  get users(): { alice: APIUser; bob: APIUser } {
    return this.state.fixtures.users;
  }

  get guilds(): GuildFixture[] {
    return this.state.fixtures.guilds;
  }

  get guild(): GuildFixture {
    const [guild] = this.guilds;
    if (!guild) throw new Error('no guild configured');
    return guild;
  }

  get channels(): GuildFixture['channels'] {
    return this.guild.channels;
  }

  /** The DM channel between the bot and `user` (created on first use). */
  dmChannel(user: APIUser): APIDMChannel {
    return this.state.dmChannel(user).channel as APIDMChannel;
  }

  /**
   * Whether the bot may send voice messages in a guild channel (denied: a channel overwrite removes Send Voice
   * Messages from its role, dispatched as CHANNEL_UPDATE; sending one answers 403 / 50173).
   */
  setVoiceMessagesAllowed(channelId: string, allowed: boolean): void {
    const record = this.state.channel(channelId);
    if (!record.guild) throw new Error('voice messages are always allowed in DMs');
    setVoiceMessagesAllowed(record.guild, record, allowed);
    this.gateway.dispatch('CHANNEL_UPDATE', record.channel, { intents: Intent.Guilds });
    this.state.changed();
  }

  /** Whether `user` accepts DMs from the bot (closed: 403 / 50007 on send). */
  setDmsOpen(user: APIUser, open: boolean): void {
    if (open) this.state.closedDms.delete(user.id);
    else this.state.closedDms.add(user.id);
  }

  // ---- acting as users ----

  /** Stores a file served at `/attachments/<channel>/<id>/<name>`; returns the attachment object to put on a message. */
  addAttachment(bytes: Uint8Array, name: string, contentType: string, options: AddAttachmentOptions = {}): APIAttachment {
    return storeFile(this.state, this.baseUrl, options.channelId ?? this.channels.general.id, name, contentType, Buffer.from(bytes), {
      ...(options.durationSecs !== undefined ? { durationSecs: options.durationSecs } : {}),
      ...(options.waveform !== undefined ? { waveform: options.waveform } : {}),
      ...(options.description !== undefined ? { description: options.description } : {}),
    });
  }

  /** A user posts a message: stored, then dispatched as MESSAGE_CREATE. */
  sendMessage(input: SendMessageInput = {}): APIMessage {
    const author = input.author ?? this.users.alice;
    const record = this.channelFor(input.channelId, input.dm ? author : undefined);
    const content = input.content ?? '';
    const mentions =
      input.mentions ??
      [...content.matchAll(/<@!?(\d{17,20})>/g)].map((m) => this.state.users.get(m[1] ?? '')).filter((u): u is APIUser => u !== undefined);
    const message = buildMessage({
      channel: record,
      author,
      content: input.voice ? '' : content,
      mentions,
      attachments: input.voice ? [input.voice] : (input.attachments ?? []),
      flags: (input.flags ?? 0) | (input.voice ? MessageFlag.IsVoiceMessage : 0),
      ...(input.components ? { components: input.components } : {}),
      ...(input.replyTo ? { referencedMessage: input.replyTo } : {}),
    });
    this.state.addMessage(message);
    this.dispatchMessage('MESSAGE_CREATE', message);
    return message;
  }

  /** A user edits their message: MESSAGE_UPDATE. */
  editMessage(message: APIMessage, content: string): APIMessage {
    const edited: APIMessage = { ...message, content, edited_timestamp: discordTimestamp() };
    this.state.replaceMessage(edited);
    this.dispatchMessage('MESSAGE_UPDATE', edited);
    return edited;
  }

  /** A user adds a reaction: MESSAGE_REACTION_ADD. */
  react(input: ReactInput): void {
    const user = input.user ?? this.users.alice;
    const emoji = typeof input.emoji === 'string' ? parseEmoji(input.emoji) : input.emoji;
    const current = this.state.message(input.message.channel_id, input.message.id);
    const next = withReaction(current, emoji, false, 1);
    this.state.replaceMessage(next);
    this.dispatchReaction('MESSAGE_REACTION_ADD', next, user.id, emoji);
  }

  /** A user runs a slash command (type 2 APPLICATION_COMMAND, CHAT_INPUT). */
  slashCommand(input: CommandInput): InteractionRecord {
    const [record, user] = this.source(input);
    return this.interact(commandInteraction(this.state, record, user, input, false));
  }

  /** A user types into a command option (type 4 AUTOCOMPLETE; mark the option `focused: true`). */
  autocomplete(input: CommandInput): InteractionRecord {
    const [record, user] = this.source(input);
    return this.interact(commandInteraction(this.state, record, user, input, true));
  }

  /** A user runs a message context-menu command on `target` (type 2, data.type 3 MESSAGE). */
  messageCommand(input: MessageCommandInput): InteractionRecord {
    const [record, user] = this.source({ channelId: input.target.channel_id, ...input });
    return this.interact(messageCommandInteraction(this.state, record, user, input));
  }

  /** A user clicks a button (or picks from a select) on `message` (type 3 MESSAGE_COMPONENT). */
  clickButton(input: ComponentInput): InteractionRecord {
    const [record, user] = this.source({ ...input, channelId: input.message.channel_id });
    return this.interact(componentInteraction(this.state, record, user, input));
  }

  /** A user submits a modal (type 5 MODAL_SUBMIT). */
  submitModal(input: ModalInput): InteractionRecord {
    const [record, user] = this.source(input.message ? { ...input, channelId: input.message.channel_id } : input);
    return this.interact(modalSubmitInteraction(this.state, record, user, input));
  }

  /** Dispatches a prepared INTERACTION_CREATE and tracks its callbacks; the record fills in as the bot answers. */
  interact(payload: APIInteraction): InteractionRecord {
    const user = (payload.member?.user ?? payload.user) as APIUser;
    const record: InteractionRecord = {
      id: payload.id,
      token: payload.token,
      payload,
      channelId: payload.channel?.id ?? '',
      guildId: payload.guild_id ?? null,
      user,
      dispatchedAt: Date.now(),
      callbacks: [],
      response: null,
      originalMessageId: null,
      followupIds: [],
    };
    this.state.interactions.set(record.id, record);
    this.gateway.dispatch('INTERACTION_CREATE', payload);
    this.state.changed();
    return record;
  }

  /** Sends any dispatch to the bot's session(s). */
  /** Delivers an existing message's MESSAGE_CREATE again, to whichever client is connected now. */
  redeliver(message: APIMessage): void {
    this.dispatchMessage('MESSAGE_CREATE', message);
  }

  dispatch(t: string, d: unknown, filter: DispatchFilter = {}): number {
    return this.gateway.dispatch(t, d, filter);
  }

  // ---- gateway control ----

  /** Resolves once a client has identified and been sent READY and the GUILD_CREATEs. */
  waitForReady(timeoutMs = 10_000): Promise<Session> {
    return this.waitFor(() => this.gateway.liveSession(), timeoutMs, 'a client to identify');
  }

  /** RECONNECT (op 7, default) or close 4000; `replay` re-delivers that many already-seen events on RESUME. */
  forceReconnect(options: { via?: 'op7' | 'close'; replay?: number; timeoutMs?: number } = {}): Promise<'resumed' | 'ready'> {
    return this.gateway.forceReconnect(options);
  }

  /** Sends the last `n` events again (duplicates with new sequence numbers), like a gateway replay. */
  replayLast(n = 1): Array<{ t: string; d: unknown }> {
    return this.gateway.replayLast(n);
  }

  // ---- inspection ----

  get requests(): readonly RequestLogEntry[] {
    return this.state.requests;
  }

  /** Requests no route handled (404/405 as unknown): a well-behaved bot makes none. */
  unmatchedRequests(): RequestLogEntry[] {
    return this.state.requests.filter((r) => !r.matched);
  }

  /** Requests to `/api/v10` whose route (path after the version) matches. */
  requestsTo(method: string, route: string | RegExp): RequestLogEntry[] {
    return this.state.requests.filter((r) => r.method === method && (typeof route === 'string' ? r.route === route : route.test(r.route)));
  }

  /** The channel's current messages, oldest first, after edits and deletes (ephemeral ones included). */
  messagesIn(channelId: string): APIMessage[] {
    return [...this.state.channel(channelId).messages];
  }

  interaction(id: string): InteractionRecord | undefined {
    return this.state.interactions.get(id);
  }

  /** Changes interaction timing rules at runtime (e.g. a short token lifetime for one test). */
  configure(settings: { interactionTokenLifetimeMs?: number; callbackWindowMs?: number | null }): void {
    if (settings.interactionTokenLifetimeMs !== undefined) this.settings.interactionTokenLifetimeMs = settings.interactionTokenLifetimeMs;
    if (settings.callbackWindowMs !== undefined) this.settings.callbackWindowMs = settings.callbackWindowMs;
  }

  /** Makes the next matching request(s) fail (e.g. 500, or 429 with `retryAfter`). */
  failNext(failure: InjectedFailure): void {
    this.rest.failures.push({ ...failure });
  }

  /** Resolves with the first truthy value of `check`, re-evaluated on every request, state change and gateway frame. */
  waitFor<T>(check: () => T | undefined | null | false, timeoutMs = 5_000, what = 'condition'): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const cleanup = () => {
        clearTimeout(timer);
        clearInterval(poll);
        this.state.off('change', test);
      };
      const test = () => {
        try {
          const value = check();
          if (value !== undefined && value !== null && value !== false) {
            cleanup();
            resolve(value);
          }
        } catch (error) {
          cleanup();
          reject(error as Error);
        }
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`FakeDiscord: timed out after ${timeoutMs} ms waiting for ${what}`));
      }, timeoutMs);
      const poll = setInterval(test, 25);
      this.state.on('change', test);
      test();
    });
  }

  /** Waits for a logged request matching `predicate`. */
  waitForRequest(predicate: (entry: RequestLogEntry) => boolean, timeoutMs = 5_000): Promise<RequestLogEntry> {
    return this.waitFor(() => this.state.requests.find(predicate), timeoutMs, 'a matching request');
  }

  // ---- internals ----

  private channelFor(channelId: string | undefined, dmWith: APIUser | undefined): ChannelRecord {
    if (dmWith) return this.state.dmChannel(dmWith);
    return this.state.channel(channelId ?? this.channels.general.id);
  }

  private source(input: { channelId?: string; user?: APIUser; dm?: boolean }): [ChannelRecord, APIUser] {
    const user = input.user ?? this.users.alice;
    return [input.dm ? this.state.dmChannel(user) : this.state.channel(input.channelId ?? this.channels.general.id), user];
  }

  private messageFilter(message: APIMessage): DispatchFilter {
    const guild = this.state.channel(message.channel_id).guild;
    const botId = this.botUser.id;
    return {
      intents: guild ? Intent.GuildMessages : Intent.DirectMessages,
      transform: (d, session) => {
        // Without MESSAGE_CONTENT, guild messages arrive with empty content unless they are the bot's or mention it.
        if (!guild || (session.intents & Intent.MessageContent) !== 0) return d;
        if (message.author.id === botId || message.mentions.some((u) => u.id === botId)) return d;
        return { ...(d as object), content: '', embeds: [], attachments: [], components: [] };
      },
    };
  }

  private dispatchMessage(t: 'MESSAGE_CREATE' | 'MESSAGE_UPDATE', message: APIMessage): void {
    if (((message.flags ?? 0) & MessageFlag.Ephemeral) !== 0) return;
    this.gateway.dispatch(t, gatewayMessage(this.state, message), this.messageFilter(message));
  }

  private dispatchReaction(
    t: 'MESSAGE_REACTION_ADD' | 'MESSAGE_REACTION_REMOVE',
    message: APIMessage,
    userId: string,
    emoji: APIPartialEmoji,
  ): void {
    const guild = this.state.channel(message.channel_id).guild;
    const d: Record<string, unknown> = {
      user_id: userId,
      channel_id: message.channel_id,
      message_id: message.id,
      emoji,
      burst: false,
      type: 0,
    };
    if (guild) {
      d.guild_id = guild.id;
      const member = this.state.member(guild, userId);
      if (member && t === 'MESSAGE_REACTION_ADD') d.member = member;
    }
    if (t === 'MESSAGE_REACTION_ADD') {
      d.message_author_id = message.author.id;
      d.burst_colors = [];
    }
    this.gateway.dispatch(t, d, { intents: guild ? Intent.GuildMessageReactions : Intent.DirectMessageReactions });
  }

  private restEvents(): ServerEvents {
    return {
      messageCreated: (message) => this.echo && this.dispatchMessage('MESSAGE_CREATE', message),
      messageUpdated: (message) => this.echo && this.dispatchMessage('MESSAGE_UPDATE', message),
      messageDeleted: (message) => {
        if (!this.echo) return;
        const guild = this.state.channel(message.channel_id).guild;
        this.gateway.dispatch(
          'MESSAGE_DELETE',
          { id: message.id, channel_id: message.channel_id, ...(guild ? { guild_id: guild.id } : {}) },
          { intents: guild ? Intent.GuildMessages : Intent.DirectMessages },
        );
      },
      reactionAdded: (message, userId, emoji) => this.echo && this.dispatchReaction('MESSAGE_REACTION_ADD', message, userId, emoji),
      reactionRemoved: (message, userId, emoji) => this.echo && this.dispatchReaction('MESSAGE_REACTION_REMOVE', message, userId, emoji),
    };
  }
}
