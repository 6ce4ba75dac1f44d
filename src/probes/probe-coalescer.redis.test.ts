// Real Redis (PROMPTER_TEST_REDIS_URL), two connections standing in for two processes; the
// probes are fakes that count their runs. Every test uses its own random template id.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { Redis } from 'ioredis';
import {
  deadRedisUrl,
  deleteKeys,
  openTestRedis,
  testRedisSkipReason,
} from '../../test/helpers/test-redis.ts';
import { noopMetrics, type Metrics } from '../metrics/metrics.ts';
import { emptyVersionParts, type VersionProbe } from '../providers/provider-contract.ts';
import { ProviderError } from '../providers/provider-error.ts';
import { openRedis } from '../redis/open-redis.ts';
import { hourBucket } from './hour-bucket.ts';
import { createProbeCoalescer } from './probe-coalescer.ts';
import type { ProbeScope } from './probe-scope.ts';
import { probeKey } from './probe-key.ts';

const now = () => new Date();

function scopeFor(templateId: string): ProbeScope {
  return {
    orgId: 'default',
    workspaceId: 'brand-a',
    templateId,
    provider: 'openai',
    model: 'gpt-4o',
  };
}

function coalescedFrom(source: 'redis' | 'in_process'): { metrics: Metrics; count: () => number } {
  let count = 0;
  return {
    count: () => count,
    metrics: {
      ...noopMetrics,
      probeCoalesced: (_provider, from) => {
        if (from === source) count++;
      },
    },
  };
}

function countingProbe(delayMs = 50): {
  runProbe: () => Promise<VersionProbe>;
  runs: () => number;
} {
  let runs = 0;
  return {
    runs: () => runs,
    runProbe: async () => {
      runs++;
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      return {
        versionKey: `fp_run_${runs}`,
        versionParts: { ...emptyVersionParts, servedModelId: 'gpt-4o' },
      };
    },
  };
}

