/**
 * What each request of a load run got, read from the Discord-protocol server's request log as Discord would see it:
 * the first acknowledgement (an accepted interaction callback, or the bot's first message replying to a mention),
 * every text the bot sent for it (callback, edits of the original, follow-ups, edits of its reply) and when.
 */
import type { FakeDiscord } from '../../tests/discord-server/index.ts';
import type { RequestLogEntry } from '../../tests/discord-server/state.ts';

export type Outcome = 'answered' | 'busy' | 'rate-limited' | 'error' | 'lost' | 'unacknowledged';

export interface Tracked {
  /** Lane, with `-mention` for a mention. */
  readonly label: string;
  readonly sentAt: number;
  /** Interactions must be acknowledged within Discord's 3 s (the server refuses later callbacks); mentions need not. */
  readonly ackWindowMs: number | null;
  ackAt: number | undefined;
  acceptedCallbacks: number;
  /** Last text per bot message (`original`, a follow-up's id, a reply message's id) and when it was sent. */
  readonly texts: Map<string, { content: string; at: number }>;
}

/** Discord's window for the first interaction callback (the Discord-protocol server's default). */
const ACK_WINDOW_MS = 3_000;

const isFinal = (content: string): boolean => content.trim().length > 0 && !content.startsWith('⏳');

function contentOf(body: unknown): string | undefined {
  const value = body as { content?: unknown; data?: { content?: unknown } } | null;
  const content = value?.content ?? value?.data?.content;
  return typeof content === 'string' ? content : undefined;
}

export class LoadTracker {
  readonly #byToken = new Map<string, Tracked>();
  readonly #byInteraction = new Map<string, Tracked>();
  /** A mention's source message id, then each bot reply's id. */
  readonly #byMessage = new Map<string, Tracked>();
  readonly all: Tracked[] = [];
  #read = 0;
  #lastChange = Date.now();

  constructor(private readonly server: FakeDiscord) {}

  /** A slash command dispatched now. */
  interaction(label: string, id: string, token: string): Tracked {
    const tracked = this.#track(label, ACK_WINDOW_MS);
    this.#byToken.set(token, tracked);
    this.#byInteraction.set(id, tracked);
    return tracked;
  }

  /** A mention posted now. */
  mention(label: string, messageId: string): Tracked {
    const tracked = this.#track(label, null);
    this.#byMessage.set(messageId, tracked);
    return tracked;
  }

  #track(label: string, ackWindowMs: number | null): Tracked {
    const tracked: Tracked = { label, sentAt: Date.now(), ackWindowMs, ackAt: undefined, acceptedCallbacks: 0, texts: new Map() };
    this.all.push(tracked);
    return tracked;
  }

  /** Reads the request log entries that arrived since the last call. */
  poll(): void {
    const requests = this.server.requests;
    for (; this.#read < requests.length; this.#read++) this.#apply(requests[this.#read] as RequestLogEntry);
  }

  #apply(entry: RequestLogEntry): void {
    if (entry.status >= 300) return;
    const parts = entry.route.split('/');
    const content = contentOf(entry.body);
    let tracked: Tracked | undefined;
    let key = '';
    if (parts[1] === 'interactions' && parts[4] === 'callback') {
      tracked = this.#byInteraction.get(parts[2] ?? '');
      if (!tracked) return;
      tracked.acceptedCallbacks += 1;
      tracked.ackAt ??= entry.at;
      key = 'original';
    } else if (parts[1] === 'webhooks') {
      tracked = this.#byToken.get(parts[3] ?? '');
      if (!tracked) return;
      const followUp = entry.method === 'POST' ? (entry.response as { id?: string } | null)?.id : undefined;
      key = parts[5] === '@original' ? 'original' : (followUp ?? parts[5] ?? 'follow-up');
    } else if (parts[1] === 'channels' && parts[3] === 'messages') {
      const replyTo = (entry.body as { message_reference?: { message_id?: string } } | null)?.message_reference?.message_id;
      if (entry.method === 'POST' && parts.length === 4 && replyTo) {
        tracked = this.#byMessage.get(replyTo);
        const id = (entry.response as { id?: string } | null)?.id;
        if (!tracked || !id) return;
        this.#byMessage.set(id, tracked);
        tracked.ackAt ??= entry.at;
        key = id;
      } else if (entry.method === 'PATCH' && parts.length === 5) {
        key = parts[4] ?? '';
        tracked = this.#byMessage.get(key);
      }
    }
    if (!tracked || content === undefined) return;
    tracked.texts.set(key, { content, at: entry.at });
    this.#lastChange = Date.now();
  }

  /** Whether every request has a final text (or cannot get one any more) and nothing changed for `quietMs`. */
  settled(quietMs: number): boolean {
    this.poll();
    const now = Date.now();
    // An interaction not acknowledged within its window never will be (the server refuses late callbacks).
    const expired = (t: Tracked) => t.ackAt === undefined && t.ackWindowMs !== null && now - t.sentAt > t.ackWindowMs + 500;
    return now - this.#lastChange >= quietMs && this.all.every((tracked) => finalText(tracked) !== undefined || expired(tracked));
  }
}

/** The newest final (non-placeholder) text of a request. */
export function finalText(tracked: Tracked): { content: string; at: number } | undefined {
  let best: { content: string; at: number } | undefined;
  for (const text of tracked.texts.values()) if (isFinal(text.content) && (!best || text.at >= best.at)) best = text;
  return best;
}

/** How a request ended, from the member's side. */
export function outcomeOf(tracked: Tracked): Outcome {
  if (tracked.ackAt === undefined) return 'unacknowledged';
  const text = finalText(tracked)?.content;
  if (text === undefined) return 'lost';
  if (/I'm busy with|混み合っています/u.test(text)) return 'busy';
  if (/sending requests a little fast|リクエストが少し速すぎます/u.test(text)) return 'rate-limited';
  if (/\(reference [^)]+\)|参照番号|temporarily unavailable|一時的に利用できません/u.test(text)) return 'error';
  return 'answered';
}

/** Answered twice: more than one accepted callback, or the same final text in two bot messages. */
export function duplicated(tracked: Tracked): boolean {
  if (tracked.acceptedCallbacks > 1) return true;
  const finals = [...tracked.texts.values()].filter((text) => isFinal(text.content)).map((text) => text.content);
  return new Set(finals).size < finals.length;
}
