import { sql, type Kysely } from 'kysely';

/**
 * API keys and the audit log of administrative actions (issue 5), in the portable style of 0001:
 * text ids made by the app, ISO-8601 UTC text timestamps, JSON as text.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('api_keys')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('org_id', 'text', (column) => column.notNull())
    .addColumn('role', 'text', (column) =>
      column.notNull().check(sql`role in ('admin', 'member', 'viewer')`),
    )
    .addColumn('name', 'text')
    // The public part of the key (`pk_<prefix>_…`): how a presented key finds its row.
    .addColumn('prefix', 'text', (column) => column.notNull())
    // SHA-256 of the whole key, hex; the key itself is never stored.
    .addColumn('secret_hash', 'text', (column) => column.notNull())
    .addColumn('created_by', 'text', (column) => column.notNull())
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('last_used_at', 'text')
    .addColumn('expires_at', 'text')
    .addColumn('revoked_at', 'text')
    .addUniqueConstraint('ux_api_keys_prefix', ['prefix'])
    .execute();
  await db.schema
    .createIndex('ix_api_keys_org_created')
    .on('api_keys')
    .columns(['org_id', 'created_at', 'id'])
    .execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('org_id', 'text', (column) => column.notNull())
    // An API key id, `cli:<user>`, or `anonymous` (auth off).
    .addColumn('actor', 'text', (column) => column.notNull())
    .addColumn('action', 'text', (column) => column.notNull())
    .addColumn('target_type', 'text')
    .addColumn('target_id', 'text')
    .addColumn('details', 'text', (column) => column.notNull())
    .addColumn('created_at', 'text', (column) => column.notNull())
    .execute();
  await db.schema
    .createIndex('ix_audit_org_created')
    .on('audit_log')
    .columns(['org_id', 'created_at', 'id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('audit_log').execute();
  await db.schema.dropTable('api_keys').execute();
}
