/** `workers.layout`: the worker processes `npm start` forks, and onnxruntime's threads in each. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ConfigError, loadConfig, PROJECT_ROOT } from '../../src/config/index.ts';
import { workerGroups } from '../../src/config/workers.ts';
import { sessionOptions } from '../../src/inference/runtime.ts';
import { LANE_NAMES } from '../../src/lanes/index.ts';

describe('workers.layout', () => {
  it('GIVEN the default config THEN FAQ and reservations share a process, every other lane has its own, one thread each, no spinning', () => {
    const config = loadConfig({ env: {} });
    expect(config.workers.layout).toEqual([['faq', 'booking']]);
    expect(workerGroups(config.workers, LANE_NAMES)).toEqual([['faq', 'booking'], ['translate'], ['transcribe'], ['generate'], ['speak']]);
    expect(config.models.threads).toBe(1);
    expect(sessionOptions(config.models)).toEqual({
      intraOpNumThreads: 1,
      interOpNumThreads: 1,
      extra: { session: { intra_op: { allow_spinning: '0' }, inter_op: { allow_spinning: '0' } } },
    });
  });

  it('GIVEN groups THEN disabled lanes are dropped, empty groups vanish and unplaced lanes get their own process', () => {
    const [a, b, c, d] = LANE_NAMES as [string, string, string, string];
    expect(workerGroups({ layout: [[a, b], [c]] }, [a, c, d])).toEqual([[a], [c], [d]]);
    expect(workerGroups({ layout: [[b], [a, c, d]] }, [a, c, d])).toEqual([[a, c, d]]);
    expect(workerGroups({ layout: 'single' }, [a, c])).toEqual([[a, c]]);
    expect(workerGroups({ layout: 'single' }, [])).toEqual([]);
  });

  it('GIVEN a lane in two groups, or an unknown lane THEN start-up stops with a config error naming it', () => {
    const [a, b] = LANE_NAMES as [string, string];
    expect(() => loadConfig({ env: {}, overrides: { workers: { layout: [[a], [a, b]] } } })).toThrow(
      new RegExp(`workers.layout: lane ${a} is in more than one group`, 'u'),
    );
    expect(() => loadConfig({ env: {}, overrides: { workers: { layout: [['nope']] } } })).toThrow(ConfigError);
    expect(() => loadConfig({ env: {}, overrides: { workers: { layout: [[]] } } })).toThrow(/a group needs at least one lane/u);
  });

  it('GIVEN threads 0 and spinning on THEN onnxruntime chooses its threads and may spin', () => {
    expect(sessionOptions({ threads: 0, spinning: true })).toEqual({
      extra: { session: { intra_op: { allow_spinning: '1' }, inter_op: { allow_spinning: '1' } } },
    });
  });
});

describe('docker-compose.yml', () => {
  type Service = { command?: string[]; stop_grace_period?: string; deploy?: { resources?: { limits?: { memory?: string } } } };
  const compose = parse(readFileSync(path.join(PROJECT_ROOT, 'docker-compose.yml'), 'utf8'), { merge: true }) as {
    services: Record<string, Service>;
  };
  const workers = Object.entries(compose.services).filter(([, service]) => service.command?.includes('src/worker.ts'));

  it('GIVEN the worker services THEN each lane is served by exactly one, like npm start', () => {
    const lanes = workers.flatMap(([, service]) => (service.command?.at(-1) ?? '').split(','));
    expect([...lanes].sort()).toEqual([...LANE_NAMES].sort());
  });

  it("GIVEN a worker service THEN its stop grace outlasts the worker's 30 s hand-back and it has a memory limit", () => {
    expect(workers.length).toBeGreaterThan(0);
    for (const [, service] of workers) {
      expect(Number.parseInt(service.stop_grace_period ?? '0', 10)).toBeGreaterThan(30);
      expect(service.deploy?.resources?.limits?.memory).toMatch(/^\d+[mg]$/u);
    }
  });
});
