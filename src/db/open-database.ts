import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import Cursor from 'pg-cursor';
import type { DatabaseTarget } from '../config/database-url.ts';
import { cachingSqliteDatabase } from './caching-sqlite-database.ts';
import { openSqliteFile } from './open-sqlite-file.ts';
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
  /**
   * PostgreSQL: how long a query waits for a connection, a new one (TCP, TLS, authentication) or
   * a free one from the pool, before failing (`PROMPTER_DB_CONNECT_TIMEOUT_MS`).
   */
  readonly connectTimeoutMs?: number;
  /**
   * PostgreSQL: the server cancels a statement running longer (`statement_timeout`); the client
   * gives up {@link QUERY_TIMEOUT_GRACE_MS} later when no answer came at all (a hung network or
   * server) and drops that connection (`PROMPTER_DB_STATEMENT_TIMEOUT_MS`; 0 = no limit).
   */
  readonly statementTimeoutMs?: number;
}

export const DEFAULT_DB_CONNECT_TIMEOUT_MS = 5000;
export const DEFAULT_DB_STATEMENT_TIMEOUT_MS = 15_000;

/**
 * The client-side limit is the server's plus this, so a slow statement ends with the server's
 * clean cancel (the connection stays usable) and only a silent connection hits the client's.
 */
export const QUERY_TIMEOUT_GRACE_MS = 2000;

export function openDatabase(
  target: DatabaseTarget,
  options: OpenDatabaseOptions = {},
): OpenDatabase {
  if (target.dialect === 'sqlite') {
    const connection = openSqliteFile(target.filename);
    const db = new Kysely<DatabaseSchema>({
      dialect: new SqliteDialect({ database: cachingSqliteDatabase(connection) }),
    });
    return { db, dialect: 'sqlite', close: () => db.destroy() };
  }
  const statementTimeoutMs = options.statementTimeoutMs ?? DEFAULT_DB_STATEMENT_TIMEOUT_MS;
  const startupOptions = [
    ...(options.postgresSchema === undefined
      ? []
      : [`-c search_path=${quoteIdentifier(options.postgresSchema)}`]),
    `-c statement_timeout=${statementTimeoutMs}`,
  ];
  const pool = new pg.Pool({
    connectionString: target.connectionString,
    max: options.postgresPoolSize ?? 10,
    connectionTimeoutMillis: options.connectTimeoutMs ?? DEFAULT_DB_CONNECT_TIMEOUT_MS,
    ...(statementTimeoutMs > 0
      ? { query_timeout: statementTimeoutMs + QUERY_TIMEOUT_GRACE_MS }
      : {}),
    keepAlive: true,
    options: startupOptions.join(' '),
  });
  dropConnectionsThatStopAnswering(pool);
  // The cursor lets long reads (pages, exports) stream rows instead of buffering the result.
  const db = new Kysely<DatabaseSchema>({ dialect: new PostgresDialect({ pool, cursor: Cursor }) });
  return { db, dialect: 'postgresql', close: () => db.destroy() };
}

/**
 * A lost or silent connection must not take the process down or stay in the pool:
 * - pg-pool emits `error` for an idle connection the server or network closed; unheard, Node
 *   would throw it and end the process.
 * - a checked-out connection emits `error` on the client when its socket dies;
 * - after pg's client-side `query_timeout` ("Query read timeout") the unanswered query still owns
 *   the connection, and pg would hand it out again: the socket is destroyed instead, so pg-pool
 *   discards the connection on release and opens a fresh one once the database answers again.
 */
function dropConnectionsThatStopAnswering(pool: pg.Pool): void {
  pool.on('error', () => undefined);
  pool.on('connect', (client) => {
    client.on('error', () => undefined);
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
      const outcome = query(...args);
      if (outcome instanceof Promise) {
        outcome.catch((error: unknown) => {
          if (error instanceof Error && error.message === 'Query read timeout') {
            (
              client as unknown as { connection: { stream: { destroy(): void } } }
            ).connection.stream.destroy();
          }
        });
      }
      return outcome;
    };
  });
}

function quoteIdentifier(identifier: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(identifier)) {
    throw new Error(`schema name must be a plain lower-case identifier, got "${identifier}"`);
  }
  return identifier;
}
