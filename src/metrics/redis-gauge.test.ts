// The Redis gauge with a scripted check and a recording setter. Fake: the Redis check.
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, it } from 'node:test';
import { startRedisGauge } from './redis-gauge.ts';

async function waitFor(condition: () => boolean, what: string): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt += 1) {
    if (condition()) return;
    await sleep(5);
  }
  assert.fail(`timed out waiting for ${what}`);
}

describe('startRedisGauge', () => {
  it('checks at once, then refreshes periodically', async () => {
    const answers = [true, false, true];
    const published: boolean[] = [];
    const gauge = startRedisGauge({
      check: () => Promise.resolve(answers[published.length] ?? true),
      setRedisUp: (up) => published.push(up),
      intervalMs: 10,
    });
    await waitFor(() => published.length >= 1, 'the immediate check');
    await waitFor(() => published.length >= 3, 'two refreshes');
    gauge.stop();
    assert.deepEqual(published.slice(0, 3), [true, false, true]);
  });

  it('publishes the first answer before the first interval elapses', async () => {
    const published: boolean[] = [];
    const gauge = startRedisGauge({
      check: () => Promise.resolve(true),
      setRedisUp: (up) => published.push(up),
      intervalMs: 60_000,
    });
    await waitFor(() => published.length === 1, 'the immediate check');
    gauge.stop();
    assert.deepEqual(published, [true]);
  });

  it('reports down when the check rejects, throws or hangs', async () => {
    const checks: Array<() => Promise<boolean>> = [
      () => Promise.reject(new Error('ECONNREFUSED')),
      () => {
        throw new Error('sync failure');
      },
      () => new Promise<boolean>(() => undefined),
    ];
    for (const check of checks) {
      const published: boolean[] = [];
      const gauge = startRedisGauge({
        check,
        setRedisUp: (up) => published.push(up),
        intervalMs: 60_000,
        timeoutMs: 20,
      });
      await waitFor(() => published.length === 1, 'a published value');
      gauge.stop();
      assert.deepEqual(published, [false]);
    }
  });

  it('never throws, even when publishing fails', async () => {
    let calls = 0;
    const gauge = startRedisGauge({
      check: () => Promise.resolve(true),
      setRedisUp: () => {
        calls += 1;
        throw new Error('metrics are broken');
      },
      intervalMs: 5,
    });
    await waitFor(() => calls >= 2, 'two refreshes');
    gauge.stop();
  });

  it('stops refreshing after stop()', async () => {
    let checks = 0;
    const gauge = startRedisGauge({
      check: () => {
        checks += 1;
        return Promise.resolve(true);
      },
      setRedisUp: () => undefined,
      intervalMs: 5,
    });
    await waitFor(() => checks >= 2, 'two checks');
    gauge.stop();
    const stoppedAt = checks;
    await sleep(40);
    assert.equal(checks, stoppedAt);
  });

  it('runs one check at a time', async () => {
    let running = 0;
    let overlapped = false;
    let checks = 0;
    const gauge = startRedisGauge({
      check: async () => {
        running += 1;
        checks += 1;
        if (running > 1) overlapped = true;
        await sleep(25);
        running -= 1;
        return true;
      },
      setRedisUp: () => undefined,
      intervalMs: 5,
      timeoutMs: 1_000,
    });
    await waitFor(() => checks >= 3, 'three checks');
    gauge.stop();
    assert.equal(overlapped, false);
  });
});
