import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sql, type Kysely } from 'kysely';
import { testDialects } from '../../test/helpers/test-databases.ts';
import { migrateDownOne, migrateToLatest, migrationStatus } from './migrator.ts';
import { findDropTargets, planMigrateDown } from './plan-migrate-down.ts';

for (const dialect of testDialects) {
  describe(`planMigrateDown [${dialect.name}]`, { skip: dialect.skipReason }, () => {
    it('reads dropped tables and columns from a down migration, executing none of it', async () => {
      const { database, dispose } = await dialect.open();
      try {
        await migrateToLatest(database.db);
        const down = async (db: Kysely<unknown>) => {
          await db.schema.alterTable('prompt_templates').dropColumn('created_by').execute();
          await sql`drop table if exists "audit_log"`.execute(db);
          await db.schema.dropTable('api_keys').ifExists().execute();
        };
        assert.deepEqual(
          await findDropTargets(database.db, { up: () => Promise.resolve(), down }),
          [
            { table: 'prompt_templates', column: 'created_by' },
            { table: 'audit_log', column: null },
            { table: 'api_keys', column: null },
          ],
        );
        const tables = (await database.db.introspection.getTables()).map((table) => table.name);
        assert.ok(tables.includes('audit_log') && tables.includes('api_keys'), 'nothing dropped');
        // Plan the revert of 0002 (keys and audit): first revert what came after it.
        const keysMigration = '2026-11-23-0002-create-api-keys-and-audit-log';
        for (;;) {
          const applied = (await migrationStatus(database.db)).filter((s) => s.executedAt !== null);
          if ((applied.at(-1)?.name ?? '') <= keysMigration) break;
          await migrateDownOne(database.db);
        }
        const plan = await planMigrateDown(database.db);
        assert.equal(plan.migrationName, '2026-11-23-0002-create-api-keys-and-audit-log');
        assert.deepEqual(plan.losses, [
          { table: 'audit_log', column: null, rows: 0 },
          { table: 'api_keys', column: null, rows: 0 },
        ]);
      } finally {
        await dispose();
      }
    });
  });
}
