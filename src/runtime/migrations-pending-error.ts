import { redactDatabaseUrl } from '../config/database-url.ts';

/** A process that may not migrate found the schema behind its code. */
export class MigrationsPendingError extends Error {
  override readonly name = 'MigrationsPendingError';

  constructor(
    databaseUrl: string,
    readonly pending: readonly string[],
  ) {
    super(
      `${redactDatabaseUrl(databaseUrl)} has ${pending.length} pending migration(s) ` +
        `(${pending.join(', ')}): apply them with \`prompter migrate up\` and start again.`,
    );
  }
}
