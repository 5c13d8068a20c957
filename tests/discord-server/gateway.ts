/**
 * The gateway: a JSON-encoded WebSocket (https://discord.com/developers/docs/events/gateway) with HELLO,
 * IDENTIFY → READY + GUILD_CREATE, heartbeats, RESUME with replay, RECONNECT, intents, and sessions that buffer
 * dispatches while the client is away. Compression is optional: `compress=zlib-stream` and identify `compress`
 * both work, and without either everything is plain text frames.
 */
import { EventEmitter, once } from 'node:events';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { randomBytes } from 'node:crypto';
import zlib from 'node:zlib';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';

export const Op = {
  Dispatch: 0,
  Heartbeat: 1,
  Identify: 2,
  PresenceUpdate: 3,
  VoiceStateUpdate: 4,
  Resume: 6,
  Reconnect: 7,
  RequestGuildMembers: 8,
  InvalidSession: 9,
  Hello: 10,
  HeartbeatAck: 11,
  RequestSoundboardSounds: 31,
} as const;

export const Intent = {
  Guilds: 1 << 0,
  GuildMembers: 1 << 1,
  GuildPresences: 1 << 8,
  GuildMessages: 1 << 9,
  GuildMessageReactions: 1 << 10,
  DirectMessages: 1 << 12,
  DirectMessageReactions: 1 << 13,
  MessageContent: 1 << 15,
} as const;

const PRIVILEGED_INTENTS = Intent.GuildMembers | Intent.GuildPresences | Intent.MessageContent;
/** Every documented intent bit (0..25, with gaps Discord ignores). */
const ALL_INTENTS = (1 << 26) - 1;

export interface GatewayPayload {
  op: number;
  d: unknown;
  s: number | null;
  t: string | null;
}

export interface GatewayLogEntry {
  at: number;
  connection: number;
  direction: 'in' | 'out';
  op: number;
  t: string | null;
  s: number | null;
  d: unknown;
}

export interface IdentifyRecord {
  at: number;
  connection: number;
  intents: number;
  properties: unknown;
  shard: unknown;
  compress: boolean;
  largeThreshold: unknown;
  presence: unknown;
}

export interface Session {
  id: string;
  intents: number;
  seq: number;
  /** Dispatches sent in this session (for RESUME replay). */
  buffer: Array<{ s: number; t: string; d: unknown }>;
  connection: Connection | null;
  /** Extra already-acknowledged events to replay on the next RESUME (a test hook). */
  replayExtra: number;
}

export interface GatewayOptions {
  token: string;
  heartbeatIntervalMs: number;
  /** Privileged intents the application has enabled in the developer portal. */
  privilegedIntents: number;
  /** READY `d` for a new session (without `session_id`/`resume_gateway_url`, which the gateway adds). */
  readyData(session: Session, identify: IdentifyRecord): Record<string, unknown>;
  /** GUILD_CREATE bodies sent after READY. */
  guildCreates(session: Session): unknown[];
  resumeUrl(): string;
}

/** Which sessions receive a dispatch and in what form. */
export interface DispatchFilter {
  /** The session must have at least one of these intent bits (0: every session). */
  intents?: number;
  /** Only this session (e.g. a GUILD_MEMBERS_CHUNK answering its request). */
  session?: Session;
  /** Adjusts the body per session (e.g. strips content without the Message Content intent). */
  transform?: (d: unknown, session: Session) => unknown;
}

class Connection {
  session: Session | null = null;
  private zlibStream: zlib.Deflate | null;
  private sendQueue: Promise<void> = Promise.resolve();
  identifyCompress = false;

  constructor(
    readonly id: number,
    readonly ws: WebSocket,
    readonly path: string,
    compress: boolean,
    private readonly onSent: (payload: GatewayPayload) => void,
  ) {
    this.zlibStream = compress ? zlib.createDeflate() : null;
  }

  get open(): boolean {
    return this.ws.readyState === this.ws.OPEN;
  }

