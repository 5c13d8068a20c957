/** Attachment storage and the CDN-like file route `GET|HEAD /attachments/<channel>/<id>/<name>`. */
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { APIAttachment } from 'discord.js';
import { snowflake } from '../snowflake.ts';
import type { DiscordState } from '../state.ts';

export interface FileExtras {
  id?: string;
  description?: string;
  title?: string;
  durationSecs?: number;
  waveform?: string;
}

/** Like the CDN, which only stores safe file names. */
function safeFilename(name: string): string {
  const cleaned = name.replace(/[^\w.-]+/g, '_');
  return cleaned === '' ? 'unknown' : cleaned;
}

/** Stores bytes and returns the attachment object Discord would put on a message, with a URL on this server. */
export function storeFile(
  state: DiscordState,
  baseUrl: string,
  channelId: string,
  filename: string,
  contentType: string,
  bytes: Buffer,
  extras: FileExtras = {},
): APIAttachment {
  const id = extras.id ?? snowflake();
  const name = safeFilename(filename);
  state.files.set(`${channelId}/${id}/${name}`, { channelId, id, filename: name, contentType, bytes });
  const now = Math.floor(Date.now() / 1000);
  // Signed CDN URLs carry ex (expiry), is (issued) and hm (signature) query parameters.
  const hm = createHash('sha256').update(`${channelId}/${id}/${name}`).digest('hex');
  const query = `?ex=${(now + 86_400).toString(16)}&is=${now.toString(16)}&hm=${hm}&`;
  const path = `/attachments/${channelId}/${id}/${encodeURIComponent(name)}`;
  const attachment: APIAttachment = {
    id,
    filename: name,
    size: bytes.length,
    url: `${baseUrl}${path}${query}`,
    proxy_url: `${baseUrl}${path}${query}`,
    content_type: contentType,
  };
  if (extras.description !== undefined) attachment.description = extras.description;
  if (extras.title !== undefined) attachment.title = extras.title;
  if (extras.durationSecs !== undefined) attachment.duration_secs = extras.durationSecs;
  if (extras.waveform !== undefined) attachment.waveform = extras.waveform;
  return attachment;
}

/** Serves a stored file; returns the status it answered. */
export function serveFile(state: DiscordState, req: IncomingMessage, res: ServerResponse, path: string): number {
  const [, , channelId = '', id = '', ...rest] = path.split('/');
  let name: string;
  try {
    name = decodeURIComponent(rest.join('/'));
  } catch {
    name = '';
  }
  const file = state.files.get(`${channelId}/${id}/${name}`);
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { allow: 'GET, HEAD' }).end();
    return 405;
  }
  if (!file) {
    res.writeHead(404, { 'content-type': 'text/plain' }).end(req.method === 'HEAD' ? undefined : 'Not Found');
    return 404;
  }
  res.writeHead(200, {
    'content-type': file.contentType,
    'content-length': String(file.bytes.length),
    'accept-ranges': 'none',
    'cache-control': 'public, max-age=31536000',
    'content-disposition': `attachment; filename="${file.filename}"`,
  });
  res.end(req.method === 'HEAD' ? undefined : file.bytes);
  return 200;
}
