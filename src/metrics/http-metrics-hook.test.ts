// The HTTP hook on a small Fastify app with one templated route. Real: Fastify, prom-client.
import assert from 'node:assert/strict';
import Fastify, { type FastifyInstance } from 'fastify';
import { after, before, describe, it } from 'node:test';
import { parsePrometheusExposition } from '../../test/helpers/parse-prometheus-exposition.ts';
import type { HttpRequestObservation } from './http-metrics.ts';
import { registerHttpMetrics } from './http-metrics-hook.ts';
import { createPrometheusMetrics, type PrometheusMetrics } from './prometheus-metrics.ts';

function buildApp(http: PrometheusMetrics['http']): FastifyInstance {
  const app = Fastify();
  registerHttpMetrics(app, http);
  app.post('/api/prompt-templates/:template_id/run', (_request, reply) =>
    reply.status(201).send({ ok: true }),
  );
  app.get('/api/prompt-templates', () => Promise.resolve([]));
  app.get('/boom', () => Promise.reject(new Error('handler failed')));
  return app;
}

describe('registerHttpMetrics', () => {
  let prometheus: PrometheusMetrics;
  let app: FastifyInstance;
  before(async () => {
    prometheus = createPrometheusMetrics({
      service: 'api',
      env: 'test',
      collectDefaultMetrics: false,
    });
    app = buildApp(prometheus.http);
    await app.ready();
    for (const id of ['a1', 'b2', 'c3']) {
      await app.inject({ method: 'POST', url: `/api/prompt-templates/${id}/run?x=1` });
    }
    await app.inject({ method: 'GET', url: '/api/prompt-templates' });
    await app.inject({ method: 'GET', url: '/no/such/path/123' });
    await app.inject({ method: 'DELETE', url: '/api/prompt-templates' });
    await app.inject({ method: 'GET', url: '/boom' });
  });
  after(() => app.close());

  async function requestSamples() {
    const { samples } = parsePrometheusExposition(await prometheus.registry.metrics());
    return samples.filter((sample) => sample.name === 'starlette_requests_total');
  }

  it('labels a parameterised route by its template, written {template_id}', async () => {
    const samples = await requestSamples();
    const run = samples.filter((sample) => sample.labels['route']?.includes('/run'));
    assert.equal(run.length, 1);
    assert.deepEqual(run[0]?.labels, {
      service: 'api',
      env: 'test',
      method: 'POST',
      route: '/api/prompt-templates/{template_id}/run',
      status: '201',
    });
    assert.equal(run[0]?.value, 3);
  });

  it('labels paths no route matched "unmatched" and never records a raw URL', async () => {
    const samples = await requestSamples();
    const routes = new Set(samples.map((sample) => sample.labels['route']));
    assert.deepEqual([...routes].sort(), [
      '/api/prompt-templates',
      '/api/prompt-templates/{template_id}/run',
      '/boom',
      'unmatched',
    ]);
    const unmatched = samples.filter((sample) => sample.labels['route'] === 'unmatched');
    assert.deepEqual(
      unmatched.map((sample) => [sample.labels['method'], sample.labels['status'], sample.value]),
      [
        ['GET', '404', 1],
        ['DELETE', '404', 1],
      ],
    );
  });

  it('records the status of failed requests', async () => {
    const samples = await requestSamples();
    const boom = samples.find((sample) => sample.labels['route'] === '/boom');
    assert.equal(boom?.labels['status'], '500');
  });

  it('times each request into starlette_requests_processing_seconds', async () => {
    const { samples } = parsePrometheusExposition(await prometheus.registry.metrics());
    const count = samples.find(
      (sample) =>
        sample.name === 'starlette_requests_processing_seconds_count' &&
        sample.labels['route'] === '/api/prompt-templates/{template_id}/run',
    );
    assert.equal(count?.value, 3);
    assert.deepEqual(Object.keys(count?.labels ?? {}).sort(), [
      'env',
      'method',
      'route',
      'service',
    ]);
    const sum = samples.find(
      (sample) =>
        sample.name === 'starlette_requests_processing_seconds_sum' &&
        sample.labels['route'] === '/api/prompt-templates/{template_id}/run',
    );
    assert.ok(sum !== undefined && sum.value > 0 && sum.value < 5, `sum ${sum?.value}`);
  });

  it('hands over seconds, not milliseconds', async () => {
    const observed: HttpRequestObservation[] = [];
    const recording = buildApp({ requestObserved: (observation) => observed.push(observation) });
    await recording.inject({ method: 'GET', url: '/api/prompt-templates' });
    await recording.close();
    assert.equal(observed.length, 1);
    assert.ok(observed[0]!.seconds > 0 && observed[0]!.seconds < 1);
  });

  it('never fails a request when the metrics throw', async () => {
    const broken = buildApp({
      requestObserved: () => {
        throw new Error('metrics are broken');
      },
    });
    const response = await broken.inject({ method: 'GET', url: '/api/prompt-templates' });
    await broken.close();
    assert.equal(response.statusCode, 200);
    assert.equal(response.body, '[]');
  });
});
