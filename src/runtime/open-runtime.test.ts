// Real: the database of each dialect, migrations, every service (fake providers). No Redis (none
// configured); metrics are the no-op twin or a factory that records what it was given.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { testDialects } from '../../test/helpers/test-databases.ts';
import { loadConfig } from '../config/load-config.ts';
import { allMigrations } from '../db/migrations/all-migrations.ts';
import { noopMetrics } from '../metrics/metrics.ts';
import { MigrationsPendingError } from './migrations-pending-error.ts';
import { openRuntime } from './open-runtime.ts';

const quiet = { warn: () => undefined };
const config = loadConfig({ LOG_LEVEL: 'silent' });

for (const dialect of testDialects) {
  describe(`openRuntime [${dialect.name}]`, { skip: dialect.skipReason }, () => {
    it('require-current refuses a database with pending migrations, naming `prompter migrate up`, and writes nothing', async () => {
      const { database, dispose } = await dialect.open();
      try {
        await assert.rejects(
          openRuntime(config, {
            migrations: 'require-current',
            log: quiet,
            metrics: noopMetrics,
            database,
          }),
          (error: unknown) => {
            assert.ok(error instanceof MigrationsPendingError);
            assert.match(error.message, /`prompter migrate up`/);
            assert.deepEqual(error.pending, Object.keys(allMigrations).sort());
            return true;
          },
        );
        assert.deepEqual(await database.db.introspection.getTables(), []);
      } finally {
        await dispose();
      }
    });

    it('apply migrates; then require-current opens the services on it', async () => {
      const { database, dispose } = await dialect.open();
      try {
        const applied = await openRuntime(config, {
          migrations: 'apply',
          log: quiet,
          metrics: noopMetrics,
          database,
        });
        await applied.close();
        const current = await openRuntime(config, {
          migrations: 'require-current',
          log: quiet,
          metrics: noopMetrics,
          database,
        });
        try {
          assert.equal(await current.services.keys.countActiveKeys(), 0);
          assert.equal(current.database, database);
        } finally {
          await current.close();
        }
        // An injected database belongs to the caller: still open after both closes.
        assert.ok((await database.db.introspection.getTables()).length > 0);
      } finally {
        await dispose();
      }
    });
  });
}

describe('openRuntime from configuration', () => {
  it('opens the configured database, hands Redis (none here) to the metrics factory, and closes the database', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'prompter-runtime-'));
    try {
      const fromConfig = loadConfig({
        DB_URL: `sqlite:///${join(directory, 'runtime.db')}`,
        LOG_LEVEL: 'silent',
      });
      const seen: unknown[] = [];
      const runtime = await openRuntime(fromConfig, {
        migrations: 'apply',
        log: quiet,
        metrics: (redis) => {
          seen.push(redis);
          return noopMetrics;
        },
      });
      assert.deepEqual(seen, [null]);
      assert.equal(runtime.redis, null);
      assert.equal(runtime.metrics, noopMetrics);
      assert.equal(await runtime.services.keys.countActiveKeys(), 0);
      await runtime.close();
      await assert.rejects(runtime.database.db.selectFrom('api_keys').selectAll().execute());
      await runtime.close(); // idempotent
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});
