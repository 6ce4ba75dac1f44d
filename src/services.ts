import type { Redis } from 'ioredis';
import { createAuditService } from './audit/audit.service.ts';
import { createBatchesService } from './batches/batches.service.ts';
import { loadPriceTable } from './batches/load-price-table.ts';
import type { PriceTable } from './batches/price-table.ts';
import { createBudgetsService } from './budgets/budgets.service.ts';
import { createKeysService } from './keys/keys.service.ts';
import { createSchedulesService } from './schedules/schedules.service.ts';
import type { AppConfig } from './config/app-config.ts';
import type { RuntimeDeps } from './core/runtime-deps.ts';
import type { OpenDatabase } from './db/open-database.ts';
import type { Metrics } from './metrics/metrics.ts';
import { createProbeCoalescer } from './probes/probe-coalescer.ts';
import { createProviderRegistry } from './providers/create-provider-registry.ts';
import type { ProviderRegistry } from './providers/provider-contract.ts';
import { createResultsService } from './results/results.service.ts';
import { createRunsService } from './runs/runs.service.ts';
import { createTemplatesService } from './templates/templates.service.ts';
import { createVersionsService } from './versions/versions.service.ts';

export interface ServiceDeps {
  readonly config: AppConfig;
  readonly database: OpenDatabase;
  readonly runtime: RuntimeDeps;
  readonly metrics: Metrics;
  readonly redis: Redis | null;
  /** Tests inject adapters; otherwise built from config (fake or live). */
  readonly providers?: ProviderRegistry;
  /** Prices per model for estimates and budgets; the documented defaults otherwise. */
  readonly prices?: PriceTable;
}

/**
 * Every service, wired once. The HTTP app and the CLI both build on this, so a command such as
 * `prompter run` behaves exactly like the API.
 */
export async function createServices(deps: ServiceDeps) {
  const { config, database, runtime, metrics } = deps;
  const db = database.db;
  const providers = deps.providers ?? (await createProviderRegistry(config));
  const coalescer = createProbeCoalescer({ redis: deps.redis, metrics, now: () => runtime.now() });
  const audit = createAuditService({ db, runtime });
  const keys = createKeysService({ db, runtime, audit });
  const templates = createTemplatesService({ db, runtime, metrics, audit });
  const versions = createVersionsService({
    db,
    runtime,
    metrics,
    providers,
    coalescer,
    probesDisabled: config.probeDisabled,
    templates,
  });
  const runs = createRunsService({
    db,
    runtime,
    metrics,
    providers,
    templates,
    versions,
    callTimeoutMs: config.providers.callTimeoutMs,
  });
  const results = createResultsService({ db, templates });
  const prices = deps.prices ?? loadPriceTable(config.batches.pricesFile);
  const budgets = createBudgetsService({ db, runtime, prices, audit });
  const batches = createBatchesService({
    db,
    runtime,
    templates,
    providers,
    prices,
    budgets,
    audit,
    onBatchCreated: () => undefined,
  });
  const schedules = createSchedulesService({ db, runtime, batches, audit });
  return {
    providers,
    audit,
    keys,
    templates,
    versions,
    runs,
    results,
    budgets,
    batches,
    schedules,
  };
}

export type Services = Awaited<ReturnType<typeof createServices>>;