describe('createProbeCoalescer (with Redis)', { skip: testRedisSkipReason }, () => {
  let first: Redis;
  let second: Redis;
  const connections: Redis[] = [];
  const templates: string[] = [];
  const newTemplate = () => {
    const templateId = `test-${randomUUID()}`;
    templates.push(templateId);
    return templateId;
  };

  before(async () => {
    first = await openTestRedis();
    second = await openTestRedis();
    connections.push(first, second);
  });

  after(async () => {
    // Empty when `before` failed (CI without PROMPTER_TEST_REDIS_URL).
    const [cleaner] = connections;
    if (cleaner === undefined) return;
    for (const templateId of templates) await deleteKeys(cleaner, `probe:*:${templateId}:*`);
    await Promise.all(connections.map((connection) => connection.quit()));
  });

  it('probes once for 20 callers in each of two processes', async () => {
    const scope = scopeFor(newTemplate());
    const left = coalescedFrom('redis');
    const right = coalescedFrom('redis');
    const one = createProbeCoalescer({ redis: first, metrics: left.metrics, now });
    const two = createProbeCoalescer({ redis: second, metrics: right.metrics, now });
    const { runProbe, runs } = countingProbe();
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, index) =>
        (index % 2 === 0 ? one : two).probe(scope, runProbe),
      ),
    );
    assert.equal(runs(), 1);
    assert.ok(results.every((result) => result.versionKey === 'fp_run_1'));
    assert.equal(left.count() + right.count(), 1, 'the losing process reused the result once');
  });

  it('stores the lock and the result under the contract key for an hour', async () => {
    const scope = scopeFor(newTemplate());
    const { runProbe } = countingProbe(0);
    const probe = await createProbeCoalescer({ redis: first, metrics: noopMetrics, now }).probe(
      scope,
      runProbe,
    );
    const key = probeKey(scope, hourBucket(now()));
    assert.equal(
      key,
      `probe:default:brand-a:${scope.templateId}:openai:gpt-4o:${hourBucket(now())}`,
    );
    assert.deepEqual(JSON.parse((await first.get(`${key}:result`)) ?? 'null'), probe);
    for (const stored of [key, `${key}:result`]) {
      const ttl = await first.ttl(stored);
      assert.ok(ttl > 3500 && ttl <= 3600, `${stored} expires in ${ttl} s`);
    }
  });

  it('reuses a result another process stored earlier, without probing', async () => {
    const scope = scopeFor(newTemplate());
    await createProbeCoalescer({ redis: first, metrics: noopMetrics, now }).probe(
      scope,
      countingProbe(0).runProbe,
    );
    const later = coalescedFrom('redis');
    const { runProbe, runs } = countingProbe();
    const probe = await createProbeCoalescer({ redis: second, metrics: later.metrics, now }).probe(
      scope,
      runProbe,
    );
    assert.equal(probe.versionKey, 'fp_run_1');
    assert.equal(runs(), 0);
    assert.equal(later.count(), 1);
  });

  it('treats an unreadable stored result as missing and probes', async () => {
    const scope = scopeFor(newTemplate());
    const key = probeKey(scope, hourBucket(now()));
    await first.set(`${key}:result`, '{"versionKey": 42', 'EX', 60);
    const { runProbe, runs } = countingProbe(0);
    const coalescer = createProbeCoalescer({ redis: second, metrics: noopMetrics, now });
    assert.equal((await coalescer.probe(scope, runProbe)).versionKey, 'fp_run_1');
    assert.equal(runs(), 1);
  });

  it('frees the lock when the winner fails, so a waiting peer probes', async () => {
    const scope = scopeFor(newTemplate());
    const failing = async (): Promise<VersionProbe> => {
      await new Promise((resolve) => setTimeout(resolve, 100));
      throw new ProviderError({
        provider: 'openai',
        kind: 'http_error',
        status: 500,
        message: 'down',
      });
    };
    const winner = createProbeCoalescer({ redis: first, metrics: noopMetrics, now }).probe(
      scope,
      failing,
    );
    await new Promise((resolve) => setTimeout(resolve, 20));
    const { runProbe, runs } = countingProbe(0);
    const started = performance.now();
    const peer = createProbeCoalescer({
      redis: second,
      metrics: noopMetrics,
      now,
      peerWaitMs: 10_000,
    }).probe(scope, runProbe);
    await assert.rejects(winner, ProviderError);
    assert.equal((await peer).versionKey, 'fp_run_1');
    assert.equal(runs(), 1);
    assert.ok(performance.now() - started < 2_000, 'the peer did not wait out peerWaitMs');
  });

  it('probes anyway after peerWaitMs when the lock holder never answers', async () => {
    const scope = scopeFor(newTemplate());
    const key = probeKey(scope, hourBucket(now()));
    await first.set(key, 'a-process-that-died', 'EX', 60);
    const { runProbe, runs } = countingProbe(0);
    const started = performance.now();
    const coalescer = createProbeCoalescer({
      redis: second,
      metrics: noopMetrics,
      now,
      peerWaitMs: 200,
    });
    assert.equal((await coalescer.probe(scope, runProbe)).versionKey, 'fp_run_1');
    const waited = performance.now() - started;
    assert.ok(waited >= 190 && waited < 2_000, `waited ${waited} ms`);
    assert.equal(runs(), 1);
    assert.equal(await first.get(key), 'a-process-that-died', 'the foreign lock is left alone');
    assert.notEqual(
      await first.get(`${key}:result`),
      null,
      'the result is shared for later callers',
    );
  });
});

describe('createProbeCoalescer (Redis down)', () => {
  it('coalesces in process, quickly and without throwing', async () => {
    const warnings: string[] = [];
    const log = { warn: (_details: object, message: string) => warnings.push(message) };
    const redis = openRedis(deadRedisUrl, log);
    try {
      const inProcess = coalescedFrom('in_process');
      const coalescer = createProbeCoalescer({ redis, metrics: inProcess.metrics, now, log });
      const { runProbe, runs } = countingProbe(10);
      const started = performance.now();
      const results = await Promise.all(
        Array.from({ length: 20 }, () =>
          coalescer.probe(scopeFor(`test-${randomUUID()}`), runProbe),
        ),
      );
      assert.equal(results.length, 20);
      assert.equal(runs(), 20);
      const shared = await Promise.all(
        Array.from({ length: 20 }, () => coalescer.probe(scopeFor('one-template'), runProbe)),
      );
      assert.ok(shared.every((result) => result.versionKey === shared[0]?.versionKey));
      assert.equal(runs(), 21);
      assert.equal(inProcess.count(), 19);
      assert.ok(performance.now() - started < 1_000);
      assert.ok(warnings.some((message) => /probe coalescing/.test(message)));
    } finally {
      redis.disconnect();
    }
  });
});
