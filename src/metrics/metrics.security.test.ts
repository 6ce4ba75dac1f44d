import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createAuditService } from '../audit/audit.service.ts';
import { systemRuntime } from '../core/runtime-deps.ts';
import { migrateToLatest } from '../db/migrator.ts';
import { createKeysService } from '../keys/keys.service.ts';
import { buildTestApp } from '../../test/helpers/build-test-app.ts';
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
