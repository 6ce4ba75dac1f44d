import type { Kysely } from 'kysely';

/**
 * `migration_compatibility`: one row per applied migration (from this one on) saying whether the
 * release before it runs on the schema it leaves (`src/db/prompter-migration.ts`). The migrator
 * writes the rows; a release that finds migrations it does not know reads them.
 */
export const backwardCompatible = true;

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('migration_compatibility')
    .addColumn('name', 'text', (column) => column.primaryKey())
    // 1 or 0: the same on SQLite and PostgreSQL.
    .addColumn('backward_compatible', 'integer', (column) => column.notNull())
    .addColumn('recorded_at', 'text', (column) => column.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('migration_compatibility').execute();
}
