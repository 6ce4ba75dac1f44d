import type { Kysely, Transaction } from 'kysely';
import type { DatabaseSchema } from './database-schema.ts';

/** What repositories run queries on: the database or a transaction the service opened. */
export type DatabaseExecutor = Kysely<DatabaseSchema> | Transaction<DatabaseSchema>;
