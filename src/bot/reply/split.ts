/**
 * Splits text into Discord-sized messages (2,000 characters). Cuts prefer paragraph, then line, then
 * sentence, then word boundaries; a cut inside a code block closes the fence and reopens it (with its
 * language) in the next part, so every part renders on its own.
 */
export const DISCORD_MESSAGE_LIMIT = 2000;

const FENCE = /^```(\S*)/u;

export function splitMessage(text: string, limit = DISCORD_MESSAGE_LIMIT): string[] {
  if (limit < 20) throw new RangeError('limit too small');
  const parts: string[] = [];
  let rest = text;
  let reopen = '';
  while (rest.length > 0) {
    const body = reopen + rest;
    if (body.length <= limit) {
      parts.push(body.trimEnd());
      break;
    }
    // Leave room to close an open fence ("\n```").
    const budget = limit - 4;
    const cut = bestCut(body, budget, reopen.length);
    let part = body.slice(0, cut);
    const fence = openFence(part);
    if (fence !== null) part = `${part.replace(/\n?$/u, '')}\n\`\`\``;
    parts.push(part.trimEnd());
    rest = body.slice(cut).replace(/^\n/u, '');
    reopen = fence !== null ? `\`\`\`${fence}\n` : '';
  }
  return parts.filter((part) => part.trim().length > 0);
}

/** The index to cut at: the last good boundary within `budget`, never before `minimum`. */
function bestCut(text: string, budget: number, minimum: number): number {
  const window = text.slice(0, budget);
  const floor = Math.max(minimum + 1, Math.floor(budget / 3));
  for (const pattern of [/\n\n/gu, /\n/gu, /[.!?。！？](?=\s|$)/gu, /\s/gu]) {
    let at = -1;
    for (const match of window.matchAll(pattern)) at = match.index + match[0].length;
    if (at >= floor) return at;
  }
  return budget;
}

/** The language of the code fence left open at the end of `text`, or null when none is open. */
function openFence(text: string): string | null {
  let open: string | null = null;
  for (const line of text.split('\n')) {
    const match = FENCE.exec(line.trim());
    if (!match) continue;
    open = open === null ? (match[1] ?? '') : null;
  }
  return open;
}
