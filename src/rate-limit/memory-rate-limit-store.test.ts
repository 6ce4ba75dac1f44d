import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createMemoryRateLimitStore } from './memory-rate-limit-store.ts';

// Pure: a pinned clock, no I/O.
describe('createMemoryRateLimitStore', () => {
  it('counts hits in a window that starts with the first hit, then starts again', async () => {
    let now = 1_000;
    const store = createMemoryRateLimitStore({ now: () => now });
    assert.deepEqual(await store.hit('a', 60_000), { count: 1, resetInMs: 60_000 });
    now += 15_000;
    assert.deepEqual(await store.hit('a', 60_000), { count: 2, resetInMs: 45_000 });
    assert.deepEqual(await store.hit('b', 60_000), { count: 1, resetInMs: 60_000 });
    now += 45_000;
    assert.deepEqual(await store.hit('a', 60_000), { count: 1, resetInMs: 60_000 });
  });

  it('keeps at most maxKeys counters, dropping ended windows and then the oldest', async () => {
    let now = 0;
    const store = createMemoryRateLimitStore({ now: () => now, maxKeys: 2 });
    await store.hit('old', 10);
    await store.hit('kept', 1_000);
    await store.hit('kept', 1_000);
    now = 20;
    await store.hit('new', 1_000); // "old" has ended and goes first
    assert.equal((await store.hit('kept', 1_000)).count, 3);
    await store.hit('newest', 1_000); // nothing ended: the oldest window ("kept") goes
    assert.equal((await store.hit('kept', 1_000)).count, 1);
  });
});
