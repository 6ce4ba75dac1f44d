// The whole app, in process, on a real database of the given dialect; requests go through
// `app.inject`. Real: database, migrations, routes, services, the fake providers (the embedded
// default). Injected when a test asks: Redis client, metrics recorder, provider registry.
import type { FastifyInstance } from 'fastify';
import { buildApp, type AppDeps } from '../../src/app.ts';
import { loadConfig } from '../../src/config/load-config.ts';
import type { DatabaseSchema } from '../../src/db/database-schema.ts';
import type { OpenDatabase } from '../../src/db/open-database.ts';
import type { TestDatabase, TestDialect } from './test-databases.ts';

export interface TestApp {
  readonly app: FastifyInstance;
  readonly database: OpenDatabase;
  /** Rows in a table, to prove a rejected request wrote nothing. */
  countRows(table: keyof DatabaseSchema): Promise<number>;
  close(): Promise<void>;
}

export interface TestAppOptions extends Partial<Omit<AppDeps, 'config' | 'database'>> {
  /** Environment variables for loadConfig (LOG_LEVEL is silent unless set). */
  readonly environment?: Record<string, string>;
  /** Share a database between apps; the caller then disposes it. */
  readonly testDatabase?: TestDatabase;
}

export async function buildTestApp(
  dialect: TestDialect,
  options: TestAppOptions = {},
): Promise<TestApp> {
  const { environment, testDatabase, ...deps } = options;
  const owned = testDatabase === undefined;
  const { database, dispose } = testDatabase ?? (await dialect.open());
  const config = loadConfig({ LOG_LEVEL: 'silent', ...environment });
  const app = await buildApp({ redis: null, ...deps, config, database });
  await app.ready();
  return {
    app,
    database,
    async countRows(table) {
      const row = await database.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('count'))
        .executeTakeFirstOrThrow();
      return Number(row.count);
    },
    async close() {
      await app.close();
      if (owned) await dispose();
    },
  };
}
