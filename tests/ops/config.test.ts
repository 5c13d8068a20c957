/** Operations config: the http and watchdog sections, their environment variables, and the ports of forked workers. */
import { describe, expect, it } from 'vitest';
import { httpConfigSchema, httpEnvOverrides, isLoopback, OPS_DEFAULTS, watchdogConfigSchema, workerPorts } from '../../src/ops/index.ts';

describe('ops config', () => {
  it('GIVEN the documented defaults THEN they are valid: HTTP off, loopback, dashboard on, watchdog per lane', () => {
    expect(httpConfigSchema.parse(OPS_DEFAULTS.http)).toEqual({ port: 0, host: '127.0.0.1', dashboard: true });
    expect(watchdogConfigSchema.parse(OPS_DEFAULTS.watchdog)).toEqual({ stallSec: 0, maxEventLoopLagMs: 10_000, holdSec: 30 });
  });

  it('GIVEN KOTODAMA_HTTP_PORT and KOTODAMA_HTTP_HOST THEN they set http.port and http.host; a bad port reaches validation as text', () => {
    expect(httpEnvOverrides({ KOTODAMA_HTTP_PORT: ' 9464 ', KOTODAMA_HTTP_HOST: '0.0.0.0' })).toEqual({
      http: { port: 9464, host: '0.0.0.0' },
    });
    expect(httpEnvOverrides({})).toEqual({});
    const bad = httpEnvOverrides({ KOTODAMA_HTTP_PORT: 'ninety' });
    expect(bad).toEqual({ http: { port: 'ninety' } });
    const issues = httpConfigSchema.safeParse({ ...OPS_DEFAULTS.http, ...bad.http }).error?.issues ?? [];
    expect(issues.map((issue) => issue.path.join('.'))).toEqual(['port']);
  });

  it('GIVEN a bot on port 9464 and two forked workers THEN the workers get 9465 and 9466; with HTTP off they get 0', () => {
    expect(workerPorts(9464, 2)).toEqual([9465, 9466]);
    expect(workerPorts(0, 2)).toEqual([0, 0]);
    expect(() => workerPorts(65_535, 1)).toThrow(/no room/u);
  });

  it('GIVEN bind addresses THEN only loopback ones count as loopback', () => {
    expect(['127.0.0.1', '127.1.2.3', 'localhost', '::1', '[::1]'].map(isLoopback)).toEqual([true, true, true, true, true]);
    expect(['0.0.0.0', '::', '10.0.0.5', '192.168.1.2', 'kotodama.example.com'].map(isLoopback)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
  });
});
