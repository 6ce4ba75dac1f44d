import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sql } from 'kysely';
import { testDialects } from '../../test/helpers/test-databases.ts';
import { migrateDownOne, migrateToLatest, migrationStatus } from './migrator.ts';
import { allMigrations } from './migrations/all-migrations.ts';

const migrationNames = Object.keys(allMigrations);

for (const dialect of testDialects) {
  describe(`migrations [${dialect.name}]`, { skip: dialect.skipReason }, () => {
    it('go up, all the way down, and up again, with every table and index in place', async () => {
      const { database, dispose } = await dialect.open();
      try {
        assert.deepEqual(await migrateToLatest(database.db), migrationNames);
        assert.deepEqual(await migrateToLatest(database.db), [], 'a second run applies nothing');
        assert.ok((await migrationStatus(database.db)).every((state) => state.executedAt !== null));
        const tables = await database.db.introspection.getTables();
        for (const table of ['prompt_templates', 'prompt_versions', 'prompt_results']) {
          assert.ok(
            tables.some((t) => t.name === table),
            `${table} exists`,
          );
        }

        for (let step = 0; step < migrationNames.length; step += 1) {
          await migrateDownOne(database.db);
        }
        const afterDown = await database.db.introspection.getTables();
        assert.ok(!afterDown.some((t) => t.name.startsWith('prompt_')), 'down removes the tables');
        assert.ok((await migrationStatus(database.db)).every((state) => state.executedAt === null));

        assert.deepEqual(await migrateToLatest(database.db), migrationNames);
      } finally {
        await dispose();
      }
    });

    it('keeps its bookkeeping to its own schema: a second schema in the same database migrates too', async () => {
      const first = await dialect.open();
      const second = await dialect.open();
      try {
        assert.deepEqual(await migrateToLatest(first.database.db), migrationNames);
        assert.deepEqual(await migrateToLatest(second.database.db), migrationNames);
        assert.deepEqual(await migrateToLatest(first.database.db), []);
      } finally {
        await first.dispose();
        await second.dispose();
      }
    });

    it('enforces the partial unique index and the foreign keys', async () => {
      const { database, dispose } = await dialect.open();
      try {
        await migrateToLatest(database.db);
        const row = (id: string, deletedAt: string | null) => ({
          id,
          org_id: 'o',
          workspace_id: 'w',
          name: 'n',
          provider: null,
          system_instructions: null,
          user_prompt_template: 'x',
          country_set: '[]',
          model_id: 'gpt-4o',
          inference_params: '{}',
          tools_spec: '[]',
          response_format: null,
          grounding_profile_id: null,
          grounding_snapshot_id: null,
          retrieval_params: null,
          preprocess_pipeline_id: null,
          postprocess_pipeline_id: null,
          config_hash: 'h',
          config_canonical_json: '{}',
          created_by: null,
          created_at: '2026-11-23T00:00:00.000Z',
          deleted_at: deletedAt,
        });
        await database.db.insertInto('prompt_templates').values(row('a', null)).execute();
        await database.db
          .insertInto('prompt_templates')
          .values(row('b', '2026-11-23T00:00:01.000Z'))
          .execute();
        await assert.rejects(
          database.db.insertInto('prompt_templates').values(row('c', null)).execute(),
          'a second active template with the same hash is rejected',
        );
        await assert.rejects(
          database.db
            .insertInto('prompt_versions')
            .values({
              id: 'v',
              org_id: 'o',
              workspace_id: 'w',
              template_id: 'missing',
              provider: 'openai',
              provider_version_key: 'k',
              model_id: 'gpt-4o',
              first_seen_at: '2026-11-23T00:00:00.000Z',
              last_seen_at: '2026-11-23T00:00:00.000Z',
            })
            .execute(),
          'a version of an unknown template is rejected',
        );
        const count = await sql<{
          count: number | string;
        }>`select count(*) as count from prompt_templates`.execute(database.db);
        assert.equal(Number(count.rows[0]?.count), 2);
      } finally {
        await dispose();
      }
    });
  });
}