  send(payload: GatewayPayload): void {
    if (!this.open) return;
    this.onSent(payload);
    const text = JSON.stringify(payload);
    const stream = this.zlibStream;
    if (stream) {
      // zlib-stream: one deflate context per connection, each message ends with a Z_SYNC_FLUSH (00 00 ff ff).
      this.sendQueue = this.sendQueue.then(
        () =>
          new Promise<void>((resolve) => {
            const chunks: Buffer[] = [];
            const onData = (chunk: Buffer) => chunks.push(chunk);
            stream.on('data', onData);
            stream.write(text);
            stream.flush(zlib.constants.Z_SYNC_FLUSH, () => {
              stream.off('data', onData);
              if (this.open) this.ws.send(Buffer.concat(chunks));
              resolve();
            });
          }),
      );
    } else if (this.identifyCompress) {
      this.ws.send(zlib.deflateSync(text));
    } else {
      this.ws.send(text);
    }
  }

  close(code: number, reason = ''): void {
    if (this.ws.readyState === this.ws.OPEN || this.ws.readyState === this.ws.CONNECTING) this.ws.close(code, reason);
    this.zlibStream?.close();
  }
}

export class Gateway extends EventEmitter {
  readonly log: GatewayLogEntry[] = [];
  readonly identifies: IdentifyRecord[] = [];
  readonly sessions = new Map<string, Session>();
  readonly connections = new Set<Connection>();
  /** The path each connection used (`/` from `GET /gateway/bot`, `/resume` from READY's `resume_gateway_url`). */
  readonly connectionPaths: string[] = [];
  private readonly wss = new WebSocketServer({ noServer: true });
  private nextConnectionId = 1;

