// installPrometheusMetrics on a small Fastify app. Real: Fastify, prom-client. Fake: Redis check.
import assert from 'node:assert/strict';
import Fastify from 'fastify';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, it } from 'node:test';
import { installPrometheusMetrics } from './install-prometheus-metrics.ts';

describe('installPrometheusMetrics', () => {
  it('serves /metrics, counts requests and returns the Metrics services record into', async () => {
    const app = Fastify();
    const metrics = installPrometheusMetrics(app, {
      service: 'api',
      env: 'test',
      bearerToken: null,
      redisCheck: null,
    });
    app.get('/api/prompt-templates/:template_id', () => Promise.resolve({}));
    await app.inject({ method: 'GET', url: '/api/prompt-templates/abc' });
    metrics.uniqueViolation('prompt_templates', 'unique_index');
    const body = (await app.inject({ method: 'GET', url: '/metrics' })).body;
    await app.close();
    assert.match(
      body,
      /^starlette_requests_total\{method="GET",route="\/api\/prompt-templates\/\{template_id\}",status="200",service="api",env="test"\} 1$/m,
    );
    assert.match(
      body,
      /^prompter_db_unique_violation_total\{table="prompt_templates",service="api",env="test"\} 1$/m,
    );
    assert.match(body, /^prompter_redis_up\{service="api",env="test"\} 0$/m);
    assert.match(body, /^prompter_redis_configured\{service="api",env="test"\} 0$/m);
  });

  it('refreshes prompter_redis_up from the check and stops when the app closes', async () => {
    const app = Fastify();
    let checks = 0;
    installPrometheusMetrics(app, {
      service: 'api',
      env: 'test',
      bearerToken: 'token',
      redisCheck: () => {
        checks += 1;
        return Promise.resolve(true);
      },
      redisIntervalMs: 5,
    });
    await app.ready();
    while (checks < 2) await sleep(5);
    const response = await app.inject({
      method: 'GET',
      url: '/metrics',
      headers: { authorization: 'Bearer token' },
    });
    assert.match(response.body, /^prompter_redis_up\{service="api",env="test"\} 1$/m);
    assert.match(response.body, /^prompter_redis_configured\{service="api",env="test"\} 1$/m);
    await app.close();
    const closedAt = checks;
    await sleep(30);
    assert.equal(checks, closedAt);
  });
});
