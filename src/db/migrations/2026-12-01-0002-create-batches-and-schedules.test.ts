import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Kysely } from 'kysely';
import { testDialects, type TestDatabase } from '../../../test/helpers/test-databases.ts';
import type { DatabaseSchema } from '../database-schema.ts';
import { migrateDownOne, migrateToLatest } from '../migrator.ts';

const at = '2026-12-01T00:00:00.000Z';

async function seedBatch(db: Kysely<DatabaseSchema>): Promise<void> {
  await db
    .insertInto('prompt_templates')
    .values({
      id: 't1',
      org_id: 'o',
      workspace_id: 'w',
      name: 'n',
      provider: null,
      system_instructions: null,
      user_prompt_template: 'p',
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
      created_at: at,
      deleted_at: null,
    })
    .execute();
  await db
    .insertInto('batches')
    .values({
      id: 'b1',
      org_id: 'o',
      workspace_id: 'w',
      template_id: 't1',
      status: 'queued',
      spec: '{}',
      total: 1,
      concurrency: 1,
      max_attempts: 3,
      resend_interrupted: 1,
      estimate: '{}',
      idempotency_key: 'k',
      request_sha256: 's',
      schedule_id: null,
      created_by: 'anonymous',
      created_at: at,
      started_at: null,
      finished_at: null,
      cancel_requested_at: null,
    })
    .execute();
}

const cell = (id: string, sampleIndex: number) => ({
  id,
  batch_id: 'b1',
  country: '',
  provider: 'openai',
  model_id: 'gpt-4o',
  sample_index: sampleIndex,
  status: 'pending',
  attempts: 0,
  possibly_billed_resends: 0,
  next_attempt_at: at,
  lease_owner: null,
  lease_expires_at: null,
  result_id: null,
  error: null,
  prompt_tokens: null,
  completion_tokens: null,
  updated_at: at,
});

for (const dialect of testDialects) {
  describe(
    `migration 2026-12-01-0002 batches and schedules [${dialect.name}]`,
    { skip: dialect.skipReason },
    () => {
      let testDatabase: TestDatabase;
      before(async () => {
        testDatabase = await dialect.open();
        await migrateToLatest(testDatabase.database.db);
        await seedBatch(testDatabase.database.db);
      });
      after(() => testDatabase?.dispose());

      it('holds one cell per (batch, country, model, sample) and one idempotency key per org', async () => {
        const db = testDatabase.database.db;
        await db.insertInto('batch_cells').values(cell('c1', 0)).execute();
        await assert.rejects(db.insertInto('batch_cells').values(cell('c2', 0)).execute());
        await db.insertInto('batch_cells').values(cell('c3', 1)).execute();
        await assert.rejects(
          db
            .insertInto('batches')
            .values({
              ...(await db.selectFrom('batches').selectAll().executeTakeFirstOrThrow()),
              id: 'b2',
            })
            .execute(),
          'the same idempotency key in the same org is refused',
        );
      });

      it('refuses a second attempt with the same number and a second tick for one schedule time', async () => {
        const db = testDatabase.database.db;
        const attempt = {
          id: 'a1',
          cell_id: 'c1',
          batch_id: 'b1',
          attempt_number: 1,
          status: 'sent',
          possibly_billed: 0,
          error: null,
          started_at: at,
          settled_at: null,
        };
        await db.insertInto('batch_attempts').values(attempt).execute();
        await assert.rejects(
          db
            .insertInto('batch_attempts')
            .values({ ...attempt, id: 'a2' })
            .execute(),
        );
        await db
          .insertInto('schedules')
          .values({
            id: 's1',
            org_id: 'o',
            workspace_id: 'w',
            template_id: 't1',
            cron: '0 * * * *',
            timezone: 'UTC',
            batch_request: '{}',
            enabled: 1,
            next_run_at: at,
            last_run_at: null,
            last_tick_at: at,
            created_by: 'anonymous',
            created_at: at,
            updated_at: at,
            deleted_at: null,
          })
          .execute();
        const tick = {
          schedule_id: 's1',
          tick_at: at,
          status: 'fired',
          batch_id: 'b1',
          reason: null,
          created_at: at,
        };
        await db.insertInto('schedule_ticks').values(tick).execute();
        await assert.rejects(db.insertInto('schedule_ticks').values(tick).execute());
      });

      it('goes down and up again', async () => {
        const db = testDatabase.database.db;
        await db.deleteFrom('schedule_ticks').execute();
        await db.deleteFrom('schedules').execute();
        await db.deleteFrom('batch_attempts').execute();
        await db.deleteFrom('batch_cells').execute();
        await db.deleteFrom('batches').execute();
        assert.deepEqual(await migrateDownOne(db), [
          '2026-12-01-0002-create-batches-and-schedules',
        ]);
        const tables = await db.introspection.getTables();
        assert.ok(!tables.some((table) => table.name.startsWith('batch')));
        const results = tables.find((table) => table.name === 'prompt_results');
        assert.ok(
          results !== undefined && !results.columns.some((column) => column.name === 'cell_id'),
        );
        assert.deepEqual(await migrateToLatest(db), [
          '2026-12-01-0002-create-batches-and-schedules',
        ]);
      });
    },
  );
}
