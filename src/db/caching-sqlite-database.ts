import type { Database as BetterSqliteDatabase, Statement } from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';

/** Distinct SQL texts kept prepared; Prompter issues a few dozen, so this is never reached. */
const MAX_CACHED_STATEMENTS = 500;

/**
 * better-sqlite3 for Kysely with prepared statements reused. Kysely's SQLite driver calls
 * `prepare(sql)` for every query and better-sqlite3 has no statement cache of its own, so on the
 * hot paths (check-duplicate on every keystroke) re-preparing cost more than running the query.
 * A statement is safe to reuse: better-sqlite3 is synchronous, so no two queries share it at once.
 */
export function cachingSqliteDatabase(connection: BetterSqliteDatabase): SqliteDatabase {
  const statements = new Map<string, Statement>();
  return {
    close: () => {
      statements.clear();
      connection.close();
    },
    prepare(sql: string) {
      let statement = statements.get(sql);
      if (statement === undefined) {
        statement = connection.prepare(sql);
        if (statements.size >= MAX_CACHED_STATEMENTS) statements.clear();
        statements.set(sql, statement);
      }
      return statement;
    },
  };
}
