/** Reading request bodies: JSON, or multipart/form-data with `payload_json` and `files[n]`. */
import type { IncomingMessage } from 'node:http';
import { DiscordHttpError } from './errors.ts';
import type { UploadedFile } from './types.ts';

export interface ParsedBody {
  body: unknown;
  files: UploadedFile[];
}

export async function readRaw(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

const invalidJson = () => new DiscordHttpError(400, 50109, 'The request body contains invalid JSON.');

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw invalidJson();
  }
}

export async function parseBody(raw: Buffer, contentType: string | undefined): Promise<ParsedBody> {
  if (raw.length === 0) return { body: null, files: [] };
  const type = (contentType ?? '').toLowerCase();
  if (type.startsWith('multipart/form-data')) {
    // Node's fetch Request implements the multipart parser.
    const form = await new Request('http://local/', {
      method: 'POST',
      headers: { 'content-type': contentType ?? '' },
      body: raw,
    }).formData();
    let body: unknown = null;
    const files: UploadedFile[] = [];
    for (const [field, value] of form.entries()) {
      if (typeof value === 'string') {
        if (field === 'payload_json') body = parseJson(value);
        else if (body === null || typeof body === 'object') body = { ...(body as object | null), [field]: value };
      } else {
        files.push({
          field,
          name: value.name,
          contentType: value.type || 'application/octet-stream',
          bytes: Buffer.from(await value.arrayBuffer()),
        });
      }
    }
    return { body, files };
  }
  if (type.startsWith('application/json')) return { body: parseJson(raw.toString('utf8')), files: [] };
  throw new DiscordHttpError(400, 50035, 'Invalid Form Body');
}
