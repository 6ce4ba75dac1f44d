import type { Migration } from 'kysely';

/**
 * A Kysely migration plus whether the previous release still runs on the schema it leaves.
 *
 * Mark a migration `backwardCompatible` only when it is additive for the code before it: a new
 * table, a new nullable (or defaulted) column, a new index that is not unique over existing
 * data. Renames, drops, new NOT NULL columns without a default and rewritten rows are not. The
 * mark is written to `migration_compatibility` when the migration runs, so an older release,
 * which does not have this file, can read it and start anyway (docs/decisions/
 * 2026-12-01-rollback-on-a-newer-schema.md).
 */
export interface PrompterMigration extends Migration {
  readonly backwardCompatible?: boolean;
}
