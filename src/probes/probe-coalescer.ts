import { randomUUID } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import type { Redis } from 'ioredis';
import type { Metrics } from '../metrics/metrics.ts';
import type { VersionProbe } from '../providers/provider-contract.ts';
import { hourBucket } from './hour-bucket.ts';
import { probeKey } from './probe-key.ts';
import { createRedisProbeStore, type RedisProbeStore } from './redis-probe-store.ts';

/** What one probe stands for: at most one per scope per UTC hour (docs/api-contract.md §5). */
export interface ProbeScope {
  readonly orgId: string;
  readonly workspaceId: string;
  readonly templateId: string;
  readonly provider: string;
  readonly model: string;
}

export interface ProbeCoalescer {
  /**
   * The scope's probe for the current hour: a result already known here or in Redis, a probe in
   * flight here or in a peer process, or else `runProbe`'s. Throws what `runProbe` throws (a
   * ProviderError); never throws a Redis error.
   */
  probe(scope: ProbeScope, runProbe: () => Promise<VersionProbe>): Promise<VersionProbe>;
}

export interface ProbeCoalescerDeps {
  /** Shares probes across processes; null (or a failing Redis) shares them in this process only. */
  readonly redis: Redis | null;
  readonly metrics: Metrics;
  readonly now: () => Date;
  /** How long to wait for a peer's probe before probing anyway; default 5000. */
  readonly peerWaitMs?: number;
  readonly log?: { warn(obj: object, msg: string): void };
}

type Turn =
  | { readonly outcome: 'stored'; readonly probe: VersionProbe }
  | { readonly outcome: 'locked' | 'peer_too_slow' | 'redis_failed' };

interface Entry {
  readonly bucket: string;
  readonly promise: Promise<VersionProbe>;
  result?: VersionProbe;
}

const maxEntries = 10_000;
const redisWarningIntervalMs = 60_000;

export function createProbeCoalescer(deps: ProbeCoalescerDeps): ProbeCoalescer {
  const { metrics, now, log } = deps;
  const peerWaitMs = deps.peerWaitMs ?? 5_000;
  const store = deps.redis === null ? null : createRedisProbeStore(deps.redis);
  const entries = new Map<string, Entry>();
  let currentBucket = '';
  let lastRedisWarning = -Infinity;

  function warnRedis(error: unknown): void {
    if (performance.now() - lastRedisWarning < redisWarningIntervalMs) return;
    lastRedisWarning = performance.now();
    log?.warn({ err: error }, 'Redis failed during probe coalescing; coalescing in this process');
  }

  async function run(scope: ProbeScope, runProbe: () => Promise<VersionProbe>) {
    metrics.probeAttempted(scope.provider, scope.model);
    try {
      return await runProbe();
    } catch (error) {
      metrics.probeFailed(scope.provider, scope.model);
      throw error;
    }
  }

  /** Runs the probe holding the lock: publishes a success, frees the lock after a failure. */
  async function runAsWinner(
    redis: RedisProbeStore,
    key: string,
    token: string,
    scope: ProbeScope,
    runProbe: () => Promise<VersionProbe>,
  ): Promise<VersionProbe> {
    let result: VersionProbe;
    try {
      result = await run(scope, runProbe);
    } catch (error) {
      await redis.releaseLock(key, token).catch(warnRedis);
      throw error;
    }
    await redis.writeResult(key, result).catch(warnRedis);
    return result;
  }

  async function probeAcrossProcesses(
    redis: RedisProbeStore,
    key: string,
    scope: ProbeScope,
    runProbe: () => Promise<VersionProbe>,
  ): Promise<VersionProbe> {
    const token = randomUUID();
    const turn = await waitForTurn(redis, key, token);
    switch (turn.outcome) {
      case 'stored':
        metrics.probeCoalesced(scope.provider, 'redis');
        return turn.probe;
      case 'locked':
        return runAsWinner(redis, key, token, scope, runProbe);
      case 'redis_failed':
        return run(scope, runProbe);
      case 'peer_too_slow': {
        const result = await run(scope, runProbe);
        await redis.writeResult(key, result).catch(warnRedis);
        return result;
      }
    }
  }

  /**
   * Reads a stored result or takes the lock, polling while a peer holds it, for up to
   * `peerWaitMs`. A peer whose probe failed frees the lock, so a waiter can take it over.
   */
  async function waitForTurn(redis: RedisProbeStore, key: string, token: string): Promise<Turn> {
    const deadline = performance.now() + peerWaitMs;
    try {
      for (let attempt = 0; attempt === 0 || performance.now() < deadline; attempt++) {
        if (attempt > 0) await delay(25 + Math.random() * 25);
        const probe = await redis.readResult(key);
        if (probe !== null) return { outcome: 'stored', probe };
        if (await redis.tryLock(key, token)) return { outcome: 'locked' };
      }
      return { outcome: 'peer_too_slow' };
    } catch (error) {
      warnRedis(error);
      return { outcome: 'redis_failed' };
    }
  }

  function remember(bucket: string, key: string, promise: Promise<VersionProbe>): void {
    if (bucket !== currentBucket) {
      for (const [oldKey, entry] of entries) if (entry.bucket !== bucket) entries.delete(oldKey);
      currentBucket = bucket;
    }
    if (entries.size >= maxEntries) {
      const oldest = entries.keys().next();
      if (oldest.done !== true) entries.delete(oldest.value);
    }
    const entry: Entry = { bucket, promise };
    entries.set(key, entry);
    promise.then(
      (result) => {
        entry.result = result;
      },
      () => {
        if (entries.get(key) === entry) entries.delete(key);
      },
    );
  }

  return {
    async probe(scope, runProbe) {
      const bucket = hourBucket(now());
      const key = probeKey(scope, bucket);
      const known = entries.get(key);
      if (known !== undefined) {
        const result = known.result ?? (await known.promise);
        metrics.probeCoalesced(scope.provider, 'in_process');
        return result;
      }
      const promise =
        store === null ? run(scope, runProbe) : probeAcrossProcesses(store, key, scope, runProbe);
      remember(bucket, key, promise);
      return promise;
    },
  };
}
