import {
  DummyDriver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  sql,
  type Dialect,
  type Migration,
} from 'kysely';
import type { DatabaseSchema } from './database-schema.ts';
import { migrationStatus } from './migrator.ts';
import { allMigrations } from './migrations/all-migrations.ts';

/** Stored data a down migration would destroy: a whole table, or one column of it. */
export interface DataLoss {
  readonly table: string;
  /** Null when the whole table is dropped. */
  readonly column: string | null;
  /** Rows dropped with the table, or rows holding a value in the dropped column. */
  readonly rows: number;
}

export interface MigrateDownPlan {
  /** The migration `migrate down` would revert: the latest applied one; null when none is. */
  readonly migrationName: string | null;
  readonly losses: readonly DataLoss[];
}

/**
 * What `migrate down` would do, without doing it: which migration it reverts and which tables
 * and columns holding data it would drop, with row counts. The migration's `down` runs against a
 * recording connection that executes nothing (Kysely's DummyDriver), and the statements it
 * issued are read for `drop table` and `alter table … drop column`.
 */
export async function planMigrateDown(db: Kysely<DatabaseSchema>): Promise<MigrateDownPlan> {
  const applied = (await migrationStatus(db)).filter((state) => state.executedAt !== null);
  const migrationName = applied.at(-1)?.name ?? null;
  if (migrationName === null) return { migrationName, losses: [] };
  const migration = allMigrations[migrationName];
  if (migration === undefined) return { migrationName, losses: [] };
  const losses: DataLoss[] = [];
  for (const target of await findDropTargets(db, migration)) {
    // The migrator's own bookkeeping (which migrations the previous release may run on) is not
    // data: its rows describe the migrations being reverted.
    if (BOOKKEEPING_TABLES.has(target.table)) continue;
    const rows = await countRowsAtRisk(db, target);
    if (rows !== null) losses.push({ ...target, rows });
  }
  return { migrationName, losses };
}

export type DropTarget = Omit<DataLoss, 'rows'>;

const BOOKKEEPING_TABLES: ReadonlySet<string> = new Set(['migration_compatibility']);

const DROP_TABLE = /^\s*drop\s+table\s+(?:if\s+exists\s+)?"?([\w.]+)"?/i;
const DROP_COLUMN = /^\s*alter\s+table\s+"?([\w.]+)"?\s+drop\s+(?:column\s+)?"?(\w+)"?/i;

/** The tables and columns a migration's `down` drops, read from the statements it issues. */
export async function findDropTargets(
  db: Kysely<DatabaseSchema>,
  migration: Migration,
): Promise<DropTarget[]> {
  const statements: string[] = [];
  const recorder = new Kysely<unknown>({
    dialect: recordingDialect(db.getExecutor().adapter instanceof PostgresAdapter),
    log: (event) => {
      if (event.level === 'query') statements.push(event.query.sql);
    },
  });
  try {
    await migration.down?.(recorder);
  } finally {
    await recorder.destroy();
  }
  const targets: DropTarget[] = [];
  for (const statement of statements) {
    const table = DROP_TABLE.exec(statement);
    if (table?.[1] !== undefined) targets.push({ table: table[1], column: null });
    const column = DROP_COLUMN.exec(statement);
    if (column?.[1] !== undefined && column[2] !== undefined) {
      targets.push({ table: column[1], column: column[2] });
    }
  }
  return targets;
}

function recordingDialect(postgres: boolean): Dialect {
  return {
    createAdapter: () => (postgres ? new PostgresAdapter() : new SqliteAdapter()),
    createDriver: () => new DummyDriver(),
    createIntrospector: (db) =>
      postgres ? new PostgresIntrospector(db) : new SqliteIntrospector(db),
    createQueryCompiler: () => (postgres ? new PostgresQueryCompiler() : new SqliteQueryCompiler()),
  };
}

/** The rows at risk, or null when the table (or column) is not there to count. */
async function countRowsAtRisk(
  db: Kysely<DatabaseSchema>,
  target: DropTarget,
): Promise<number | null> {
  const table = sql.table(target.table);
  const query =
    target.column === null
      ? sql<{ count: string | number }>`select count(*) as count from ${table}`
      : sql<{
          count: string | number;
        }>`select count(*) as count from ${table} where ${sql.ref(target.column)} is not null`;
  try {
    const { rows } = await query.execute(db);
    return Number(rows[0]?.count ?? 0);
  } catch {
    return null;
  }
}
