import { mkdtempSync, mkdirSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, PROJECT_ROOT } from '../../src/config/index.ts';

/** A throwaway project root holding the real default.yaml plus extra files. */
function root(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'kotodama-config-'));
  mkdirSync(path.join(dir, 'config'));
  cpSync(path.join(PROJECT_ROOT, 'config/default.yaml'), path.join(dir, 'config/default.yaml'));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

function loadError(options: Parameters<typeof loadConfig>[0]): string {
  try {
    loadConfig(options);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('expected the config to be rejected');
}

describe('config loading', () => {
  it('GIVEN only the defaults THEN every lane is configured and the result is frozen', () => {
    const config = loadConfig({ env: {} });
    expect(Object.keys(config.lanes)).toEqual(['faq', 'translate', 'transcribe', 'generate', 'speak', 'booking']);
    expect(config.lanes.faq.dtype).toBe('q8');
    expect(path.isAbsolute(config.models.dir)).toBe(true);
    expect(Object.isFrozen(config.lanes.faq)).toBe(true);
    expect(() => {
      (config.redis as { url: string }).url = 'redis://elsewhere';
    }).toThrow();
  });

  it('GIVEN environment variables THEN they override the files', () => {
    const config = loadConfig({
      env: {
        REDIS_URL: 'redis://db:6380',
        MODELS_DIR: '/srv/models',
        KOTODAMA_OFFLINE: '1',
        DISCORD_TOKEN: 'abc',
        DISCORD_ATTACHMENT_HOSTS: 'cdn.discordapp.com, 127.0.0.1:8080',
      },
    });
    expect(config.redis.url).toBe('redis://db:6380');
    expect(config.models.dir).toBe('/srv/models');
    expect(config.models.allowRemote).toBe(false);
    expect(config.discord.token).toBe('abc');
    expect(config.attachments.hosts).toEqual(['cdn.discordapp.com', '127.0.0.1:8080']);
  });

  it('GIVEN the fixtures profile THEN every lane points at a committed tiny model, offline', () => {
    const config = loadConfig({ env: { KOTODAMA_PROFILE: 'fixtures' } });
    expect(config.models.allowRemote).toBe(false);
    expect(config.models.dir).toBe(path.join(PROJECT_ROOT, 'tests/fixtures/models'));
    expect(Object.values(config.lanes).map((lane) => lane.model)).toEqual([
      'tiny-random-bert',
      'tiny-random-marian-en-de',
      'tiny-random-whisper',
      'tiny-random-qwen2',
      'tiny-random-supertonic',
      '', // booking: no model
    ]);
  });

  it('GIVEN several bad keys THEN one error lists every one of them with the reason', () => {
    const dir = root({ 'bad.yaml': 'lanes:\n  faq:\n    dtype: q9\n    concurrency: 0\nredis:\n  url: http://x\nlimts: {}\n' });
    const message = loadError({ env: { KOTODAMA_CONFIG: 'bad.yaml' }, root: dir });
    expect(message).toMatch(/4 problems/u);
    expect(message).toContain('lanes.faq.dtype');
    expect(message).toContain('"q9"');
    expect(message).toContain('lanes.faq.concurrency');
    expect(message).toContain('redis.url: must start with redis://');
    expect(message).toContain('unknown key(s) limts');
  });

  it('GIVEN a bad token type THEN the error names the key but never shows the secret', () => {
    const message = loadError({
      env: { DISCORD_TOKEN: 'MTIzNDU2.secret-value' },
      overrides: { discord: { token: 42, extra: 'MTIzNDU2.secret-value' } },
    });
    expect(message).toContain('discord.token');
    expect(message).not.toContain('secret-value');
  });

  it('GIVEN an unknown profile or broken YAML THEN the message says which file', () => {
    expect(loadError({ env: { KOTODAMA_PROFILE: 'nope' } })).toContain('config/nope.yaml');
    const dir = root({ 'broken.yaml': 'lanes: [unclosed\n' });
    expect(loadError({ env: { KOTODAMA_CONFIG: 'broken.yaml' }, root: dir })).toMatch(/broken\.yaml is not valid YAML/u);
  });
});