  constructor(private readonly options: GatewayOptions) {
    super();
    this.setMaxListeners(0);
  }

  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const url = new URL(req.url ?? '/', 'ws://localhost');
    if (url.pathname !== '/' && url.pathname !== '/resume') {
      socket.end('HTTP/1.1 404 Not Found\r\n\r\n');
      return;
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => this.accept(ws, url));
  }

  private accept(ws: WebSocket, url: URL): void {
    const id = this.nextConnectionId++;
    const compress = url.searchParams.get('compress');
    const connection = new Connection(id, ws, url.pathname, compress === 'zlib-stream', (payload) => this.record(id, 'out', payload));
    this.connections.add(connection);
    this.connectionPaths.push(url.pathname);
    ws.on('message', (data, isBinary) => this.onMessage(connection, data, isBinary));
    ws.on('close', (code) => this.onClose(connection, code));
    ws.on('error', () => undefined);
    if (url.searchParams.get('v') !== '10') return connection.close(4012, 'Invalid API version');
    if ((url.searchParams.get('encoding') ?? 'json') !== 'json') return connection.close(4002, 'Error while decoding payload.');
    if (compress !== null && compress !== 'zlib-stream') return connection.close(4002, 'Error while decoding payload.');
    connection.send({
      op: Op.Hello,
      d: { heartbeat_interval: this.options.heartbeatIntervalMs, _trace: ['["gateway-prd-fake",{"micros":0}]'] },
      s: null,
      t: null,
    });
  }

  private record(connection: number, direction: 'in' | 'out', payload: GatewayPayload): void {
    this.log.push({ at: Date.now(), connection, direction, op: payload.op, t: payload.t, s: payload.s, d: payload.d });
    this.emit('log');
  }

  private onMessage(connection: Connection, data: RawData, isBinary: boolean): void {
    let payload: GatewayPayload;
    try {
      const text = isBinary ? zlib.inflateSync(data as Buffer).toString() : (data as Buffer).toString();
      const parsed = JSON.parse(text) as Partial<GatewayPayload>;
      if (typeof parsed.op !== 'number') throw new Error('no op');
      payload = { op: parsed.op, d: parsed.d ?? null, s: null, t: null };
    } catch {
      return connection.close(4002, 'Error while decoding payload.');
    }
    this.record(connection.id, 'in', payload);
    switch (payload.op) {
      case Op.Heartbeat:
        return connection.send({ op: Op.HeartbeatAck, d: null, s: null, t: null });
      case Op.Identify:
        return this.identify(connection, payload.d);
      case Op.Resume:
        return this.resume(connection, payload.d);
      case Op.PresenceUpdate:
      case Op.VoiceStateUpdate:
      case Op.RequestSoundboardSounds:
        if (!connection.session) return connection.close(4003, 'Not authenticated.');
        return;
      case Op.RequestGuildMembers:
        if (!connection.session) return connection.close(4003, 'Not authenticated.');
        this.emit('requestGuildMembers', connection.session, payload.d);
        return;
      default:
        return connection.close(4001, 'Unknown opcode.');
    }
  }

  private checkToken(connection: Connection, token: unknown): boolean {
    const raw = typeof token === 'string' ? token.replace(/^Bot /, '') : '';
    if (raw === this.options.token) return true;
    connection.close(4004, 'Authentication failed.');
    return false;
  }

  private identify(connection: Connection, d: unknown): void {
    if (connection.session) return connection.close(4005, 'Already authenticated.');
    const data = (d ?? {}) as Record<string, unknown>;
    if (!this.checkToken(connection, data.token)) return;
    const intents = data.intents;
    if (typeof intents !== 'number' || !Number.isInteger(intents) || intents < 0 || (intents & ~ALL_INTENTS) !== 0) {
      return connection.close(4013, 'Invalid intent(s).');
    }
    if ((intents & PRIVILEGED_INTENTS & ~this.options.privilegedIntents) !== 0) {
      return connection.close(4014, 'Disallowed intent(s).');
    }
    if (typeof data.properties !== 'object' || data.properties === null) return connection.close(4002, 'Error while decoding payload.');
    const record: IdentifyRecord = {
      at: Date.now(),
      connection: connection.id,
      intents,
      properties: data.properties,
      shard: data.shard ?? null,
      compress: data.compress === true,
      largeThreshold: data.large_threshold ?? null,
      presence: data.presence ?? null,
    };
    this.identifies.push(record);
    connection.identifyCompress = record.compress;
    const session: Session = { id: randomBytes(16).toString('hex'), intents, seq: 0, buffer: [], connection, replayExtra: 0 };
    this.sessions.set(session.id, session);
    connection.session = session;
    const ready = {
      ...this.options.readyData(session, record),
      session_id: session.id,
      resume_gateway_url: this.options.resumeUrl(),
      ...(Array.isArray(data.shard) ? { shard: data.shard } : {}),
    };
    this.sendDispatch(session, 'READY', ready);
    for (const guild of this.options.guildCreates(session)) this.sendDispatch(session, 'GUILD_CREATE', guild);
    this.emit('ready', session);
  }

  private resume(connection: Connection, d: unknown): void {
    if (connection.session) return connection.close(4005, 'Already authenticated.');
    const data = (d ?? {}) as Record<string, unknown>;
    if (!this.checkToken(connection, data.token)) return;
    const session = typeof data.session_id === 'string' ? this.sessions.get(data.session_id) : undefined;
    const seq = typeof data.seq === 'number' ? data.seq : -1;
    if (!session || seq > session.seq) {
      // Not resumable: the client must identify again on a new connection.
      connection.send({ op: Op.InvalidSession, d: false, s: null, t: null });
      return;
    }
    if (session.connection && session.connection !== connection) session.connection.close(4009, 'Session timed out.');
    session.connection = connection;
    connection.session = session;
    const from = Math.max(0, seq - session.replayExtra);
    session.replayExtra = 0;
    for (const event of session.buffer) if (event.s > from) connection.send({ op: Op.Dispatch, d: event.d, s: event.s, t: event.t });
    this.sendDispatch(session, 'RESUMED', null);
    this.emit('resumed', session);
  }

  private onClose(connection: Connection, code: number): void {
    this.connections.delete(connection);
    const session = connection.session;
    if (!session || session.connection !== connection) return;
    session.connection = null;
    // A client that closes with 1000/1001 ends its session; anything else (4200 from discord.js, 4000...) may resume.
    if (code === 1000 || code === 1001) this.sessions.delete(session.id);
    this.emit('disconnect', session, code);
  }

  private sendDispatch(session: Session, t: string, d: unknown): number {
    const s = ++session.seq;
    session.buffer.push({ s, t, d });
    if (session.buffer.length > 5000) session.buffer.shift();
    session.connection?.send({ op: Op.Dispatch, d, s, t });
    return s;
  }

  /** Sends a dispatch to every session that passes the filter; returns how many live connections got it. */
  dispatch(t: string, d: unknown, filter: DispatchFilter = {}): number {
    let delivered = 0;
    for (const session of this.sessions.values()) {
      if (filter.session && filter.session !== session) continue;
      if (filter.intents && (session.intents & filter.intents) === 0) continue;
      const body = filter.transform ? filter.transform(d, session) : d;
      this.sendDispatch(session, t, body);
      if (session.connection?.open) delivered++;
    }
    return delivered;
  }

  /** The session with a live connection (the running bot), if any. */
  liveSession(): Session | undefined {
    for (const session of this.sessions.values()) if (session.connection?.open) return session;
    return undefined;
  }

  /** Sends the last `n` dispatches (not READY/RESUMED/GUILD_CREATE) again, as duplicates with new sequence numbers. */
  replayLast(n: number): Array<{ t: string; d: unknown }> {
    const session = this.liveSession();
    if (!session) throw new Error('no live gateway session to replay to');
    const events = session.buffer.filter((e) => !['READY', 'RESUMED', 'GUILD_CREATE'].includes(e.t)).slice(-n);
    for (const event of events) this.sendDispatch(session, event.t, event.d);
    return events.map(({ t, d }) => ({ t, d }));
  }

  /**
   * Makes the client reconnect and RESUME: `op7` sends RECONNECT, `close` closes with 4000 (unknown error).
   * `replay` re-sends that many already-delivered events on resume. Resolves when RESUMED (or READY) is sent.
   */
  async forceReconnect(options: { via?: 'op7' | 'close'; replay?: number; timeoutMs?: number } = {}): Promise<'resumed' | 'ready'> {
    const session = this.liveSession();
    if (!session?.connection) throw new Error('no live gateway session to reconnect');
    session.replayExtra = options.replay ?? 0;
    const done = this.nextSessionStart(options.timeoutMs ?? 10_000);
    if ((options.via ?? 'op7') === 'op7') session.connection.send({ op: Op.Reconnect, d: null, s: null, t: null });
    else session.connection.close(4000, 'Unknown error.');
    return done;
  }

  /** Sends INVALID_SESSION (d: resumable) to the live connection; with `false` the client must identify again. */
  invalidateSession(resumable = false): void {
    const session = this.liveSession();
    if (!session?.connection) throw new Error('no live gateway session');
    session.connection.send({ op: Op.InvalidSession, d: resumable, s: null, t: null });
    if (!resumable) {
      session.connection.session = null;
      session.connection = null;
      this.sessions.delete(session.id);
    }
  }

  private async nextSessionStart(timeoutMs: number): Promise<'resumed' | 'ready'> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(new Error('timed out waiting for the client to come back')), timeoutMs);
    try {
      return await Promise.race([
        once(this, 'resumed', { signal: controller.signal }).then(() => 'resumed' as const),
        once(this, 'ready', { signal: controller.signal }).then(() => 'ready' as const),
      ]);
    } finally {
      clearTimeout(timer);
      controller.abort();
    }
  }

  close(): void {
    for (const connection of this.connections) connection.close(1001, 'Going away');
    this.wss.close();
  }
}
