import { existsSync } from 'node:fs';
import type { AppConfig } from '../config/app-config.ts';
import { redactDatabaseUrl } from '../config/database-url.ts';
import { UsageError } from './usage-error.ts';

/**
 * A SQLite file that is not there is a mistake (the wrong directory, an unset variable), not a
 * request for a new database: only `serve` and `migrate up` create one.
 */
export function requireExistingDatabase(config: AppConfig, hint: string): void {
  const target = config.database;
  if (target.dialect !== 'sqlite' || target.filename === ':memory:') return;
  if (existsSync(target.filename)) return;
  throw new UsageError(
    `no database at ${target.filename} (DB_URL=${redactDatabaseUrl(config.databaseUrl)}). ${hint}`,
  );
}
