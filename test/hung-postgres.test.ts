// Real: PostgreSQL (PROMPTER_TEST_PG_URL), reached through a local TCP proxy the test pauses to
// make the database hang (connections accepted, nothing answered); the whole app in process
// with the fake providers. Short pool timeouts keep the test quick: connect 500 ms, statement
// 1000 ms (the client gives up 2 s after that).
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/app.ts';
import { parseDatabaseUrl } from '../src/config/database-url.ts';
import { loadConfig } from '../src/config/load-config.ts';
import { openDatabase, type OpenDatabase } from '../src/db/open-database.ts';
import { startPausableTcpProxy, type PausableTcpProxy } from './helpers/pausable-tcp-proxy.ts';
import { templateBody } from './helpers/template-bodies.ts';
import { postgresDialect } from './helpers/test-databases.ts';

const CONNECT_TIMEOUT_MS = 500;
const STATEMENT_TIMEOUT_MS = 1000;
/** The longest a request may take while the database hangs: statement limit, grace, slack. */
const BOUND_MS = STATEMENT_TIMEOUT_MS + 2000 + 1500;

async function timed<T>(work: Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await work;
  return { value, ms: performance.now() - started };
}

describe('a hung PostgreSQL [postgresql]', { skip: postgresDialect.skipReason }, () => {
  let proxy: PausableTcpProxy;
  let database: OpenDatabase;
  let app: FastifyInstance;
  let adminUrl: string;
  const schema = `test_${randomBytes(6).toString('hex')}`;

  before(async () => {
    const target = parseDatabaseUrl(process.env['PROMPTER_TEST_PG_URL'] ?? '');
    if (target.dialect !== 'postgres') throw new Error('PROMPTER_TEST_PG_URL must be postgres://');
    adminUrl = target.connectionString;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    await admin.end();
    const url = new URL(adminUrl);
    proxy = await startPausableTcpProxy(url.hostname, Number(url.port || 5432));
    url.hostname = '127.0.0.1';
    url.port = String(proxy.port);
    database = openDatabase(
      { dialect: 'postgres', connectionString: url.toString() },
      {
        postgresSchema: schema,
        postgresPoolSize: 5,
        connectTimeoutMs: CONNECT_TIMEOUT_MS,
        statementTimeoutMs: STATEMENT_TIMEOUT_MS,
      },
    );
    // No scheduler: its periodic look would hold a pooled connection while the proxy is paused.
    app = await buildApp({
      config: loadConfig({ LOG_LEVEL: 'silent', PROMPTER_SCHEDULER_INTERVAL_MS: '0' }),
      database,
      redis: null,
    });
    await app.ready();
  });

  after(async () => {
    proxy.resume();
    await app.close();
    await database.close();
    await proxy.close();
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`drop schema if exists ${schema} cascade`);
    await admin.end();
  });

  it(
    'answers 503 quickly while the database hangs, and recovers by itself',
    { timeout: 60_000 },
    async () => {
      const created = await app.inject({
        method: 'POST',
        url: '/api/prompt-templates',
        payload: templateBody(),
      });
      assert.equal(created.statusCode, 201, created.body);
      assert.equal((await app.inject({ method: 'GET', url: '/health' })).statusCode, 200);

      proxy.pause();

      const health = await timed(app.inject({ method: 'GET', url: '/health' }));
      assert.equal(health.value.statusCode, 503);
      assert.deepEqual(health.value.json(), { status: 'unavailable', db: 'postgresql' });
      assert.ok(health.ms < 1500, `/health took ${Math.round(health.ms)} ms`);

      // More requests than the pool has connections, reads and writes: every one a 503 in bounded time.
      const requests = await timed(
        Promise.all([
          ...Array.from({ length: 8 }, () =>
            app.inject({ method: 'GET', url: '/api/prompt-templates' }),
          ),
          ...Array.from({ length: 4 }, () =>
            app.inject({ method: 'POST', url: '/api/prompt-templates', payload: templateBody() }),
          ),
        ]),
      );
      for (const response of requests.value) {
        assert.equal(response.statusCode, 503, response.body);
        assert.equal(response.json().detail.code, 'DATABASE_UNAVAILABLE');
      }
      assert.ok(requests.ms < BOUND_MS, `the requests took ${Math.round(requests.ms)} ms`);
      const healthAgain = await timed(app.inject({ method: 'GET', url: '/health' }));
      assert.equal(healthAgain.value.statusCode, 503);
      assert.ok(healthAgain.ms < 1500, `/health took ${Math.round(healthAgain.ms)} ms`);

      proxy.resume();

      let recovered = false;
      const deadline = Date.now() + 10_000;
      while (!recovered && Date.now() < deadline) {
        const response = await app.inject({ method: 'GET', url: '/health' });
        recovered = response.statusCode === 200;
        if (!recovered) await new Promise((resolve) => setTimeout(resolve, 200));
      }
      assert.ok(recovered, '/health is 200 again after the database answers');
      const listed = await app.inject({ method: 'GET', url: '/api/prompt-templates' });
      assert.equal(listed.statusCode, 200, listed.body);
      const again = await app.inject({
        method: 'POST',
        url: '/api/prompt-templates',
        payload: templateBody(),
      });
      assert.equal(again.statusCode, 201, again.body);
    },
  );
});
