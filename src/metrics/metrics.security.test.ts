import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createAuditService } from '../audit/audit.service.ts';
import { systemRuntime } from '../core/runtime-deps.ts';
import { migrateToLatest } from '../db/migrator.ts';
import { createKeysService } from '../keys/keys.service.ts';
import { buildTestApp } from '../../test/helpers/build-test-app.ts';
import { parsePrometheusExposition } from '../../test/helpers/parse-prometheus-exposition.ts';
import { templateBody } from '../../test/helpers/template-bodies.ts';
import { sqliteDialect } from '../../test/helpers/test-databases.ts';

// The whole app on SQLite (nothing here depends on the database), built as `serve` would be for
// each bind address; requests go through `inject`, so nothing really listens on 0.0.0.0.
async function metricsStatus(environment: Record<string, string>, authorization?: string) {
  const testDatabase = await sqliteDialect.open();
  const db = testDatabase.database.db;
  await migrateToLatest(db);
  const keys = createKeysService({
    db,
    runtime: systemRuntime,
    audit: createAuditService({ db, runtime: systemRuntime }),
  });
  // An exposed bind with auth required refuses to start without a key (resolveAuthMode).
  await keys.createApiKey({
    orgId: 'org-a',
    role: 'admin',
    name: null,
    createdBy: 'cli:test',
    expiresAt: null,
  });
  const testApp = await buildTestApp(sqliteDialect, { testDatabase, environment });
  try {
    const response = await testApp.app.inject({
      method: 'GET',
      url: '/metrics',
      headers: authorization === undefined ? {} : { authorization },
    });
    return { status: response.statusCode, body: response.body };
  } finally {
    await testApp.close();
    await testDatabase.dispose();
  }
}

describe('GET /metrics and the bind address', () => {
  it('is open on a loopback bind without METRICS_TOKEN', async () => {
    assert.equal((await metricsStatus({ HOST: '127.0.0.1' })).status, 200);
  });

  it('is closed (403 naming METRICS_TOKEN) on 0.0.0.0 without METRICS_TOKEN', async () => {
    const { status, body } = await metricsStatus({ HOST: '0.0.0.0' });
    assert.equal(status, 403);
    const detail = JSON.parse(body).detail;
    assert.equal(detail.code, 'FORBIDDEN');
    assert.match(detail.message, /bound to 0\.0\.0\.0.*METRICS_TOKEN/);
    assert.doesNotMatch(body, /prompter_|model=/);
  });

  it('serves the token holder on 0.0.0.0 when METRICS_TOKEN is set, and no one else', async () => {
    const environment = { HOST: '0.0.0.0', METRICS_TOKEN: 'scrape-me' };
    assert.equal((await metricsStatus(environment, 'Bearer scrape-me')).status, 200);
    assert.equal((await metricsStatus(environment)).status, 401);
  });

  it('follows PROMPTER_AUTH=off on an exposed bind: the operator opened the whole API', async () => {
    assert.equal((await metricsStatus({ HOST: '0.0.0.0', PROMPTER_AUTH: 'off' })).status, 200);
  });
});

// The whole app on SQLite with auth off (org_id in the body names the org) and the fake providers.
describe('GET /metrics, model label slots shared between orgs', () => {
  it('one org running 25 model ids gets 20 of them as labels; another org still gets its own', async () => {
    const testApp = await buildTestApp(sqliteDialect);
    try {
      const runAs = async (orgId: string, modelId: string) => {
        const created = await testApp.app.inject({
          method: 'POST',
          url: '/api/prompt-templates',
          payload: templateBody({ org_id: orgId, model_id: modelId, user_prompt_template: 'Hi' }),
        });
        assert.equal(created.statusCode, 201, created.body);
        const run = await testApp.app.inject({
          method: 'POST',
          url: `/api/prompt-templates/${created.json().id}/run`,
          payload: {},
        });
        assert.equal(run.statusCode, 200, run.body);
      };
      for (let index = 0; index < 25; index += 1) await runAs('org-greedy', `gpt-4o-${index}`);
      await runAs('org-quiet', 'gpt-4o-mini');
      const exposition = (await testApp.app.inject({ method: 'GET', url: '/metrics' })).body;
      const { samples } = parsePrometheusExposition(exposition);
      const models = new Set(
        samples
          .filter((sample) => sample.name === 'prompter_provider_calls_total')
          .map((sample) => sample.labels['model']),
      );
      assert.ok(models.has('gpt-4o-19') && !models.has('gpt-4o-20'), [...models].join());
      assert.ok(models.has('other'));
      assert.ok(models.has('gpt-4o-mini'), 'the second org got a slot of its own');
    } finally {
      await testApp.close();
    }
  });
});
