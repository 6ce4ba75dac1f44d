// The Prometheus adapter against its own registry, read back through the text exposition.
// Real: prom-client. Fake: nothing.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Counter, Histogram } from 'prom-client';
import {
  parsePrometheusExposition,
  seriesKey,
} from '../../test/helpers/parse-prometheus-exposition.ts';
import type { Metrics } from './metrics.ts';
import { createPrometheusMetrics, LATENCY_BUCKETS } from './prometheus-metrics.ts';

const BASE = { service: 'prompter-test', env: 'test' };

/** docs/api-contract.md §6, verbatim: name, type, labels besides `service` and `env`. */
const CONTRACT_METRICS = [
  { name: 'starlette_requests_total', type: 'counter', labels: ['method', 'route', 'status'] },
  { name: 'starlette_requests_processing_seconds', type: 'histogram', labels: ['method', 'route'] },
  { name: 'prompter_probe_attempts_total', type: 'counter', labels: ['provider', 'model'] },
  { name: 'prompter_probe_failures_total', type: 'counter', labels: ['provider', 'model'] },
  { name: 'prompter_ensure_version_seconds', type: 'histogram', labels: ['provider'] },
  { name: 'prompter_prompt_results_insert_total', type: 'counter', labels: [] },
  { name: 'prompter_openai_fingerprint_present_total', type: 'counter', labels: [] },
  { name: 'prompter_redis_up', type: 'gauge', labels: [] },
  { name: 'prompter_db_unique_violation_total', type: 'counter', labels: ['table'] },
];

/** Prompter's additions (docs/observability.md). */
const ADDED_METRICS = [
  { name: 'prompter_probe_coalesced_total', type: 'counter', labels: ['provider', 'source'] },
  {
    name: 'prompter_provider_calls_total',
    type: 'counter',
    labels: ['provider', 'model', 'outcome'],
  },
  {
    name: 'prompter_provider_call_seconds',
    type: 'histogram',
    labels: ['provider', 'model', 'outcome'],
  },
  {
    name: 'prompter_provider_tokens_total',
    type: 'counter',
    labels: ['provider', 'model', 'kind'],
  },
  { name: 'prompter_version_changes_total', type: 'counter', labels: ['provider', 'model'] },
  { name: 'prompter_openai_results_total', type: 'counter', labels: ['status'] },
  { name: 'prompter_redis_configured', type: 'gauge', labels: [] },
  { name: 'prompter_db_unique_race_total', type: 'counter', labels: ['table'] },
];

const ALL_METRICS = [...CONTRACT_METRICS, ...ADDED_METRICS];

function create(overrides: { onError?: (error: unknown, event: string) => void } = {}) {
  return createPrometheusMetrics({ ...BASE, collectDefaultMetrics: false, ...overrides });
}

async function exposition(registry: { metrics(): Promise<string> }) {
  return parsePrometheusExposition(await registry.metrics());
}

async function snapshot(registry: { metrics(): Promise<string> }): Promise<Map<string, number>> {
  const { samples } = await exposition(registry);
  return new Map(samples.map((sample) => [seriesKey(sample), sample.value]));
}

/** The series an action moved, with how much each moved by. */
async function movedBy(
  registry: { metrics(): Promise<string> },
  action: () => void,
): Promise<Record<string, number>> {
  const before = await snapshot(registry);
  action();
  const after = await snapshot(registry);
  const moved: Record<string, number> = {};
  for (const [key, value] of after) {
    const delta = value - (before.get(key) ?? 0);
    if (delta !== 0) moved[key] = Math.round(delta * 1e9) / 1e9;
  }
  return moved;
}

function key(name: string, labels: Record<string, string> = {}): string {
  return seriesKey({ name, labels: { ...BASE, ...labels } });
}

/** What one observation of `seconds` moves in a histogram. */
function histogramMoves(name: string, labels: Record<string, string>, seconds: number) {
  const moves: Record<string, number> = {
    [key(`${name}_sum`, labels)]: seconds,
    [key(`${name}_count`, labels)]: 1,
    [key(`${name}_bucket`, { ...labels, le: '+Inf' })]: 1,
  };
  for (const bound of LATENCY_BUCKETS) {
    if (seconds <= bound) moves[key(`${name}_bucket`, { ...labels, le: String(bound) })] = 1;
  }
  return moves;
}

