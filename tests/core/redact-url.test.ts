/** URLs in logs and messages: credentials and secret-looking query values never survive. */
import { describe, expect, it } from 'vitest';
import { redactErrorUrls, redactUrl, redactUrlsIn } from '../../src/core/redact-url.ts';

describe('redactUrl', () => {
  it('GIVEN a URL with user and password THEN both are masked and the host, port and path stay', () => {
    expect(redactUrl('https://admin:s3cret@llm.example.com:8443/v1')).toBe('https://***:***@llm.example.com:8443/v1');
    expect(redactUrl('redis://:only-password@redis:6379/2')).toBe('redis://:***@redis:6379/2');
  });

  it('GIVEN secret query values THEN they are masked and the other parameters stay', () => {
    expect(redactUrl('https://cdn.discordapp.com/a/b.ogg?ex=1&is=2&hm=abcdef')).toBe('https://cdn.discordapp.com/a/b.ogg?ex=1&is=2&hm=***');
    expect(redactUrl('http://127.0.0.1:8080/v1?api_key=k&model=m&access_token=t')).toBe(
      'http://127.0.0.1:8080/v1?api_key=***&model=m&access_token=***',
    );
  });

  it('GIVEN something that is not a URL THEN it is not echoed', () => {
    expect(redactUrl('not a url with secret')).toBe('(unparseable URL)');
  });
});

describe('redactUrlsIn and redactErrorUrls', () => {
  it('GIVEN an error quoting a URL with a password THEN message, stack and cause lose the password', () => {
    const cause = new Error('connect to https://u:pw-in-cause@host/x failed');
    const error = new TypeError('Request cannot be constructed from a URL that includes credentials: http://a:pw-top@127.0.0.1:9/v1', {
      cause,
    });
    const safe = redactErrorUrls(error) as Error;
    expect(safe.name).toBe('TypeError');
    expect(safe.message).toBe('Request cannot be constructed from a URL that includes credentials: http://***:***@127.0.0.1:9/v1');
    expect(JSON.stringify([safe.message, safe.stack, (safe.cause as Error).message])).not.toMatch(/pw-top|pw-in-cause/u);
  });

  it('GIVEN free text with two URLs THEN each is redacted in place', () => {
    expect(redactUrlsIn('from redis://:p@r:6379 to https://x.test/?token=t.')).toBe(
      'from redis://:***@r:6379 to https://x.test/?token=***.',
    );
  });
});
