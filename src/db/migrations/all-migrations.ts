import type { PrompterMigration } from '../prompter-migration.ts';
import * as createPromptTables from './2026-11-23-0001-create-prompt-tables.ts';
import * as createApiKeysAndAuditLog from './2026-11-23-0002-create-api-keys-and-audit-log.ts';
import * as createMigrationCompatibility from './2026-12-01-0001-create-migration-compatibility.ts';
import * as createBatchesAndSchedules from './2026-12-01-0002-create-batches-and-schedules.ts';

/**
 * Every migration in order. Names sort by time; a new migration is a new file named
 * `YYYY-MM-DD-NNNN-intent.ts`, added here. Migrations never rewrite existing rows. A migration
 * the previous release can run on exports `backwardCompatible = true` (`../prompter-migration.ts`).
 */
export const allMigrations: Readonly<Record<string, PrompterMigration>> = {
  '2026-11-23-0001-create-prompt-tables': createPromptTables,
  '2026-11-23-0002-create-api-keys-and-audit-log': createApiKeysAndAuditLog,
  '2026-12-01-0001-create-migration-compatibility': createMigrationCompatibility,
  '2026-12-01-0002-create-batches-and-schedules': createBatchesAndSchedules,
};
