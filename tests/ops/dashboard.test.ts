/**
 * The queue dashboard on the bot's operations port: bull-board over real BullMQ queues, behind basic auth
 * from the environment, refusing to run on a public address without credentials.
 */
import type { IncomingMessage } from 'node:http';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authorized, sameSecret } from '../../src/ops/basic-auth.ts';
import {
  createDashboard,
  dashboardAccess,
  dashboardFor,
  DASHBOARD_PATH,
  OpsMetrics,
  startOpsServer,
  type OpsServer,
} from '../../src/ops/index.ts';
import { cleanupRedis, testConfig } from '../helpers/env.ts';
import { captureLogs, freePort, get } from './helpers.ts';

const config = testConfig();
const redis = new Redis(config.redis.url);
const queues = ['faq', 'replies-bot'].map((name) => new Queue(name, { connection: redis, prefix: config.redis.prefix }));
const logs = captureLogs();
const credentials = { user: 'operator', password: 'correct horse: battery' };
const basic = (user: string, password: string) => ({ authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}` });
let server: OpsServer;

beforeAll(async () => {
  const dashboard = createDashboard({ queues, credentials, logger: logs.logger });
  const metrics = new OpsMetrics({ role: 'bot', processMetrics: false });
  server = (await startOpsServer({
    port: await freePort(),
    host: '127.0.0.1',
    metrics,
    readiness: [],
    dashboard,
    logger: logs.logger,
  })) as OpsServer;
  await queues[0]?.add('ask', { question: 'wifi?' }, { jobId: 'faq-1' });
});

afterAll(async () => {
  await server.close();
  for (const queue of queues) await queue.close();
  await cleanupRedis(config);
  redis.disconnect();
});

describe('dashboardAccess', () => {
  it('GIVEN a loopback address without credentials THEN the dashboard runs open (reach it through a tunnel)', () => {
    expect(dashboardAccess('127.0.0.1', {})).toEqual({ allowed: true });
  });

  it('GIVEN a public address without credentials THEN it refuses, saying what to set', () => {
    const access = dashboardAccess('0.0.0.0', {});
    expect(access.allowed).toBe(false);
    expect(access.allowed ? '' : access.reason).toBe(
      'http.host is 0.0.0.0, which is not loopback, and KOTODAMA_ADMIN_USER/KOTODAMA_ADMIN_PASSWORD are not set; set them, bind to 127.0.0.1, or turn the dashboard off (http.dashboard: false)',
    );
  });

  it('GIVEN only one of user and password THEN it refuses on any address', () => {
    expect(dashboardAccess('127.0.0.1', { KOTODAMA_ADMIN_USER: 'operator' })).toMatchObject({
      allowed: false,
      reason: expect.stringMatching(/only one is set/u),
    });
  });

  it('GIVEN both variables THEN it runs with those credentials on any address', () => {
    const env = { KOTODAMA_ADMIN_USER: 'operator', KOTODAMA_ADMIN_PASSWORD: 'pw' };
    expect(dashboardAccess('0.0.0.0', env)).toEqual({ allowed: true, credentials: { user: 'operator', password: 'pw' } });
  });
});

describe('dashboardFor', () => {
  it('GIVEN a public bind without credentials THEN no dashboard, and an error line says what to set', () => {
    const captured = captureLogs();
    expect(dashboardFor({ port: 9464, host: '0.0.0.0', dashboard: true }, queues, {}, captured.logger)).toBeUndefined();
    expect(captured.lines).toMatchObject([{ level: 50, reason: expect.stringMatching(/KOTODAMA_ADMIN_USER/u) }]);
    expect(captured.messages()[0]).toMatch(/^queue dashboard refused to start: http\.host is 0\.0\.0\.0/u);
  });

  it('GIVEN the dashboard turned off or no HTTP port THEN none, silently; GIVEN credentials THEN one', () => {
    const captured = captureLogs();
    expect(dashboardFor({ port: 9464, host: '0.0.0.0', dashboard: false }, queues, {}, captured.logger)).toBeUndefined();
    expect(dashboardFor({ port: 0, host: '127.0.0.1', dashboard: true }, queues, {}, captured.logger)).toBeUndefined();
    expect(captured.lines).toEqual([]);
    const env = { KOTODAMA_ADMIN_USER: 'operator', KOTODAMA_ADMIN_PASSWORD: 'pw' };
    expect(dashboardFor({ port: 9464, host: '0.0.0.0', dashboard: true }, queues, env, captured.logger)).toBeTypeOf('function');
  });
});

describe('basic auth', () => {
  const request = (headers: Record<string, string>) => ({ headers }) as unknown as IncomingMessage;

  it('GIVEN the right user and a password containing a colon THEN the request is authorized', () => {
    expect(authorized(request(basic('operator', 'correct horse: battery')), credentials)).toBe(true);
  });

  it('GIVEN a wrong user, a wrong password, a prefix of the password, another scheme or garbage THEN it is not', () => {
    for (const headers of [
      basic('root', 'correct horse: battery'),
      basic('operator', 'correct horse'),
      basic('operator', 'correct horse: battery!'),
      { authorization: 'Bearer abc' },
      { authorization: 'Basic !!!' },
      {},
    ])
      expect(authorized(request(headers), credentials)).toBe(false);
  });

  it('GIVEN secrets of different lengths THEN they compare unequal without throwing (digests are compared)', () => {
    expect(sameSecret('a', 'a much longer secret')).toBe(false);
    expect(sameSecret('same', 'same')).toBe(true);
  });
});

describe('dashboard over HTTP', () => {
  it('GIVEN no credentials THEN 401 with a Basic challenge, and no job data', async () => {
    const response = await fetch(`${server.url}${DASHBOARD_PATH}/api/queues`);
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toMatch(/^Basic realm=/u);
    expect(await response.text()).not.toContain('wifi');
  });

  it('GIVEN a wrong password THEN 401 and the refusal is logged with the address, not the password', async () => {
    expect((await get(`${server.url}${DASHBOARD_PATH}`, basic('operator', 'guess'))).status).toBe(401);
    const line = logs.lines.find((entry) => entry.msg === 'dashboard login refused');
    expect(line).toMatchObject({ remote: '127.0.0.1', path: DASHBOARD_PATH });
    expect(JSON.stringify(logs.lines)).not.toContain('guess');
  });

  it('GIVEN the credentials THEN the page, its scripts and the queue API answer with the real queues', async () => {
    const auth = basic(credentials.user, credentials.password);
    const page = await get(`${server.url}${DASHBOARD_PATH}`, auth);
    expect(page.status).toBe(200);
    expect(page.type).toMatch(/^text\/html/u);
    expect(page.body).toContain(`<base href="${DASHBOARD_PATH}/"`);
    const script = /<script[^>]+src="(static\/[^"]+)"/u.exec(page.body)?.[1];
    const asset = await get(new URL(script ?? 'missing', `${server.url}${DASHBOARD_PATH}/`).href, auth);
    expect(asset).toMatchObject({ status: 200, type: expect.stringMatching(/javascript/u) });
    const api = await get(`${server.url}${DASHBOARD_PATH}/api/queues`, auth);
    const names = (JSON.parse(api.body) as { queues: { name: string; counts: Record<string, number> }[] }).queues.map(
      (queue) => queue.name,
    );
    expect(names.sort()).toEqual(['faq', 'replies-bot']);
  });
});
