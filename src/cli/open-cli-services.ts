import type { AppConfig } from '../config/app-config.ts';
import { noopMetrics } from '../metrics/metrics.ts';
import { openRuntime, type MigrationPolicy } from '../runtime/open-runtime.ts';
import type { Services } from '../services.ts';

export interface OpenCliServicesOptions {
  /** `apply` (default) migrates first; `require-current` refuses while migrations are pending. */
  readonly migrations?: MigrationPolicy;
  /** Where the one-line notice about metrics goes (stderr by default). */
  readonly notice?: { write(text: string): unknown };
}

/**
 * The services on the configured database, for commands that work without a running server
 * (the runtime every process opens, with no metrics endpoint); `close` releases the database and
 * Redis.
 */
export async function openCliServices(
  config: AppConfig,
  options: OpenCliServicesOptions = {},
): Promise<{ services: Services; close: () => Promise<void> }> {
  const runtime = await openRuntime(config, {
    migrations: options.migrations ?? 'apply',
    // A command's output is its answer: Redis trouble only means probes are not shared.
    log: { warn: () => undefined },
    metrics: noopMetrics,
  });
  (options.notice ?? process.stderr).write(LOCAL_METRICS_NOTICE);
  return { services: runtime.services, close: () => runtime.close() };
}

/**
 * Prometheus metrics live in the server process (`GET /metrics`); a command on the local database
 * has nothing to expose them on. Said plainly, so nobody looks for these runs on a dashboard.
 */
export const LOCAL_METRICS_NOTICE =
  'prompter: local mode: runs made here are stored in the database but not counted in the ' +
  "server's Prometheus metrics (set PROMPTER_URL to go through the server)\n";
