/**
 * The deterministic reading of a booking message: intent, date, time, party size and resource. It never books;
 * what it finds becomes a draft shown on a confirmation card.
 */
import { nameKey } from '../store/resources.ts';
import { type Intent, intentOf } from './intent.ts';
import { partyOf } from './party.ts';
import { type WhenContext, type WhenFields, whenOf } from './when.ts';

export interface ParseContext extends WhenContext {
  /** The server's resources, to recognise their names in the text. */
  resources: readonly { id: string; name: string }[];
}

/** Everything a message says about a booking; each field is absent when the text does not say it. */
export interface ParsedRequest extends Omit<WhenFields, 'spans'> {
  intent?: Intent;
  party?: number;
  resourceId?: string;
}

function blankSpans(text: string, spans: readonly [number, number][]): string {
  let out = text;
  for (const [from, to] of spans) out = out.slice(0, from) + ' '.repeat(to - from) + out.slice(to);
  return out;
}

/** The resource whose name appears in the text (the longest name wins: "Big room" over "room"). */
function resourceIn(text: string, resources: ParseContext['resources']): string | undefined {
  const lower = nameKey(text);
  const found = resources.filter((r) => lower.includes(nameKey(r.name))).sort((a, b) => b.name.length - a.name.length);
  return found[0]?.id;
}

export function parseRequest(raw: string, context: ParseContext): ParsedRequest {
  const text = raw.normalize('NFKC');
  const { spans, ...when } = whenOf(text, context);
  const party = partyOf(blankSpans(text, spans));
  const intent = intentOf(text);
  const resourceId = resourceIn(text, context.resources);
  return {
    ...when,
    ...(intent ? { intent } : {}),
    ...(party !== undefined ? { party } : {}),
    ...(resourceId ? { resourceId } : {}),
  };
}