function recordOneOfEach(metrics: Metrics): void {
  metrics.uniqueViolation('prompt_templates', 'unique_index');
  metrics.probeAttempted('openai', 'gpt-4o');
  metrics.probeFailed('openai', 'gpt-4o');
  metrics.probeCoalesced('openai', 'redis');
  metrics.ensureVersionObserved('openai', 0.2);
  metrics.providerCallObserved({
    provider: 'openai',
    model: 'gpt-4o',
    outcome: 'ok',
    seconds: 1.2,
    promptTokens: 10,
    completionTokens: 20,
  });
  metrics.resultStored({
    provider: 'openai',
    model: 'gpt-4o',
    status: 'succeeded',
    openaiFingerprintPresent: true,
  });
  metrics.versionChanged('openai', 'gpt-4o');
}

describe('createPrometheusMetrics', () => {
  describe('before any event', () => {
    it('declares every docs/api-contract.md §6 metric and every addition, with HELP and TYPE', async () => {
      const { registry } = create();
      const { types, helps } = await exposition(registry);
      for (const metric of ALL_METRICS) {
        assert.equal(types.get(metric.name), metric.type, `${metric.name} TYPE`);
        assert.ok((helps.get(metric.name) ?? '').length > 0, `${metric.name} HELP`);
      }
    });

    it('shows unlabelled series at 0 with the service and env labels, Redis down', async () => {
      const { registry } = create();
      const values = await snapshot(registry);
      for (const name of [
        'prompter_prompt_results_insert_total',
        'prompter_openai_fingerprint_present_total',
        'prompter_redis_up',
        'prompter_redis_configured',
      ]) {
        assert.equal(values.get(key(name)), 0, name);
      }
      for (const name of ['prompter_db_unique_violation_total', 'prompter_db_unique_race_total']) {
        assert.equal(values.get(key(name, { table: 'prompt_templates' })), 0, name);
      }
      assert.equal(values.get(key('prompter_openai_results_total', { status: 'succeeded' })), 0);
    });

    it('uses its own registry, so many instances live side by side', async () => {
      const first = createPrometheusMetrics(BASE);
      const second = createPrometheusMetrics({ service: 'other', env: 'prod' });
      first.metrics.uniqueViolation('prompt_templates', 'unique_index');
      const values = await snapshot(second.registry);
      assert.equal(
        values.get(
          seriesKey({
            name: 'prompter_db_unique_violation_total',
            labels: { service: 'other', env: 'prod', table: 'prompt_templates' },
          }),
        ),
        0,
      );
      const { types } = await exposition(first.registry);
      assert.equal(types.get('process_resident_memory_bytes'), 'gauge', 'default Node metrics');
    });
  });

  it('labels every series with exactly service, env and its declared labels', async () => {
    const prometheus = create();
    recordOneOfEach(prometheus.metrics);
    prometheus.http.requestObserved({
      method: 'GET',
      route: '/health',
      status: 200,
      seconds: 0.01,
    });
    const { samples } = await exposition(prometheus.registry);
    for (const metric of ALL_METRICS) {
      const family = samples.filter(
        (sample) => sample.name.replace(/_(bucket|sum|count)$/, '') === metric.name,
      );
      assert.ok(family.length > 0, `${metric.name} has samples`);
      for (const sample of family) {
        const expected = ['env', 'service', ...metric.labels];
        if (sample.name.endsWith('_bucket')) expected.push('le');
        assert.deepEqual(Object.keys(sample.labels).sort(), expected.sort(), seriesKey(sample));
      }
    }
  });

  it('uses exactly the docs/api-contract.md §6 buckets for every histogram', async () => {
    const prometheus = create();
    recordOneOfEach(prometheus.metrics);
    prometheus.http.requestObserved({
      method: 'GET',
      route: '/health',
      status: 200,
      seconds: 0.01,
    });
    const { samples } = await exposition(prometheus.registry);
    const expected = [...LATENCY_BUCKETS.map(String), '+Inf'];
    assert.deepEqual(
      [...LATENCY_BUCKETS],
      [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10],
    );
    for (const metric of ALL_METRICS.filter((candidate) => candidate.type === 'histogram')) {
      const bounds = samples
        .filter((sample) => sample.name === `${metric.name}_bucket`)
        .map((sample) => sample.labels['le']);
      assert.deepEqual(bounds, expected, metric.name);
    }
  });

  describe('each event moves exactly its series', () => {
    const provider = { provider: 'openai', model: 'gpt-4o' };
    const cases: Array<{
      event: string;
      record: (metrics: Metrics) => void;
      moves: Record<string, number>;
    }> = [
      {
        event: 'uniqueViolation by the pre-check → prompter_db_unique_violation_total{table}',
        record: (metrics) => metrics.uniqueViolation('prompt_templates', 'pre_check'),
        moves: { [key('prompter_db_unique_violation_total', { table: 'prompt_templates' })]: 1 },
      },
      {
        event: 'uniqueViolation by the index → the violation and the race counters',
        record: (metrics) => metrics.uniqueViolation('prompt_templates', 'unique_index'),
        moves: {
          [key('prompter_db_unique_violation_total', { table: 'prompt_templates' })]: 1,
          [key('prompter_db_unique_race_total', { table: 'prompt_templates' })]: 1,
        },
      },
      {
        event: 'probeAttempted → prompter_probe_attempts_total',
        record: (metrics) => metrics.probeAttempted('openai', 'gpt-4o'),
        moves: { [key('prompter_probe_attempts_total', provider)]: 1 },
      },
      {
        event: 'probeFailed → prompter_probe_failures_total',
        record: (metrics) => metrics.probeFailed('openai', 'gpt-4o'),
        moves: { [key('prompter_probe_failures_total', provider)]: 1 },
      },
      {
        event: 'probeCoalesced → prompter_probe_coalesced_total',
        record: (metrics) => metrics.probeCoalesced('google', 'in_process'),
        moves: {
          [key('prompter_probe_coalesced_total', { provider: 'google', source: 'in_process' })]: 1,
        },
      },
      {
        event: 'ensureVersionObserved → prompter_ensure_version_seconds',
        record: (metrics) => metrics.ensureVersionObserved('anthropic', 0.3),
        moves: histogramMoves('prompter_ensure_version_seconds', { provider: 'anthropic' }, 0.3),
      },
      {
        event: 'providerCallObserved → calls, latency and tokens',
        record: (metrics) =>
          metrics.providerCallObserved({
            ...provider,
            outcome: 'ok',
            seconds: 0.8,
            promptTokens: 12,
            completionTokens: 30,
          }),
        moves: {
          [key('prompter_provider_calls_total', { ...provider, outcome: 'ok' })]: 1,
          [key('prompter_provider_tokens_total', { ...provider, kind: 'prompt' })]: 12,
          [key('prompter_provider_tokens_total', { ...provider, kind: 'completion' })]: 30,
          ...histogramMoves('prompter_provider_call_seconds', { ...provider, outcome: 'ok' }, 0.8),
        },
      },
      {
        event: 'providerCallObserved without token counts → no token series',
        record: (metrics) =>
          metrics.providerCallObserved({
            ...provider,
            outcome: 'timeout',
            seconds: 10,
            promptTokens: null,
            completionTokens: null,
          }),
        moves: {
          [key('prompter_provider_calls_total', { ...provider, outcome: 'timeout' })]: 1,
          ...histogramMoves(
            'prompter_provider_call_seconds',
            { ...provider, outcome: 'timeout' },
            10,
          ),
        },
      },
      {
        event: 'resultStored, OpenAI with a fingerprint → insert, OpenAI result, fingerprint',
        record: (metrics) =>
          metrics.resultStored({
            ...provider,
            status: 'succeeded',
            openaiFingerprintPresent: true,
          }),
        moves: {
          [key('prompter_prompt_results_insert_total')]: 1,
          [key('prompter_openai_results_total', { status: 'succeeded' })]: 1,
          [key('prompter_openai_fingerprint_present_total')]: 1,
        },
      },
      {
        event: 'resultStored, OpenAI without a fingerprint → insert and OpenAI result only',
        record: (metrics) =>
          metrics.resultStored({
            ...provider,
            status: 'succeeded',
            openaiFingerprintPresent: false,
          }),
        moves: {
          [key('prompter_prompt_results_insert_total')]: 1,
          [key('prompter_openai_results_total', { status: 'succeeded' })]: 1,
        },
      },
      {
        event: 'resultStored, failed OpenAI run → counted under status="failed"',
        record: (metrics) =>
          metrics.resultStored({ ...provider, status: 'failed', openaiFingerprintPresent: false }),
        moves: {
          [key('prompter_prompt_results_insert_total')]: 1,
          [key('prompter_openai_results_total', { status: 'failed' })]: 1,
        },
      },
      {
        event: 'resultStored, another provider → insert only',
        record: (metrics) =>
          metrics.resultStored({
            provider: 'google',
            model: 'gemini-2.0-flash',
            status: 'succeeded',
            openaiFingerprintPresent: null,
          }),
        moves: { [key('prompter_prompt_results_insert_total')]: 1 },
      },
      {
        event: 'versionChanged → prompter_version_changes_total',
        record: (metrics) => metrics.versionChanged('openai', 'gpt-4o'),
        moves: { [key('prompter_version_changes_total', provider)]: 1 },
      },
    ];
    for (const { event, record, moves } of cases) {
      it(event, async () => {
        const { metrics, registry } = create();
        assert.deepEqual(await movedBy(registry, () => record(metrics)), moves);
      });
    }

    it('http.requestObserved → starlette_requests_total and the processing histogram', async () => {
      const { http, registry } = create();
      const route = { method: 'POST', route: '/api/prompt-templates/{template_id}/run' };
      assert.deepEqual(
        await movedBy(registry, () =>
          http.requestObserved({ ...route, status: 201, seconds: 0.04 }),
        ),
        {
          [key('starlette_requests_total', { ...route, status: '201' })]: 1,
          ...histogramMoves('starlette_requests_processing_seconds', route, 0.04),
        },
      );
    });

    it('setRedisUp and setRedisConfigured set their gauges', async () => {
      const prometheus = create();
      prometheus.setRedisUp(true);
      prometheus.setRedisConfigured(true);
      let values = await snapshot(prometheus.registry);
      assert.equal(values.get(key('prompter_redis_up')), 1);
      assert.equal(values.get(key('prompter_redis_configured')), 1);
      prometheus.setRedisUp(false);
      values = await snapshot(prometheus.registry);
      assert.equal(values.get(key('prompter_redis_up')), 0);
    });
  });

  describe('label cardinality', () => {
    it('folds models past the first 100 distinct values into "other"', async () => {
      const { metrics, registry } = create();
      for (let org = 0; org < 6; org += 1) {
        for (let index = 0; index < 20; index += 1) {
          metrics.probeAttempted('openai', `m-${org}-${index}`, `org-${org}`);
        }
      }
      metrics.probeAttempted('openai', 'm-0-0', 'org-5');
      const values = await snapshot(registry);
      const attempts = (model: string) =>
        values.get(key('prompter_probe_attempts_total', { provider: 'openai', model }));
      assert.equal(attempts('m-0-0'), 2, 'an admitted value passes for every org');
      assert.equal(attempts('m-4-19'), 1);
      assert.equal(attempts('m-5-0'), undefined);
      assert.equal(attempts('other'), 20);
    });

    it('lets one org add at most 20 model values, so other orgs still get theirs', async () => {
      const { metrics, registry } = create();
      for (let index = 0; index < 100; index += 1) {
        metrics.probeAttempted('openai', `greedy-${index}`, 'org-greedy');
      }
      metrics.providerCallObserved({
        provider: 'google',
        model: 'gemini-2.0-flash',
        orgId: 'org-quiet',
        outcome: 'ok',
        seconds: 1,
        promptTokens: null,
        completionTokens: null,
      });
      metrics.versionChanged('openai', 'greedy-0', 'org-quiet');
      const values = await snapshot(registry);
      const attempts = (model: string) =>
        values.get(key('prompter_probe_attempts_total', { provider: 'openai', model }));
      assert.equal(attempts('greedy-19'), 1);
      assert.equal(attempts('greedy-20'), undefined);
      assert.equal(attempts('other'), 80);
      const calls = key('prompter_provider_calls_total', {
        provider: 'google',
        model: 'gemini-2.0-flash',
        outcome: 'ok',
      });
      assert.equal(values.get(calls), 1);
      const drift = key('prompter_version_changes_total', {
        provider: 'openai',
        model: 'greedy-0',
      });
      assert.equal(values.get(drift), 1);
    });

    it('gives calls that name no org one shared budget of 20', async () => {
      const { metrics, registry } = create();
      for (let index = 0; index < 25; index += 1) metrics.probeAttempted('openai', `m-${index}`);
      metrics.probeAttempted('openai', 'm-from-an-org', 'org-a');
      const values = await snapshot(registry);
      const attempts = (model: string) =>
        values.get(key('prompter_probe_attempts_total', { provider: 'openai', model }));
      assert.equal(attempts('m-19'), 1);
      assert.equal(attempts('other'), 5);
      assert.equal(attempts('m-from-an-org'), 1);
    });

    it('truncates long label values and names empty ones "unknown"', async () => {
      const { metrics, registry } = create();
      metrics.probeAttempted('', 'x'.repeat(500));
      const values = await snapshot(registry);
      assert.equal(
        values.get(
          key('prompter_probe_attempts_total', { provider: 'unknown', model: 'x'.repeat(128) }),
        ),
        1,
      );
    });
  });

  describe('a metrics failure never reaches the caller', () => {
    it('swallows a throwing prom-client metric and reports the event once', async () => {
      const reports: string[] = [];
      const prometheus = create({ onError: (_error, event) => reports.push(event) });
      const attempts = prometheus.registry.getSingleMetric(
        'prompter_probe_attempts_total',
      ) as Counter;
      attempts.inc = () => {
        throw new Error('registry is broken');
      };
      const broken = prometheus.registry.getSingleMetric('starlette_requests_total') as Counter;
      broken.inc = () => {
        throw new Error('registry is broken');
      };
      prometheus.metrics.probeAttempted('openai', 'gpt-4o');
      prometheus.metrics.probeAttempted('openai', 'gpt-4o');
      prometheus.http.requestObserved({ method: 'GET', route: '/x', status: 200, seconds: 0.1 });
      assert.deepEqual(reports, ['probeAttempted', 'requestObserved']);
      // Other events keep working.
      prometheus.metrics.probeFailed('openai', 'gpt-4o');
      const values = await snapshot(prometheus.registry);
      assert.equal(
        values.get(key('prompter_probe_failures_total', { provider: 'openai', model: 'gpt-4o' })),
        1,
      );
    });

    it('swallows NaN durations (prom-client throws) and skips impossible token counts', () => {
      const reports: string[] = [];
      const { metrics } = create({ onError: (_error, event) => reports.push(event) });
      metrics.ensureVersionObserved('openai', Number.NaN);
      metrics.providerCallObserved({
        provider: 'openai',
        model: 'gpt-4o',
        outcome: 'ok',
        seconds: Number.NaN,
        promptTokens: -3,
        completionTokens: Number.POSITIVE_INFINITY,
      });
      assert.deepEqual(reports, ['ensureVersionObserved', 'providerCallObserved']);
    });

    it('survives an error reporter that throws too', () => {
      const { metrics, registry } = create({
        onError: () => {
          throw new Error('logger is broken');
        },
      });
      (registry.getSingleMetric('prompter_ensure_version_seconds') as Histogram).observe = () => {
        throw new Error('registry is broken');
      };
      assert.doesNotThrow(() => metrics.ensureVersionObserved('openai', 1));
    });

    it('swallows failures of every method', () => {
      const { metrics, http, registry, setRedisUp, setRedisConfigured } = create({
        onError: () => undefined,
      });
      for (const metric of registry.getMetricsAsArray()) {
        const broken = metric as unknown as Record<string, unknown>;
        for (const method of ['inc', 'observe', 'set', 'labels']) {
          broken[method] = () => {
            throw new Error('registry is broken');
          };
        }
      }
      assert.doesNotThrow(() => {
        recordOneOfEach(metrics);
        metrics.resultStored({
          provider: 'openai',
          model: 'gpt-4o',
          status: 'failed',
          openaiFingerprintPresent: false,
        });
        http.requestObserved({ method: 'GET', route: '/x', status: 500, seconds: 1 });
        setRedisUp(true);
        setRedisConfigured(true);
      });
    });
  });
});
