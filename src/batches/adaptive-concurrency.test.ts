import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createAdaptiveConcurrency } from './adaptive-concurrency.ts';

describe('createAdaptiveConcurrency', () => {
  it('never lets more than the limit run, and serves waiters in order', async () => {
    const limiter = createAdaptiveConcurrency({ maxConcurrency: 2 });
    const first = await limiter.acquire();
    await limiter.acquire();
    const order: number[] = [];
    const third = limiter.acquire().then((release) => (order.push(3), release));
    const fourth = limiter.acquire().then((release) => (order.push(4), release));
    await Promise.resolve();
    assert.equal(limiter.inFlight, 2);
    assert.equal(limiter.waiting, 2);
    first();
    first(); // a second release of the same slot is ignored
    await third;
    assert.deepEqual(order, [3]);
    assert.equal(limiter.inFlight, 2);
    assert.equal(limiter.waiting, 1);
    void fourth;
  });

  it('halves on a 429 once per cool-down and recovers one slot per run of successes', () => {
    let now = 0;
    const changes: number[] = [];
    const limiter = createAdaptiveConcurrency({
      maxConcurrency: 50,
      recoverAfterSuccesses: 3,
      cooldownMs: 1000,
      now: () => now,
      onLimitChange: (limit) => changes.push(limit),
    });
    limiter.rateLimited();
    limiter.rateLimited(); // the same burst: ignored
    assert.equal(limiter.limit, 25);
    now = 1500;
    limiter.rateLimited();
    assert.equal(limiter.limit, 12);
    for (let index = 0; index < 6; index += 1) limiter.succeeded(null);
    assert.equal(limiter.limit, 14);
    assert.deepEqual(changes, [25, 12, 13, 14]);
  });

  it('never drops below one nor rises above the maximum', () => {
    let now = 0;
    const limiter = createAdaptiveConcurrency({
      maxConcurrency: 3,
      recoverAfterSuccesses: 1,
      now: () => now,
    });
    for (let index = 0; index < 5; index += 1) {
      limiter.rateLimited();
      now += 10_000;
    }
    assert.equal(limiter.limit, 1);
    for (let index = 0; index < 10; index += 1) limiter.succeeded(null);
    assert.equal(limiter.limit, 3);
  });

  it('eases off by one when the headers say the quota is nearly used', () => {
    const limiter = createAdaptiveConcurrency({ maxConcurrency: 10 });
    limiter.succeeded(0.5);
    assert.equal(limiter.limit, 10);
    limiter.succeeded(0.05);
    assert.equal(limiter.limit, 9);
  });

  it('a lowered limit holds back waiters until enough slots are returned', async () => {
    const limiter = createAdaptiveConcurrency({ maxConcurrency: 4 });
    const releases = await Promise.all([1, 2, 3, 4].map(() => limiter.acquire()));
    limiter.rateLimited(); // limit 2 with 4 in flight
    let started = false;
    const waiter = limiter.acquire().then((release) => ((started = true), release));
    releases[0]?.();
    releases[1]?.();
    await Promise.resolve();
    assert.equal(started, false, 'still 2 in flight at limit 2');
    releases[2]?.();
    await waiter;
    assert.equal(started, true);
  });
});
