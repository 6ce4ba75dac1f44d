// Real databases for tests, no mocks (STYLE point 13): SQLite in a temporary file, and
// PostgreSQL from PROMPTER_TEST_PG_URL, where each opened database gets a schema of its own so
// test files can run in parallel against one server.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { parseDatabaseUrl } from '../../src/config/database-url.ts';
import { openDatabase, type DialectName, type OpenDatabase } from '../../src/db/open-database.ts';

export interface TestDatabase {
  readonly database: OpenDatabase;
  /** Closes the database and removes its file or schema. */
  readonly dispose: () => Promise<void>;
}

export interface TestDialect {
  readonly name: DialectName;
  /** Why this dialect cannot run here, or undefined when it can. Suites pass it to `skip`. */
  readonly skipReason: string | undefined;
  readonly open: () => Promise<TestDatabase>;
}

const postgresUrl = process.env['PROMPTER_TEST_PG_URL'];

export const sqliteDialect: TestDialect = {
  name: 'sqlite',
  skipReason: undefined,
  open() {
    const directory = mkdtempSync(join(tmpdir(), 'prompter-test-'));
    const database = openDatabase({ dialect: 'sqlite', filename: join(directory, 'test.db') });
    return Promise.resolve({
      database,
      async dispose() {
        await database.close();
        rmSync(directory, { recursive: true, force: true });
      },
    });
  },
};

export const postgresDialect: TestDialect = {
  name: 'postgresql',
  // In CI a missing server must fail, not skip: open() then throws naming the variable.
  skipReason:
    (postgresUrl === undefined || postgresUrl === '') && process.env['CI'] !== 'true'
      ? 'SKIPPED: PROMPTER_TEST_PG_URL is not set, so the PostgreSQL suite did not run'
      : undefined,
  async open() {
    const target = parseDatabaseUrl(requirePostgresUrl());
    if (target.dialect !== 'postgres') throw new Error('PROMPTER_TEST_PG_URL must be postgres://');
    const schema = `test_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: target.connectionString });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    await admin.end();
    const database = openDatabase(target, { postgresSchema: schema, postgresPoolSize: 20 });
    return {
      database,
      async dispose() {
        await database.close();
        const cleanup = new pg.Client({ connectionString: target.connectionString });
        await cleanup.connect();
        await cleanup.query(`drop schema if exists ${schema} cascade`);
        await cleanup.end();
      },
    };
  },
};

/** The dialect matrix every data-layer and API suite runs over. */
export const testDialects: readonly TestDialect[] = [sqliteDialect, postgresDialect];

function requirePostgresUrl(): string {
  if (postgresUrl === undefined || postgresUrl === '') {
    throw new Error('PROMPTER_TEST_PG_URL is not set: CI requires the PostgreSQL suites to run');
  }
  return postgresUrl;
}
