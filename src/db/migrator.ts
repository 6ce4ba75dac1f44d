import {
  Migrator,
  PostgresAdapter,
  sql,
  type Kysely,
  type Migration,
  type MigrationResultSet,
} from 'kysely';
import type { DatabaseSchema } from './database-schema.ts';
import { allMigrations } from './migrations/all-migrations.ts';
import type { PrompterMigration } from './prompter-migration.ts';

export interface MigrationState {
  readonly name: string;
  readonly executedAt: string | null;
}

export class MigrationFailedError extends Error {
  override readonly name = 'MigrationFailedError';
}

export interface MigratorOptions {
  /** The migrations this release knows; tests pass another list to play an older or newer one. */
  readonly migrations?: Readonly<Record<string, PrompterMigration>>;
  /**
   * Told the names of migrations a newer release applied that this one does not know, all marked
   * backward-compatible (start-up logs them). Unmarked ones stop the migrator instead.
   */
  readonly onNewerMigrations?: (names: readonly string[]) => void;
}

/** The migration that creates `migration_compatibility`; marks are written from it on. */
const FIRST_MARKED_MIGRATION = '2026-12-01-0001-create-migration-compatibility';

interface CompatibilitySchema {
  migration_compatibility: { name: string; backward_compatible: number; recorded_at: string };
}

/**
 * On PostgreSQL the migration bookkeeping lives in the connection's current schema, named
 * explicitly: without a schema, Kysely takes a `kysely_migration` table in ANY schema of the
 * database as its own (so a second app, or a second Prompter, in another schema breaks it).
 *
 * Kysely stops at an executed migration it does not know ("previously executed migration … is
 * missing"), which is what a rollback meets after a newer release migrated. Unknown migrations
 * that the newer release marked backward-compatible are given to Kysely as placeholders (nothing
 * to apply, refusing to be reverted here); any other unknown migration stops the start.
 */
async function createMigrator(
  db: Kysely<DatabaseSchema>,
  options: MigratorOptions,
): Promise<Migrator> {
  const known = options.migrations ?? allMigrations;
  const schema = await migrationTableSchema(db);
  const unknown = (await executedMigrationNames(db, schema)).filter((name) => !(name in known));
  if (unknown.length > 0) {
    const compatible = await backwardCompatibleNames(db, schema, unknown);
    const blocking = unknown.filter((name) => !compatible.has(name));
    if (blocking.length > 0) {
      throw new MigrationFailedError(
        `the database was migrated by a newer release of Prompter: migration(s) ${blocking.join(', ')} ` +
          'are unknown to this release and not marked backward-compatible, so it cannot run on ' +
          'this schema. Run the newer release, or restore the backup taken before it migrated.',
      );
    }
    options.onNewerMigrations?.(unknown);
  }
  const migrations: Record<string, Migration> = {};
  for (const [name, migration] of Object.entries(known)) {
    migrations[name] = recordingCompatibility(name, migration);
  }
  for (const name of unknown) migrations[name] = placeholderFor(name);
  const provider = { getMigrations: () => Promise.resolve(migrations) };
  return new Migrator({
    db,
    provider,
    ...(schema === undefined ? {} : { migrationTableSchema: schema }),
  });
}

async function migrationTableSchema(db: Kysely<DatabaseSchema>): Promise<string | undefined> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return undefined;
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
  return rows[0]?.schema ?? undefined;
}

async function tableExists(
  db: Kysely<DatabaseSchema>,
  schema: string | undefined,
  name: string,
): Promise<boolean> {
  const { rows } =
    schema === undefined
      ? await sql<{ found: number }>`
          select 1 as found from sqlite_master where type = 'table' and name = ${name}
        `.execute(db)
      : await sql<{ found: number }>`
          select 1 as found from information_schema.tables
          where table_schema = ${schema} and table_name = ${name}
        `.execute(db);
  return rows.length > 0;
}

/** Names in Kysely's own bookkeeping table (none before the first migration). */
async function executedMigrationNames(
  db: Kysely<DatabaseSchema>,
  schema: string | undefined,
): Promise<string[]> {
  if (!(await tableExists(db, schema, 'kysely_migration'))) return [];
  const table =
    schema === undefined ? sql.table('kysely_migration') : sql.table(`${schema}.kysely_migration`);
  const { rows } = await sql<{ name: string }>`select name from ${table}`.execute(db);
  return rows.map((row) => row.name);
}

async function backwardCompatibleNames(
  db: Kysely<DatabaseSchema>,
  schema: string | undefined,
  names: readonly string[],
): Promise<Set<string>> {
  if (!(await tableExists(db, schema, 'migration_compatibility'))) return new Set();
  const rows = await (db as unknown as Kysely<CompatibilitySchema>)
    .selectFrom('migration_compatibility')
    .select('name')
    .where('name', 'in', names)
    .where('backward_compatible', '=', 1)
    .execute();
  return new Set(rows.map((row) => row.name));
}

/** The migration, writing (and on revert removing) its compatibility mark in its transaction. */
function recordingCompatibility(name: string, migration: PrompterMigration): Migration {
  if (name < FIRST_MARKED_MIGRATION) return migration;
  const marks = (db: Kysely<unknown>) => db as unknown as Kysely<CompatibilitySchema>;
  return {
    async up(db) {
      await migration.up(db);
      await marks(db)
        .insertInto('migration_compatibility')
        .values({
          name,
          backward_compatible: migration.backwardCompatible === true ? 1 : 0,
          recorded_at: new Date().toISOString(),
        })
        .onConflict((conflict) => conflict.column('name').doNothing())
        .execute();
    },
    async down(db) {
      // The first marked migration's own revert drops the table with the marks.
      if (name !== FIRST_MARKED_MIGRATION) {
        await marks(db).deleteFrom('migration_compatibility').where('name', '=', name).execute();
      }
      await migration.down?.(db);
    },
  };
}

/** A newer release's migration, already applied: nothing to do, and not this release's to revert. */
function placeholderFor(name: string): Migration {
  return {
    up: () => Promise.resolve(),
    down: () =>
      Promise.reject(
        new Error(`${name} belongs to a newer release of Prompter; revert it with that release`),
      ),
  };
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
export async function migrateToLatest(
  db: Kysely<DatabaseSchema>,
  options: MigratorOptions = {},
): Promise<string[]> {
  return unwrap(await (await createMigrator(db, options)).migrateToLatest());
}

/** Reverts the most recent migration; returns its name (empty when nothing was applied). */
export async function migrateDownOne(
  db: Kysely<DatabaseSchema>,
  options: MigratorOptions = {},
): Promise<string[]> {
  return unwrap(await (await createMigrator(db, options)).migrateDown());
}

export async function migrationStatus(
  db: Kysely<DatabaseSchema>,
  options: MigratorOptions = {},
): Promise<MigrationState[]> {
  const migrations = await (await createMigrator(db, options)).getMigrations();
  return migrations.map((migration) => ({
    name: migration.name,
    executedAt: migration.executedAt?.toISOString() ?? null,
  }));
}
