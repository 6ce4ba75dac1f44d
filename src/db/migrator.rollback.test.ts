// Real databases (SQLite file, PostgreSQL schema). Release N+1 is played by the current migration
// list plus one extra migration; release N is the current code and list: the migrator, and the
// whole app built on the database release N+1 migrated. Fake providers, no Redis.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sql, type Kysely } from 'kysely';
import { buildApp } from '../app.ts';
import { loadConfig } from '../config/load-config.ts';
import { templateBody } from '../../test/helpers/template-bodies.ts';
import { testDialects } from '../../test/helpers/test-databases.ts';
import {
  MigrationFailedError,
  migrateDownOne,
  migrateToLatest,
  migrationStatus,
} from './migrator.ts';
import { allMigrations } from './migrations/all-migrations.ts';
import type { PrompterMigration } from './prompter-migration.ts';

const NEWER = '2099-01-01-0001-add-template-labels';

/** Release N+1's extra migration: an additive table, marked or not. */
function newerRelease(backwardCompatible: boolean | undefined): Record<string, PrompterMigration> {
  const migration: PrompterMigration = {
    ...(backwardCompatible === undefined ? {} : { backwardCompatible }),
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('template_labels')
        .addColumn('template_id', 'text', (column) => column.notNull())
        .addColumn('label', 'text', (column) => column.notNull())
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('template_labels').execute();
    },
  };
  return { ...allMigrations, [NEWER]: migration };
}

for (const dialect of testDialects) {
  describe(
    `rollback to the previous release [${dialect.name}]`,
    { skip: dialect.skipReason },
    () => {
      it('release N starts on the schema release N+1 migrated, when N+1 marked its migration backward-compatible', async () => {
        const { database, dispose } = await dialect.open();
        try {
          const applied = await migrateToLatest(database.db, { migrations: newerRelease(true) });
          assert.deepEqual(applied, [...Object.keys(allMigrations), NEWER]);

          const reported: string[][] = [];
          assert.deepEqual(
            await migrateToLatest(database.db, {
              onNewerMigrations: (names) => reported.push([...names]),
            }),
            [],
          );
          assert.deepEqual(reported, [[NEWER]]);
          const status = await migrationStatus(database.db);
          assert.ok(status.every((state) => state.executedAt !== null));

          // The whole app of release N: starts, logs the newer migration, serves reads and writes.
          const lines: string[] = [];
          const app = await buildApp({
            config: loadConfig({ LOG_LEVEL: 'info' }),
            database,
            redis: null,
            logStream: { write: (line) => lines.push(line) },
          });
          try {
            await app.ready();
            const warning = lines
              .map((line) => JSON.parse(line) as Record<string, unknown>)
              .find((entry) => Array.isArray(entry['newer_migrations']));
            assert.deepEqual(warning?.['newer_migrations'], [NEWER]);
            assert.equal(warning?.['level'], 40);
            assert.equal((await app.inject({ method: 'GET', url: '/health' })).statusCode, 200);
            const created = await app.inject({
              method: 'POST',
              url: '/api/prompt-templates',
              payload: templateBody(),
            });
            assert.equal(created.statusCode, 201, created.body);
          } finally {
            await app.close();
          }

          // Release N does not revert what it does not know.
          await assert.rejects(migrateDownOne(database.db), /belongs to a newer release/);
          // Release N+1 comes back: nothing to apply, its table still there.
          assert.deepEqual(
            await migrateToLatest(database.db, { migrations: newerRelease(true) }),
            [],
          );
          await sql`select count(*) from template_labels`.execute(database.db);
        } finally {
          await dispose();
        }
      });

      for (const mark of [false, undefined]) {
        it(`release N refuses to start on a newer migration marked ${String(mark)}, naming it`, async () => {
          const { database, dispose } = await dialect.open();
          try {
            await migrateToLatest(database.db, { migrations: newerRelease(mark) });
            await assert.rejects(migrateToLatest(database.db), (error: unknown) => {
              assert.ok(error instanceof MigrationFailedError);
              assert.match(error.message, new RegExp(NEWER));
              assert.match(error.message, /newer release/);
              assert.match(error.message, /not marked backward-compatible/);
              return true;
            });
            await assert.rejects(
              buildApp({ config: loadConfig({ LOG_LEVEL: 'silent' }), database, redis: null }),
              MigrationFailedError,
            );
          } finally {
            await dispose();
          }
        });
      }

      it('reverting release N+1 removes its mark with its migration', async () => {
        const { database, dispose } = await dialect.open();
        try {
          await migrateToLatest(database.db, { migrations: newerRelease(true) });
          assert.deepEqual(await migrateDownOne(database.db, { migrations: newerRelease(true) }), [
            NEWER,
          ]);
          const marks = await sql<{
            name: string;
          }>`select name from migration_compatibility`.execute(database.db);
          assert.ok(!marks.rows.some((row) => row.name === NEWER));
          assert.deepEqual(await migrateToLatest(database.db), []);
        } finally {
          await dispose();
        }
      });
    },
  );
}
