import type { RateLimitStore, RateLimitWindow } from './rate-limit-store.ts';

export interface MemoryRateLimitStoreOptions {
  /** Milliseconds since the epoch; injected so tests can move time. */
  readonly now?: () => number;
  /** Keys kept at most; past it, ended windows go first, then the oldest windows. Default 10,000. */
  readonly maxKeys?: number;
}

interface Counter {
  count: number;
  endsAt: number;
}

/** Counters in this process: correct for one instance, N× the limit across N instances. */
export function createMemoryRateLimitStore(
  options: MemoryRateLimitStoreOptions = {},
): RateLimitStore {
  const now = options.now ?? Date.now;
  const maxKeys = options.maxKeys ?? 10_000;
  const counters = new Map<string, Counter>();

  function makeRoom(at: number): void {
    for (const [key, counter] of counters) {
      if (counter.endsAt <= at) counters.delete(key);
    }
    // Map iteration follows insertion, and a new window re-inserts its key: oldest windows first.
    for (const key of counters.keys()) {
      if (counters.size < maxKeys) break;
      counters.delete(key);
    }
  }

  return {
    hit(key: string, windowMs: number): Promise<RateLimitWindow> {
      const at = now();
      let counter = counters.get(key);
      if (counter === undefined || counter.endsAt <= at) {
        counters.delete(key);
        if (counters.size >= maxKeys) makeRoom(at);
        counter = { count: 0, endsAt: at + windowMs };
        counters.set(key, counter);
      }
      counter.count += 1;
      return Promise.resolve({ count: counter.count, resetInMs: counter.endsAt - at });
    },
  };
}
