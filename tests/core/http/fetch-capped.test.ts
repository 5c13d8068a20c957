/**
 * Issue 13 row 13: a FAQ import attachment declared as 200 bytes but serving 300 MiB was read whole (bot memory
 * 167 -> 1,034 MB). `fetchCapped` refuses a body over its cap, declared or actual, without reading it whole.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../../../src/core/errors.ts';
import { fetchCapped, type CappedFetchOptions } from '../../../src/core/http/fetch-capped.ts';
import { gzipBomb, LyingServer, MiB, stream } from './lying-server.ts';
import { verbatim } from '../../../src/i18n/text.ts';

const CAP = 256 * 1024;
const server = new LyingServer()
  .route('/faq.csv', (res) => void res.writeHead(200, { 'content-type': 'text/csv' }).end('id,question,answer\nhi,hello?,hi there\n'))
  .route('/huge-chunked.csv', async (res, served) => {
    res.writeHead(200, { 'content-type': 'text/csv' });
    await stream(res, served, 300 * MiB);
  })
  .route('/huge-declared.csv', async (res, served) => {
    res.writeHead(200, { 'content-type': 'text/csv', 'content-length': String(300 * MiB) });
    await stream(res, served, 300 * MiB);
  })
  // Large enough that the server is still compressing when the client gives up (64 MiB sometimes finished first).
  .route('/bomb.csv', (res, served) => gzipBomb(res, served, 1024 * MiB))
  .route('/redirect', (res) => void res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end())
  .route('/gone', (res) => void res.writeHead(403).end('expired'));

beforeAll(() => server.start());
afterAll(() => server.close());

const options = (extra: Partial<CappedFetchOptions> = {}): CappedFetchOptions => ({
  maxBytes: CAP,
  allowedHosts: [server.host],
  tooLarge: (bytes) => new UserError('bad_request', verbatim(bytes === undefined ? 'too large' : `too large: ${bytes}`)),
  ...extra,
});

async function refusal(promise: Promise<unknown>): Promise<UserError> {
  const error = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(UserError);
  return error as UserError;
}

const servedOf = (path: string) => server.served.filter((s) => s.path === path).at(-1);

describe('fetchCapped', () => {
  it('GIVEN a file within the cap THEN its exact bytes come back', async () => {
    const bytes = await fetchCapped(server.url('/faq.csv'), options({ declaredBytes: 37 }));
    expect(new TextDecoder().decode(bytes)).toBe('id,question,answer\nhi,hello?,hi there\n');
  });

  it('GIVEN an attachment declared as 200 bytes whose server streams 300 MiB THEN it is refused long before the end', async () => {
    const error = await refusal(fetchCapped(server.url('/huge-chunked.csv'), options({ declaredBytes: 200 })));
    expect(error.message).toBe('too large');
    // The client hung up: the socket took at most the cap plus transport buffers, nowhere near 300 MiB.
    await expect.poll(() => servedOf('/huge-chunked.csv')?.closed).toBe(true);
    expect(servedOf('/huge-chunked.csv')).toMatchObject({ finished: false });
    expect(servedOf('/huge-chunked.csv')?.written).toBeLessThan(32 * MiB);
  });

  it('GIVEN a Content-Length over the cap THEN it is refused from the header, naming the declared size', async () => {
    const error = await refusal(fetchCapped(server.url('/huge-declared.csv'), options()));
    expect(error.message).toBe(`too large: ${300 * MiB}`);
    await expect.poll(() => servedOf('/huge-declared.csv')?.closed).toBe(true);
    expect(servedOf('/huge-declared.csv')?.written).toBeLessThan(32 * MiB);
  });

  it('GIVEN a declared attachment size over the cap THEN no request is made', async () => {
    const before = server.served.length;
    const error = await refusal(fetchCapped(server.url('/faq.csv'), options({ declaredBytes: CAP + 1 })));
    expect(error.message).toBe(`too large: ${CAP + 1}`);
    expect(server.served.length).toBe(before);
  });

  it('GIVEN a small gzip body that inflates to 1 GiB THEN the inflated bytes count against the cap', async () => {
    expect((await refusal(fetchCapped(server.url('/bomb.csv'), options()))).message).toBe('too large');
    await expect.poll(() => servedOf('/bomb.csv')?.closed).toBe(true);
    expect(servedOf('/bomb.csv')?.finished).toBe(false);
  });

  it('GIVEN a redirect to the cloud metadata address or a foreign host THEN nothing is fetched from there', async () => {
    expect((await refusal(fetchCapped(server.url('/redirect'), options()))).code).toBe('attachment_refused');
    const foreign = await refusal(fetchCapped('https://evil.example.com/faq.csv', options()));
    expect(foreign.code).toBe('attachment_refused');
    expect(foreign.message).toContain('evil.example.com');
  });

  it('GIVEN an expired link THEN the member is told to attach it again, with the status', async () => {
    const error = await refusal(fetchCapped(server.url('/gone'), options()));
    expect(error.code).toBe('attachment_refused');
    expect(error.message).toContain('HTTP 403');
  });
});
