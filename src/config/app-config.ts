import type { DatabaseTarget } from './database-url.ts';

export type ProviderMode = 'fake' | 'live';

/** Everything Prompter reads from its environment, parsed and validated once at start-up. */
export interface AppConfig {
  readonly databaseUrl: string;
  readonly database: DatabaseTarget;
  readonly databaseTimeouts: DatabaseTimeouts;
  readonly host: string;
  readonly port: number;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  readonly bodyLimitBytes: number;
  readonly metricsEnv: string;
  readonly metricsService: string;
  readonly probeDisabled: boolean;
  /** `UPSTASH_REDIS_URL` when set, else `REDIS_URL`, else null (Redis is optional). */
  readonly redisUrl: string | null;
  readonly providerMode: ProviderMode;
  readonly providers: ProviderSettings;
  readonly security: SecuritySettings;
  readonly batches: BatchSettings;
}

/** How batches run (docs/batches.md). */
export interface BatchSettings {
  /** `PROMPTER_QUEUE`: `embedded` (the server runs cells itself) or `bullmq` (workers do). */
  readonly queue: 'embedded' | 'bullmq';
  /** `PROMPTER_QUEUE_BACKEND`: where BullMQ keeps its queue, Redis or the PostgreSQL database. */
  readonly queueBackend: 'redis' | 'postgres';
  /** `PROMPTER_CELL_LEASE_MS`: a running cell not heard of for this long is reclaimed. */
  readonly cellLeaseMs: number;
  /** `PROMPTER_SCHEDULER_INTERVAL_MS`: how often due schedules are looked for; 0 = never here. */
  readonly schedulerIntervalMs: number;
  /** `PROMPTER_PRICES_FILE`: a JSON price table merged over the defaults; null = defaults. */
  readonly pricesFile: string | null;
}

/** PostgreSQL pool limits, so a hung database gives 503s in bounded time (SQLite ignores them). */
export interface DatabaseTimeouts {
  /** `PROMPTER_DB_CONNECT_TIMEOUT_MS`: wait for a new or a free pooled connection. */
  readonly connectTimeoutMs: number;
  /**
   * `PROMPTER_DB_STATEMENT_TIMEOUT_MS`: the server's `statement_timeout`; the client gives up
   * 2 s later when no answer came at all and drops the connection. 0 = no limit.
   */
  readonly statementTimeoutMs: number;
}

export interface SecuritySettings {
  /**
   * `PROMPTER_AUTH`: `required` or `off`; null when unset, which means off while bound to a
   * loopback address and required elsewhere (start-up refuses a public bind with no API keys).
   */
  readonly authMode: 'required' | 'off' | null;
  /** `PROMPTER_RATE_LIMIT_PER_MINUTE`: requests per API key (or client address) per minute. */
  readonly rateLimitPerMinute: number;
  /** `PROMPTER_CORS_ORIGINS`: comma-separated origins allowed by CORS; empty = no CORS headers. */
  readonly corsOrigins: readonly string[];
  /**
   * `PROMPTER_REQUEST_TIMEOUT_MS`: Node's `requestTimeout`, the time a client has to send its
   * whole request (a 408 then; Node checks about every 30 s). Provider calls have their own limit.
   */
  readonly requestTimeoutMs: number;
  /** `METRICS_TOKEN`: when set, `/metrics` requires `Authorization: Bearer <token>`. */
  readonly metricsToken: string | null;
  /**
   * `PROMPTER_PUBLIC_URL`: the address clients use, e.g. https://prompter.example.com (the
   * OpenAPI document's server). Starting with https it says TLS ends in front of Prompter, so
   * browsers are told to upgrade insecure requests; null: plain HTTP, nothing is upgraded.
   */
  readonly publicUrl: string | null;
}

/**
 * Provider credentials and endpoints. Keys come only from the environment and are never logged or
 * stored; a missing key is reported (naming the variable) when that provider is first called.
 */
export interface ProviderSettings {
  /** `PROMPTER_PROVIDER_TIMEOUT_MS`: one provider call's time limit. */
  readonly callTimeoutMs: number;
  readonly openai: { readonly apiKey: string | null; readonly baseUrl: string | null };
  readonly azureOpenai: {
    readonly apiKey: string | null;
    /** `AZURE_OPENAI_ENDPOINT`, e.g. https://my-resource.openai.azure.com */
    readonly endpoint: string | null;
    readonly apiVersion: string;
    /** `AZURE_OPENAI_DEPLOYMENT`; null means "the deployment is named after the model id". */
    readonly deployment: string | null;
  };
  readonly google: { readonly apiKey: string | null; readonly baseUrl: string | null };
  readonly anthropic: { readonly apiKey: string | null; readonly baseUrl: string | null };
  readonly fake: {
    /** `PROMPTER_FAKE_LATENCY_MS`: simulated latency of every fake call. */
    readonly latencyMs: number;
    /** `PROBE_SLEEP_MS`: simulated latency of every fake probe. */
    readonly probeSleepMs: number;
    /** `PROMPTER_FAKE_EPOCH`: N ≥ 1 appends `-eN` to every fake version key (a silent model update). */
    readonly epoch: number;
    /** `PROMPTER_FAKE_FAULTS`: the fault switch, raw (parsed by the fake provider at start-up). */
    readonly faults: string | null;
  };
}
