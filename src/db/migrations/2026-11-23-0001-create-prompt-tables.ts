import { sql, type Kysely } from 'kysely';

/**
 * The three tables of docs/api-contract.md §7, portable across SQLite and PostgreSQL: text ids (UUIDs made by
 * the app), JSON as text, timestamps as ISO-8601 UTC text, booleans as 0/1 integers.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('prompt_templates')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('org_id', 'text', (column) => column.notNull())
    .addColumn('workspace_id', 'text', (column) => column.notNull())
    .addColumn('name', 'text', (column) => column.notNull())
    .addColumn('provider', 'text')
    .addColumn('system_instructions', 'text')
    .addColumn('user_prompt_template', 'text', (column) => column.notNull())
    .addColumn('country_set', 'text', (column) => column.notNull())
    .addColumn('model_id', 'text', (column) => column.notNull())
    .addColumn('inference_params', 'text', (column) => column.notNull())
    .addColumn('tools_spec', 'text', (column) => column.notNull())
    .addColumn('response_format', 'text')
    .addColumn('grounding_profile_id', 'text')
    .addColumn('grounding_snapshot_id', 'text')
    .addColumn('retrieval_params', 'text')
    .addColumn('preprocess_pipeline_id', 'text')
    .addColumn('postprocess_pipeline_id', 'text')
    .addColumn('config_hash', 'text', (column) => column.notNull())
    .addColumn('config_canonical_json', 'text', (column) => column.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('deleted_at', 'text')
    .execute();

  // Active-only uniqueness: the same configuration may be tracked again once its twin is deleted.
  await db.schema
    .createIndex('ux_tpl_org_ws_confighash_active')
    .on('prompt_templates')
    .columns(['org_id', 'workspace_id', 'config_hash'])
    .unique()
    .where(sql.ref('deleted_at'), 'is', null)
    .execute();
  await db.schema
    .createIndex('ix_tpl_org_ws_created')
    .on('prompt_templates')
    .columns(['org_id', 'workspace_id', 'created_at', 'id'])
    .execute();
  await db.schema
    .createIndex('ix_tpl_org_created')
    .on('prompt_templates')
    .columns(['org_id', 'created_at', 'id'])
    .execute();

  await db.schema
    .createTable('prompt_versions')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('org_id', 'text', (column) => column.notNull())
    .addColumn('workspace_id', 'text', (column) => column.notNull())
    .addColumn('template_id', 'text', (column) =>
      column.notNull().references('prompt_templates.id'),
    )
    .addColumn('provider', 'text', (column) => column.notNull())
    .addColumn('provider_version_key', 'text', (column) => column.notNull())
    .addColumn('model_id', 'text', (column) => column.notNull())
    .addColumn('served_model_id', 'text')
    .addColumn('system_fingerprint', 'text')
    .addColumn('model_version', 'text')
    .addColumn('service_tier', 'text')
    .addColumn('azure_deployment', 'text')
    .addColumn('azure_api_version', 'text')
    .addColumn('fingerprint_captured_at', 'text')
    .addColumn('first_seen_at', 'text', (column) => column.notNull())
    .addColumn('last_seen_at', 'text', (column) => column.notNull())
    .addUniqueConstraint('ux_versions_org_ws_tpl_key', [
      'org_id',
      'workspace_id',
      'template_id',
      'provider_version_key',
    ])
    .execute();
  await db.schema
    .createIndex('ix_versions_tpl_first_seen')
    .on('prompt_versions')
    .columns(['template_id', 'first_seen_at'])
    .execute();

  await db.schema
    .createTable('prompt_results')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('org_id', 'text', (column) => column.notNull())
    .addColumn('workspace_id', 'text', (column) => column.notNull())
    .addColumn('template_id', 'text', (column) =>
      column.notNull().references('prompt_templates.id'),
    )
    .addColumn('version_id', 'text', (column) => column.references('prompt_versions.id'))
    .addColumn('batch_id', 'text')
    .addColumn('sample_index', 'integer')
    .addColumn('provider', 'text', (column) => column.notNull())
    .addColumn('model_id', 'text', (column) => column.notNull())
    .addColumn('provider_version_key', 'text')
    .addColumn('system_fingerprint', 'text')
    .addColumn('country', 'text')
    .addColumn('brand_name', 'text')
    .addColumn('runtime_vars', 'text', (column) => column.notNull())
    .addColumn('use_grounding', 'integer', (column) => column.notNull())
    .addColumn('analysis_config', 'text')
    .addColumn('rendered_prompt_sha256', 'text')
    .addColumn('request', 'text', (column) => column.notNull())
    .addColumn('response', 'text', (column) => column.notNull())
    .addColumn('content', 'text')
    .addColumn('usage', 'text')
    .addColumn('latency_ms', 'integer')
    .addColumn('status', 'text', (column) => column.notNull())
    .addColumn('error', 'text')
    .addColumn('simulated', 'integer', (column) => column.notNull())
    .addColumn('created_at', 'text', (column) => column.notNull())
    .execute();
  await db.schema
    .createIndex('ix_results_tpl_time')
    .on('prompt_results')
    .columns(['template_id', 'created_at', 'id'])
    .execute();
  await db.schema
    .createIndex('ix_results_version')
    .on('prompt_results')
    .column('version_id')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('prompt_results').execute();
  await db.schema.dropTable('prompt_versions').execute();
  await db.schema.dropTable('prompt_templates').execute();
}
