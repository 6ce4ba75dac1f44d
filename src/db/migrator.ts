import { Migrator, PostgresAdapter, sql, type Kysely, type MigrationResultSet } from 'kysely';
import type { DatabaseSchema } from './database-schema.ts';
import { allMigrations } from './migrations/all-migrations.ts';

export interface MigrationState {
  readonly name: string;
  readonly executedAt: string | null;
}

export class MigrationFailedError extends Error {
  override readonly name = 'MigrationFailedError';
}

/**
 * On PostgreSQL the migration bookkeeping lives in the connection's current schema, named
 * explicitly: without a schema, Kysely takes a `kysely_migration` table in ANY schema of the
 * database as its own (so a second app, or a second Prompter, in another schema breaks it).
 */
async function createMigrator(db: Kysely<DatabaseSchema>): Promise<Migrator> {
  const provider = { getMigrations: () => Promise.resolve({ ...allMigrations }) };
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return new Migrator({ db, provider });
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
  const schema = rows[0]?.schema;
  return new Migrator({ db, provider, ...(schema ? { migrationTableSchema: schema } : {}) });
}

function unwrap(outcome: MigrationResultSet): string[] {
  if (outcome.error !== undefined) {
    const failed = outcome.results?.find((result) => result.status === 'Error');
    const cause = outcome.error instanceof Error ? outcome.error.message : 'unknown error';
    throw new MigrationFailedError(
      `migration ${failed?.migrationName ?? '(unknown)'} failed: ${cause}`,
      { cause: outcome.error },
    );
  }
  return (outcome.results ?? []).map((result) => result.migrationName);
}

/** Applies every pending migration; returns the names applied. Safe to run concurrently. */
export async function migrateToLatest(db: Kysely<DatabaseSchema>): Promise<string[]> {
  return unwrap(await (await createMigrator(db)).migrateToLatest());
}

/** Reverts the most recent migration; returns its name (empty when nothing was applied). */
export async function migrateDownOne(db: Kysely<DatabaseSchema>): Promise<string[]> {
  return unwrap(await (await createMigrator(db)).migrateDown());
}

export async function migrationStatus(db: Kysely<DatabaseSchema>): Promise<MigrationState[]> {
  const migrations = await (await createMigrator(db)).getMigrations();
  return migrations.map((migration) => ({
    name: migration.name,
    executedAt: migration.executedAt?.toISOString() ?? null,
  }));
}
