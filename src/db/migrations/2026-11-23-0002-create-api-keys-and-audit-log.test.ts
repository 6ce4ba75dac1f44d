import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Migrator, sql } from 'kysely';
import {
  openSecurityDatabase,
  securityMigrations,
  type SecurityTestDatabase,
} from '../../../test/helpers/open-security-database.ts';
import { testDialects } from '../../../test/helpers/test-databases.ts';

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
      let testDatabase: SecurityTestDatabase;
      before(async () => {
        testDatabase = await openSecurityDatabase(dialect);
      });
      after(() => testDatabase?.dispose());

      it('creates both tables with their (org_id, created_at) indexes', async () => {
        const tables = await testDatabase.db.introspection.getTables();
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
              }>`select name from sqlite_master where type = 'index'`.execute(testDatabase.db)
            : await sql<{
                name: string;
              }>`select indexname as name from pg_indexes where schemaname = current_schema()`.execute(
                testDatabase.db,
              );
        const names = indexes.rows.map((row) => row.name);
        for (const index of ['ix_api_keys_org_created', 'ix_audit_org_created']) {
          assert.ok(names.includes(index), `${index} exists`);
        }
      });

      it('keeps prefixes unique and roles to admin, member and viewer', async () => {
        const db = testDatabase.db;
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
        const migrator = new Migrator({
          db: testDatabase.database.db,
          provider: { getMigrations: () => Promise.resolve({ ...securityMigrations }) },
        });
        const down = await migrator.migrateTo('2026-11-23-0001-create-prompt-tables');
        assert.equal(down.error, undefined);
        assert.ok(
          down.results?.some(
            (result) => result.migrationName === '2026-11-23-0002-create-api-keys-and-audit-log',
          ),
        );
        const tables = await testDatabase.db.introspection.getTables();
        assert.ok(!tables.some((table) => ['api_keys', 'audit_log'].includes(table.name)));
        const up = await migrator.migrateToLatest();
        assert.equal(up.error, undefined);
        assert.equal(up.results?.length, down.results?.length);
      });
    },
  );
}
