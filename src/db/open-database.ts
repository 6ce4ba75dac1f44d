import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import Cursor from 'pg-cursor';
import type { DatabaseTarget } from '../config/database-url.ts';
import { cachingSqliteDatabase } from './caching-sqlite-database.ts';
import type { DatabaseSchema } from './database-schema.ts';

export type DialectName = 'sqlite' | 'postgresql';

/** An open database: the Kysely handle, which engine it is, and how to close it. */
export interface OpenDatabase {
  readonly db: Kysely<DatabaseSchema>;
  readonly dialect: DialectName;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** PostgreSQL only: run every statement in this schema (tests give each run its own). */
  readonly postgresSchema?: string;
  readonly postgresPoolSize?: number;
}

/** How long a SQLite writer waits for another process's lock before failing. */
const SQLITE_BUSY_TIMEOUT_MS = 5000;

export function openDatabase(
  target: DatabaseTarget,
  options: OpenDatabaseOptions = {},
): OpenDatabase {
  if (target.dialect === 'sqlite') {
    const connection = new SqliteDatabase(target.filename);
    connection.pragma('journal_mode = WAL');
    connection.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
    connection.pragma('foreign_keys = ON');
    connection.pragma('synchronous = NORMAL');
    const db = new Kysely<DatabaseSchema>({
      dialect: new SqliteDialect({ database: cachingSqliteDatabase(connection) }),
    });
    return { db, dialect: 'sqlite', close: () => db.destroy() };
  }
  const pool = new pg.Pool({
    connectionString: target.connectionString,
    max: options.postgresPoolSize ?? 10,
    ...(options.postgresSchema === undefined
      ? {}
      : { options: `-c search_path=${quoteIdentifier(options.postgresSchema)}` }),
  });
  // The cursor lets long reads (pages, exports) stream rows instead of buffering the result.
  const db = new Kysely<DatabaseSchema>({ dialect: new PostgresDialect({ pool, cursor: Cursor }) });
  return { db, dialect: 'postgresql', close: () => db.destroy() };
}

function quoteIdentifier(identifier: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(identifier)) {
    throw new Error(`schema name must be a plain lower-case identifier, got "${identifier}"`);
  }
  return identifier;
}
