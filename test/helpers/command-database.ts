import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { DialectName } from '../../src/db/open-database.ts';

/** A database a command opens by itself from its URL (DB_URL), and how to remove it after. */
export interface CommandDatabase {
  readonly url: string;
  dispose(): Promise<void>;
}

/**
 * A SQLite file in a fresh directory (not created: the command decides), or a fresh PostgreSQL
 * schema on PROMPTER_TEST_PG_URL, selected through the URL's `search_path` option.
 */
export async function commandDatabase(dialect: DialectName): Promise<CommandDatabase> {
  if (dialect === 'sqlite') {
    const directory = mkdtempSync(join(tmpdir(), 'prompter-command-'));
    return {
      url: `sqlite:///${join(directory, 'command.db')}`,
      dispose: () => Promise.resolve(rmSync(directory, { recursive: true, force: true })),
    };
  }
  const base = process.env['PROMPTER_TEST_PG_URL'] ?? '';
  const schema = `test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const url = new URL(base);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return {
    url: url.toString(),
    async dispose() {
      const cleanup = new pg.Client({ connectionString: base });
      await cleanup.connect();
      await cleanup.query(`drop schema if exists ${schema} cascade`);
      await cleanup.end();
    },
  };
}
