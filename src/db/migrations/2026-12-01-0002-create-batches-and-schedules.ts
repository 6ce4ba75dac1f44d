import { sql, type Kysely } from 'kysely';

/**
 * Batches, their cells and every provider attempt; schedules and their ticks; per-org monthly
 * budgets (issue 10). Portable like 0001: text ids and ISO-8601 UTC text timestamps made by the
 * app, JSON as text, booleans as 0/1. A cell's country is '' when the batch runs without one, so
 * the unique key (batch, country, model, sample) holds on both databases (NULLs never collide).
 * Additive only (new tables, nullable columns, indexes): the release before it runs on it.
 */
export const backwardCompatible = true;

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('batches')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('org_id', 'text', (column) => column.notNull())
    .addColumn('workspace_id', 'text', (column) => column.notNull())
    .addColumn('template_id', 'text', (column) =>
      column.notNull().references('prompt_templates.id'),
    )
    .addColumn('status', 'text', (column) =>
      column
        .notNull()
        .check(sql`status in ('queued', 'running', 'completed', 'failed', 'cancelled')`),
    )
    // The request as normalised at creation (countries, models, samples, variables, …).
    .addColumn('spec', 'text', (column) => column.notNull())
    .addColumn('total', 'integer', (column) => column.notNull())
    .addColumn('concurrency', 'integer', (column) => column.notNull())
    .addColumn('max_attempts', 'integer', (column) => column.notNull())
    .addColumn('resend_interrupted', 'integer', (column) => column.notNull())
    .addColumn('estimate', 'text', (column) => column.notNull())
    .addColumn('idempotency_key', 'text')
    // SHA-256 of the request body: a key reused with another body is refused, not obeyed.
    .addColumn('request_sha256', 'text')
    .addColumn('schedule_id', 'text')
    .addColumn('created_by', 'text', (column) => column.notNull())
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('started_at', 'text')
    .addColumn('finished_at', 'text')
    .addColumn('cancel_requested_at', 'text')
    .addUniqueConstraint('ux_batches_org_idempotency_key', ['org_id', 'idempotency_key'])
    .execute();
  await db.schema
    .createIndex('ix_batches_org_created')
    .on('batches')
    .columns(['org_id', 'created_at', 'id'])
    .execute();
  await db.schema
    .createIndex('ix_batches_template_created')
    .on('batches')
    .columns(['template_id', 'created_at', 'id'])
    .execute();

  await db.schema
    .createTable('batch_cells')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('batch_id', 'text', (column) => column.notNull().references('batches.id'))
    .addColumn('country', 'text', (column) => column.notNull())
    .addColumn('provider', 'text', (column) => column.notNull())
    .addColumn('model_id', 'text', (column) => column.notNull())
    .addColumn('sample_index', 'integer', (column) => column.notNull())
    .addColumn('status', 'text', (column) =>
      column
        .notNull()
        .check(sql`status in ('pending', 'running', 'succeeded', 'failed', 'cancelled')`),
    )
    .addColumn('attempts', 'integer', (column) => column.notNull())
    .addColumn('possibly_billed_resends', 'integer', (column) => column.notNull())
    .addColumn('next_attempt_at', 'text', (column) => column.notNull())
    .addColumn('lease_owner', 'text')
    .addColumn('lease_expires_at', 'text')
    .addColumn('result_id', 'text')
    .addColumn('error', 'text')
    .addColumn('prompt_tokens', 'integer')
    .addColumn('completion_tokens', 'integer')
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .addUniqueConstraint('ux_batch_cells_coordinates', [
      'batch_id',
      'country',
      'model_id',
      'sample_index',
    ])
    .execute();
  await db.schema
    .createIndex('ix_batch_cells_batch_status')
    .on('batch_cells')
    .columns(['batch_id', 'status', 'next_attempt_at'])
    .execute();
  await db.schema
    .createIndex('ix_batch_cells_status_lease')
    .on('batch_cells')
    .columns(['status', 'lease_expires_at'])
    .execute();

  await db.schema
    .createTable('batch_attempts')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('cell_id', 'text', (column) => column.notNull().references('batch_cells.id'))
    .addColumn('batch_id', 'text', (column) => column.notNull())
    .addColumn('attempt_number', 'integer', (column) => column.notNull())
    // `sent` until settled; `interrupted` when found unsettled after a crash or lease expiry.
    .addColumn('status', 'text', (column) =>
      column.notNull().check(sql`status in ('sent', 'succeeded', 'failed', 'interrupted')`),
    )
    .addColumn('possibly_billed', 'integer', (column) => column.notNull())
    .addColumn('error', 'text')
    .addColumn('started_at', 'text', (column) => column.notNull())
    .addColumn('settled_at', 'text')
    .addUniqueConstraint('ux_batch_attempts_cell_number', ['cell_id', 'attempt_number'])
    .execute();

  // At most one result per cell, enforced by the database (NULL for single runs).
  await db.schema.alterTable('prompt_results').addColumn('cell_id', 'text').execute();
  await db.schema.alterTable('prompt_results').addColumn('country_applied', 'text').execute();
  // Token counts as columns (also inside `usage`): budgets and cost sums group by them.
  await db.schema.alterTable('prompt_results').addColumn('prompt_tokens', 'integer').execute();
  await db.schema.alterTable('prompt_results').addColumn('completion_tokens', 'integer').execute();
  await db.schema
    .createIndex('ux_prompt_results_cell')
    .on('prompt_results')
    .column('cell_id')
    .unique()
    .execute();
  await db.schema
    .createIndex('ix_prompt_results_batch')
    .on('prompt_results')
    .columns(['batch_id', 'created_at', 'id'])
    .execute();
  await db.schema
    .createIndex('ix_prompt_results_org_created')
    .on('prompt_results')
    .columns(['org_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('schedules')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('org_id', 'text', (column) => column.notNull())
    .addColumn('workspace_id', 'text', (column) => column.notNull())
    .addColumn('template_id', 'text', (column) =>
      column.notNull().references('prompt_templates.id'),
    )
    .addColumn('cron', 'text', (column) => column.notNull())
    .addColumn('timezone', 'text', (column) => column.notNull())
    .addColumn('batch_request', 'text', (column) => column.notNull())
    .addColumn('enabled', 'integer', (column) => column.notNull())
    .addColumn('next_run_at', 'text')
    .addColumn('last_run_at', 'text')
    // The newest tick handled (fired, skipped or missed): the next look starts after it.
    .addColumn('last_tick_at', 'text', (column) => column.notNull())
    .addColumn('created_by', 'text', (column) => column.notNull())
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .addColumn('deleted_at', 'text')
    .execute();
  await db.schema
    .createIndex('ix_schedules_due')
    .on('schedules')
    .columns(['enabled', 'next_run_at'])
    .execute();
  await db.schema
    .createIndex('ix_schedules_org_created')
    .on('schedules')
    .columns(['org_id', 'created_at', 'id'])
    .execute();

  // One row per (schedule, tick): the primary key is what makes a tick fire once, whatever the
  // number of schedulers racing for it.
  await db.schema
    .createTable('schedule_ticks')
    .addColumn('schedule_id', 'text', (column) => column.notNull().references('schedules.id'))
    .addColumn('tick_at', 'text', (column) => column.notNull())
    .addColumn('status', 'text', (column) =>
      column.notNull().check(sql`status in ('fired', 'skipped', 'missed')`),
    )
    .addColumn('batch_id', 'text')
    .addColumn('reason', 'text')
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addPrimaryKeyConstraint('pk_schedule_ticks', ['schedule_id', 'tick_at'])
    .execute();

  await db.schema
    .createTable('org_budgets')
    .addColumn('org_id', 'text', (column) => column.primaryKey())
    .addColumn('monthly_calls', 'integer')
    // Micro-dollars, an integer: sums stay exact on both databases.
    .addColumn('monthly_cost_microusd', 'integer')
    .addColumn('updated_by', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('org_budgets').execute();
  await db.schema.dropTable('schedule_ticks').execute();
  await db.schema.dropTable('schedules').execute();
  await db.schema.dropIndex('ix_prompt_results_org_created').execute();
  await db.schema.dropIndex('ix_prompt_results_batch').execute();
  await db.schema.dropIndex('ux_prompt_results_cell').execute();
  await db.schema.alterTable('prompt_results').dropColumn('completion_tokens').execute();
  await db.schema.alterTable('prompt_results').dropColumn('prompt_tokens').execute();
  await db.schema.alterTable('prompt_results').dropColumn('country_applied').execute();
  await db.schema.alterTable('prompt_results').dropColumn('cell_id').execute();
  await db.schema.dropTable('batch_attempts').execute();
  await db.schema.dropTable('batch_cells').execute();
  await db.schema.dropTable('batches').execute();
}
