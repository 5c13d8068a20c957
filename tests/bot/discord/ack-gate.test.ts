/**
 * Acknowledgements first (issue 13 row 5): follow-up work waits while many acknowledgements are in flight, goes
 * ahead as soon as they drop below the limit, and never waits longer than the cap (a slow Discord under steady load
 * must not starve it).
 */
import { describe, expect, it } from 'vitest';
import { AckGate } from '../../../src/bot/discord/ack-gate.ts';

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('AckGate', () => {
  it('GIVEN fewer acknowledgements in flight than the limit THEN follow-up work goes ahead at once', async () => {
    const gate = new AckGate(2, 10_000);
    const pending = deferred();
    const ack = gate.acknowledge(() => pending.promise);
    let cleared = false;
    void gate.clear().then(() => (cleared = true));
    await tick();
    expect(gate.inFlight).toBe(1);
    expect(cleared).toBe(true);
    pending.resolve();
    await ack;
  });

  it('GIVEN a burst in flight THEN follow-up work waits until they drop below the limit', async () => {
    const gate = new AckGate(2, 10_000);
    const sends = [deferred(), deferred(), deferred()];
    const acks = sends.map((send) => gate.acknowledge(() => send.promise));
    let cleared = false;
    void gate.clear().then(() => (cleared = true));
    sends[0]?.resolve();
    await tick();
    expect(cleared).toBe(false); // two still in flight
    sends[1]?.resolve();
    await tick();
    expect(cleared).toBe(true);
    sends[2]?.resolve();
    await Promise.all(acks);
    expect(gate.inFlight).toBe(0);
  });

  it('GIVEN a failed acknowledgement THEN it stops counting and the error reaches the caller', async () => {
    const gate = new AckGate(1, 10_000);
    await expect(gate.acknowledge(() => Promise.reject(new Error('Unknown interaction')))).rejects.toThrow('Unknown interaction');
    expect(gate.inFlight).toBe(0);
    await expect(gate.clear()).resolves.toBeUndefined();
  });

  it('GIVEN acknowledgements that never come back THEN follow-up work goes ahead after the cap', async () => {
    const gate = new AckGate(1, 50);
    const stuck = deferred();
    void gate.acknowledge(() => stuck.promise);
    const started = performance.now();
    await gate.clear();
    expect(performance.now() - started).toBeGreaterThanOrEqual(45);
    stuck.resolve();
  });
});
