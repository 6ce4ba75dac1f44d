// In-process coalescing only: no Redis (redis: null); the clock is injected, probes are fakes.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { noopMetrics, type Metrics } from '../metrics/metrics.ts';
import { emptyVersionParts, type VersionProbe } from '../providers/provider-contract.ts';
import { ProviderError } from '../providers/provider-error.ts';
import { createProbeCoalescer } from './probe-coalescer.ts';
import type { ProbeScope } from './probe-scope.ts';

const scope: ProbeScope = {
  orgId: 'default',
  workspaceId: 'brand-a',
  templateId: 'template-1',
  provider: 'openai',
  model: 'gpt-4o',
};

function recordingMetrics(): { metrics: Metrics; events: string[] } {
  const events: string[] = [];
  const metrics: Metrics = {
    ...noopMetrics,
    probeAttempted: (provider, model) => events.push(`attempted ${provider} ${model}`),
    probeFailed: (provider, model) => events.push(`failed ${provider} ${model}`),
    probeCoalesced: (provider, source) => events.push(`coalesced ${provider} ${source}`),
  };
  return { metrics, events };
}

/** A probe that counts its runs and answers after a tick, keyed by run number. */
function countingProbe(): { runProbe: () => Promise<VersionProbe>; runs: () => number } {
  let runs = 0;
  return {
    runs: () => runs,
    runProbe: async () => {
      runs++;
      const versionKey = `fp_${runs}`;
      await new Promise((resolve) => setTimeout(resolve, 10));
      return { versionKey, versionParts: { ...emptyVersionParts, systemFingerprint: versionKey } };
    },
  };
}

function clock(iso: string): { now: () => Date; set: (next: string) => void } {
  let current = new Date(iso);
  return { now: () => current, set: (next) => (current = new Date(next)) };
}

describe('createProbeCoalescer (in process)', () => {
  it('shares one probe among 50 concurrent callers', async () => {
    const { metrics, events } = recordingMetrics();
    const coalescer = createProbeCoalescer({
      redis: null,
      metrics,
      now: clock('2026-05-01T10:00:00Z').now,
    });
    const { runProbe, runs } = countingProbe();
    const results = await Promise.all(
      Array.from({ length: 50 }, () => coalescer.probe(scope, runProbe)),
    );
    assert.equal(runs(), 1);
    assert.ok(results.every((result) => result.versionKey === 'fp_1'));
    assert.equal(events.filter((event) => event === 'attempted openai gpt-4o').length, 1);
    assert.equal(events.filter((event) => event === 'coalesced openai in_process').length, 49);
  });

  it('reuses a result for the rest of the hour and probes again in the next', async () => {
    const time = clock('2026-05-01T10:05:00Z');
    const coalescer = createProbeCoalescer({ redis: null, metrics: noopMetrics, now: time.now });
    const { runProbe, runs } = countingProbe();
    assert.equal((await coalescer.probe(scope, runProbe)).versionKey, 'fp_1');
    time.set('2026-05-01T10:59:59.999Z');
    assert.equal((await coalescer.probe(scope, runProbe)).versionKey, 'fp_1');
    assert.equal(runs(), 1);
    time.set('2026-05-01T11:00:00Z');
    assert.equal((await coalescer.probe(scope, runProbe)).versionKey, 'fp_2');
    assert.equal(runs(), 2);
  });

  it('forgets past hours: a clock set back probes again', async () => {
    const time = clock('2026-05-01T10:05:00Z');
    const coalescer = createProbeCoalescer({ redis: null, metrics: noopMetrics, now: time.now });
    const { runProbe, runs } = countingProbe();
    await coalescer.probe(scope, runProbe);
    time.set('2026-05-01T11:05:00Z');
    await coalescer.probe(scope, runProbe);
    time.set('2026-05-01T10:06:00Z');
    assert.equal((await coalescer.probe(scope, runProbe)).versionKey, 'fp_3');
    assert.equal(runs(), 3);
  });

  it('keeps scopes apart', async () => {
    const coalescer = createProbeCoalescer({
      redis: null,
      metrics: noopMetrics,
      now: () => new Date(),
    });
    const { runProbe, runs } = countingProbe();
    await Promise.all([
      coalescer.probe(scope, runProbe),
      coalescer.probe({ ...scope, model: 'gpt-4o-mini' }, runProbe),
      coalescer.probe({ ...scope, templateId: 'template-2' }, runProbe),
      coalescer.probe({ ...scope, workspaceId: 'brand-b' }, runProbe),
      coalescer.probe({ ...scope, orgId: 'acme' }, runProbe),
      coalescer.probe({ ...scope, provider: 'azure-openai' }, runProbe),
    ]);
    assert.equal(runs(), 6);
  });

  it('shares a failure with the callers waiting on it, but does not cache it', async () => {
    const { metrics, events } = recordingMetrics();
    const coalescer = createProbeCoalescer({
      redis: null,
      metrics,
      now: () => new Date('2026-05-01T10:00:00Z'),
    });
    let runs = 0;
    const failing = async (): Promise<VersionProbe> => {
      runs++;
      await new Promise((resolve) => setTimeout(resolve, 5));
      throw new ProviderError({
        provider: 'openai',
        kind: 'http_error',
        status: 503,
        message: 'down',
      });
    };
    const outcomes = await Promise.allSettled(
      Array.from({ length: 5 }, () => coalescer.probe(scope, failing)),
    );
    assert.equal(runs, 1);
    for (const outcome of outcomes) {
      assert.equal(outcome.status, 'rejected');
      assert.ok(outcome.reason instanceof ProviderError);
    }
    assert.deepEqual(events, ['attempted openai gpt-4o', 'failed openai gpt-4o']);

    const { runProbe, runs: laterRuns } = countingProbe();
    assert.equal((await coalescer.probe(scope, runProbe)).versionKey, 'fp_1');
    assert.equal(laterRuns(), 1);
  });
});
