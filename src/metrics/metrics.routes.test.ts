// GET /metrics on a small Fastify app. Real: Fastify, @fastify/swagger, prom-client.
import assert from 'node:assert/strict';
import swagger from '@fastify/swagger';
import Fastify, { type FastifyInstance } from 'fastify';
import { after, before, describe, it } from 'node:test';
import { registerMetricsRoute } from './metrics.routes.ts';
import { createPrometheusMetrics } from './prometheus-metrics.ts';

const TOKEN = 's3cret-token';

async function buildApp(
  bearerToken: string | null,
  closedReason: string | null = null,
): Promise<FastifyInstance> {
  const app = Fastify();
  await app.register(swagger, { openapi: { info: { title: 'test', version: '0' } } });
  const { registry } = createPrometheusMetrics({ service: 'api', env: 'test' });
  registerMetricsRoute(app, { registry, bearerToken, closedReason });
  await app.ready();
  return app;
}

describe('GET /metrics', () => {
  describe('without a token', () => {
    let app: FastifyInstance;
    before(async () => {
      app = await buildApp(null);
    });
    after(() => app.close());

    it('serves text format 0.0.4 with every metric, before any traffic', async () => {
      const response = await app.inject({ method: 'GET', url: '/metrics' });
      assert.equal(response.statusCode, 200);
      assert.equal(response.headers['content-type'], 'text/plain; version=0.0.4; charset=utf-8');
      assert.equal(response.headers['cache-control'], 'no-store');
      assert.match(response.body, /^prompter_redis_up\{service="api",env="test"\} 0$/m);
      assert.match(response.body, /^# TYPE starlette_requests_total counter$/m);
      assert.match(response.body, /^# TYPE prompter_ensure_version_seconds histogram$/m);
    });

    it('includes the Node process metrics', async () => {
      const response = await app.inject({ method: 'GET', url: '/metrics' });
      assert.match(response.body, /^# TYPE process_resident_memory_bytes gauge$/m);
      assert.match(response.body, /^# TYPE nodejs_eventloop_lag_p99_seconds gauge$/m);
    });

    it('is hidden from the OpenAPI document', () => {
      const paths = Object.keys(app.swagger().paths ?? {});
      assert.ok(!paths.includes('/metrics'), paths.join(', '));
    });
  });

  describe('with METRICS_TOKEN set', () => {
    let app: FastifyInstance;
    before(async () => {
      app = await buildApp(TOKEN);
    });
    after(() => app.close());

    for (const [label, authorization] of [
      ['no Authorization header', undefined],
      ['a wrong token', 'Bearer wrong-token'],
      ['a longer token with the right prefix', `Bearer ${TOKEN}x`],
      ['the token under another scheme', `Basic ${TOKEN}`],
      ['an empty bearer', 'Bearer '],
    ] as const) {
      it(`answers 401 {"detail": …} to ${label}`, async () => {
        const response = await app.inject({
          method: 'GET',
          url: '/metrics',
          headers: authorization === undefined ? {} : { authorization },
        });
        assert.equal(response.statusCode, 401);
        assert.equal(response.headers['www-authenticate'], 'Bearer realm="metrics"');
        assert.deepEqual(response.json(), {
          detail: {
            code: 'UNAUTHORIZED',
            message: 'Missing or invalid bearer token for /metrics (METRICS_TOKEN).',
          },
        });
        assert.doesNotMatch(response.body, /prompter_/);
      });
    }

    it('serves the metrics to the right bearer token (scheme case-insensitive)', async () => {
      for (const authorization of [`Bearer ${TOKEN}`, `bearer ${TOKEN}`]) {
        const response = await app.inject({
          method: 'GET',
          url: '/metrics',
          headers: { authorization },
        });
        assert.equal(response.statusCode, 200);
        assert.match(response.body, /^# TYPE prompter_redis_up gauge$/m);
      }
    });
  });

  describe('closed (an exposed bind without METRICS_TOKEN)', () => {
    let app: FastifyInstance;
    before(async () => {
      app = await buildApp(null, 'closed: set METRICS_TOKEN');
    });
    after(() => app.close());

    it('answers 403 {"detail": {code, message}} naming the fix, with or without credentials', async () => {
      for (const headers of [{}, { authorization: 'Bearer anything' }]) {
        const response = await app.inject({ method: 'GET', url: '/metrics', headers });
        assert.equal(response.statusCode, 403);
        assert.deepEqual(response.json(), {
          detail: { code: 'FORBIDDEN', message: 'closed: set METRICS_TOKEN' },
        });
        assert.doesNotMatch(response.body, /prompter_/);
      }
    });
  });

  it('serves to the token when one is set, whatever the closed reason', async () => {
    const app = await buildApp(TOKEN, 'closed: set METRICS_TOKEN');
    const response = await app.inject({
      method: 'GET',
      url: '/metrics',
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    await app.close();
    assert.equal(response.statusCode, 200);
  });

  it('refuses an empty token at registration rather than serving openly', () => {
    const { registry } = createPrometheusMetrics({
      service: 'api',
      env: 'test',
      collectDefaultMetrics: false,
    });
    assert.throws(
      () => registerMetricsRoute(Fastify(), { registry, bearerToken: '' }),
      /non-empty/,
    );
  });
});
