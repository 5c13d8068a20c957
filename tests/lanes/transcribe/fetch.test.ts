/**
 * Getting a transcription job's audio bytes. Issue 13 row 17: a zero-byte file sent in the local chat was
 * refused by the job schema as "audio.base64: Too small…", which tells a member nothing.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../../../src/core/errors.ts';
import { fetchAudio } from '../../../src/lanes/transcribe/fetch.ts';
import { transcribeInputSchema } from '../../../src/lanes/transcribe/schema.ts';

let server: Server;
let host = '';

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/empty.ogg') res.writeHead(200, { 'content-type': 'audio/ogg', 'content-length': '0' }).end();
    else res.writeHead(200, { 'content-type': 'audio/ogg' }).end(Buffer.from('OggS fake bytes'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const limits = () => ({ maxBytes: 1024 * 1024, allowedHosts: [host] });

async function refusal(promise: Promise<unknown>): Promise<UserError> {
  const error = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(UserError);
  return error as UserError;
}

describe('fetchAudio', () => {
  it('GIVEN a zero-byte file in the local chat THEN the job is accepted and the member reads that the file is empty', async () => {
    const input = transcribeInputSchema.safeParse({ audio: { kind: 'inline', base64: '', name: 'empty.ogg' } });
    expect(input.success).toBe(true);
    const error = await refusal(fetchAudio(input.data?.audio ?? { kind: 'inline', base64: '' }, limits()));
    expect(error.message).toBe('This file is empty.');
  });

  it('GIVEN an attachment URL that serves zero bytes THEN the member reads that the file is empty', async () => {
    const error = await refusal(fetchAudio({ kind: 'url', url: `http://${host}/empty.ogg` }, limits()));
    expect(error.message).toBe('This file is empty.');
  });

  it('GIVEN an allowed URL THEN its bytes come back as they were served', async () => {
    const bytes = await fetchAudio({ kind: 'url', url: `http://${host}/voice.ogg` }, limits());
    expect(Buffer.from(bytes).toString()).toBe('OggS fake bytes');
  });
});
