import type { AppConfig } from '../config/app-config.ts';
import { systemRuntime } from '../core/runtime-deps.ts';
import { migrateToLatest } from '../db/migrator.ts';
import { openDatabase } from '../db/open-database.ts';
import { noopMetrics } from '../metrics/metrics.ts';
import { openRedis } from '../redis/open-redis.ts';
import { createServices, type Services } from '../services.ts';

/**
 * The services on the configured database (migrated first), for commands that work without a
 * running server; `close` releases the database and Redis.
 */
export async function openCliServices(
  config: AppConfig,
): Promise<{ services: Services; close: () => Promise<void> }> {
  const database = openDatabase(config.database, config.databaseTimeouts);
  await migrateToLatest(database.db);
  const quietLog = { warn: () => undefined };
  const redis = config.redisUrl === null ? null : openRedis(config.redisUrl, quietLog);
  const services = await createServices({
    config,
    database,
    runtime: systemRuntime,
    metrics: noopMetrics,
    redis,
  });
  return {
    services,
    async close() {
      redis?.disconnect();
      await database.close();
    },
  };
}
