import type { Redis } from 'ioredis';
import type { AppConfig } from '../config/app-config.ts';
import { systemRuntime, type RuntimeDeps } from '../core/runtime-deps.ts';
import type { OpenDatabase } from '../db/open-database.ts';
import type { Metrics } from '../metrics/metrics.ts';
import type { ProviderRegistry } from '../providers/provider-contract.ts';
import type { Services } from '../services.ts';
import { MigrationsPendingError } from './migrations-pending-error.ts';

export type MigrationPolicy =
  /** Apply pending migrations before anything else (serve, keys, `migrate up`). */
  | 'apply'
  /** Refuse to start while migrations are pending, naming `prompter migrate up`. */
  | 'require-current';

export interface RuntimeLog {
  warn(obj: object, msg: string): void;
}

export interface OpenRuntimeOptions {
  readonly migrations: MigrationPolicy;
  /** Where Redis connection problems are reported. */
  readonly log: RuntimeLog;
  /**
   * The metrics the services record into, or how to make them once Redis is known (the server
   * exposes Prometheus on its own `/metrics` and pings Redis for `prompter_redis_up`).
   */
  readonly metrics: Metrics | ((redis: Redis | null) => Metrics);
  /** An already-open database (tests pass one per dialect); the caller closes it. */
  readonly database?: OpenDatabase;
  /** A Redis client, or null for none (tests); the caller closes it. */
  readonly redis?: Redis | null;
  readonly runtime?: RuntimeDeps;
  /** Provider adapters (tests); otherwise built from config (fake or live). */
  readonly providers?: ProviderRegistry;
}

/** What one process runs on: every resource opened from the configuration, and the services. */
export interface Runtime {
  readonly config: AppConfig;
  readonly database: OpenDatabase;
  readonly redis: Redis | null;
  readonly metrics: Metrics;
  readonly services: Services;
  /** Closes what this call opened, in reverse order (Redis, then the database); idempotent. */
  close(): Promise<void>;
}

/**
 * The one place a process opens its resources: the database (migrated, or checked to be current),
 * Redis, metrics and the services, in that order. The server, every CLI command and the worker
 * start here, so they run on the same rules. Drivers are loaded on use, so commands that never
 * open a runtime (`hash`, `--help`) do not pay for them.
 */
export async function openRuntime(
  config: AppConfig,
  options: OpenRuntimeOptions,
): Promise<Runtime> {
  const closers: Array<() => Promise<void> | void> = [];
  const close = async () => {
    while (closers.length > 0) await closers.pop()?.();
  };
  try {
    const database = options.database ?? (await openConfiguredDatabase(config));
    if (options.database === undefined) closers.push(() => database.close());
    await prepareSchema(database, config, options.migrations, options.log);

    let redis = options.redis;
    if (redis === undefined) {
      const { openRedis } = await import('../redis/open-redis.ts');
      redis = config.redisUrl === null ? null : openRedis(config.redisUrl, options.log);
      const opened = redis;
      if (opened !== null) closers.push(() => opened.disconnect());
    }

    const metrics =
      typeof options.metrics === 'function' ? options.metrics(redis) : options.metrics;
    const { createServices } = await import('../services.ts');
    const services = await createServices({
      config,
      database,
      runtime: options.runtime ?? systemRuntime,
      metrics,
      redis,
      ...(options.providers === undefined ? {} : { providers: options.providers }),
    });
    return { config, database, redis, metrics, services, close };
  } catch (error) {
    await close();
    throw error;
  }
}

async function openConfiguredDatabase(config: AppConfig): Promise<OpenDatabase> {
  const { openDatabase } = await import('../db/open-database.ts');
  return openDatabase(config.database, config.databaseTimeouts);
}

async function prepareSchema(
  database: OpenDatabase,
  config: AppConfig,
  policy: MigrationPolicy,
  log: RuntimeLog,
): Promise<void> {
  const { migrateToLatest, migrationStatus } = await import('../db/migrator.ts');
  if (policy === 'apply') {
    await migrateToLatest(database.db, {
      onNewerMigrations: (names) => {
        // A rollback: a newer release migrated, marking its migrations safe for this one.
        log.warn(
          { newer_migrations: names },
          'the database has backward-compatible migrations from a newer release; running on them',
        );
      },
    });
    return;
  }
  const pending = (await migrationStatus(database.db))
    .filter((migration) => migration.executedAt === null)
    .map((migration) => migration.name);
  if (pending.length > 0) throw new MigrationsPendingError(config.databaseUrl, pending);
}
