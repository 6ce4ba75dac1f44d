import type { Migration } from 'kysely';
import * as createPromptTables from './2026-11-23-0001-create-prompt-tables.ts';
import * as createApiKeysAndAuditLog from './2026-11-23-0002-create-api-keys-and-audit-log.ts';
import * as createBatchesAndSchedules from './2026-12-01-0003-create-batches-and-schedules.ts';

/**
 * Every migration in order. Names sort by time; a new migration is a new file named
 * `YYYY-MM-DD-NNNN-intent.ts`, added here. Migrations never rewrite existing rows.
 */
export const allMigrations: Readonly<Record<string, Migration>> = {
  '2026-11-23-0001-create-prompt-tables': createPromptTables,
  '2026-11-23-0002-create-api-keys-and-audit-log': createApiKeysAndAuditLog,
  '2026-12-01-0003-create-batches-and-schedules': createBatchesAndSchedules,
};
