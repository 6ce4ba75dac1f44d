import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { testDialects, type TestDatabase } from '../../../test/helpers/test-databases.ts';
import { migrateDownOne, migrateToLatest } from '../migrator.ts';

const keyRow = (id: string, prefix: string, role = 'admin') => ({
  id,
  org_id: 'acme',
  role,
  name: null,
  prefix,
  secret_hash: 'h',
  created_by: 'cli:test',
  created_at: '2026-11-23T00:00:00.000Z',
  last_used_at: null,
  expires_at: null,
  revoked_at: null,
});

for (const dialect of testDialects) {
  describe(
    `migration 0002 api_keys and audit_log [${dialect.name}]`,
    { skip: dialect.skipReason },
    () => {
      let testDatabase: TestDatabase;
      before(async () => {
        testDatabase = await dialect.open();
        await migrateToLatest(testDatabase.database.db);
      });
      after(() => testDatabase?.dispose());

      it('creates both tables with their (org_id, created_at) indexes', async () => {
        const tables = await testDatabase.database.db.introspection.getTables();
        for (const name of ['api_keys', 'audit_log']) {
          assert.ok(
            tables.some((table) => table.name === name),
            `${name} exists`,
          );
        }
        const columns = tables.find((table) => table.name === 'api_keys')?.columns ?? [];
        assert.deepEqual(columns.map((column) => column.name).sort(), [
          'created_at',
          'created_by',
          'expires_at',
          'id',
          'last_used_at',
          'name',
          'org_id',
          'prefix',
          'revoked_at',
          'role',
          'secret_hash',
        ]);
        const indexes =
          dialect.name === 'sqlite'
            ? await sql<{
                name: string;
              }>`select name from sqlite_master where type = 'index'`.execute(
                testDatabase.database.db,
              )
            : await sql<{
                name: string;
              }>`select indexname as name from pg_indexes where schemaname = current_schema()`.execute(
                testDatabase.database.db,
              );
        const names = indexes.rows.map((row) => row.name);
        for (const index of ['ix_api_keys_org_created', 'ix_audit_org_created']) {
          assert.ok(names.includes(index), `${index} exists`);
        }
      });

      it('keeps prefixes unique and roles to admin, member and viewer', async () => {
        const db = testDatabase.database.db;
        await db.insertInto('api_keys').values(keyRow('k1', 'aaaaaaaaaaaa')).execute();
        await assert.rejects(
          db.insertInto('api_keys').values(keyRow('k2', 'aaaaaaaaaaaa')).execute(),
        );
        await assert.rejects(
          db
            .insertInto('api_keys')
            .values(keyRow('k3', 'bbbbbbbbbbbb', 'root'))
            .execute(),
        );
      });

      it('goes down and up again', async () => {
        // Later migrations are reverted first, down to and including 0002.
        const reverted: string[] = [];
        while (!reverted.includes('2026-11-23-0002-create-api-keys-and-audit-log')) {
          const down = await migrateDownOne(testDatabase.database.db);
          assert.equal(down.length, 1, 'one migration per call, and 0002 was applied');
          reverted.push(...down);
        }
        const tables = await testDatabase.database.db.introspection.getTables();
        assert.ok(!tables.some((table) => ['api_keys', 'audit_log'].includes(table.name)));
        assert.deepEqual(await migrateToLatest(testDatabase.database.db), reverted.reverse());
      });
    },
  );
}
