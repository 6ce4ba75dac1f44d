import type { AppConfig, ProviderMode } from './app-config.ts';
import { DatabaseUrlError, parseDatabaseUrl } from './database-url.ts';
import { readEnvironment } from './read-environment.ts';

/** A start-up configuration problem; the message names the variable and what it accepts. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

type Environment = Readonly<Record<string, string | undefined>>;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const DEFAULT_DATABASE_URL = 'sqlite:///./prompter.db';

/**
 * The only reader of the process environment: every other module receives an AppConfig. Without
 * an argument it reads the process environment over `.env` in the working directory (the
 * environment wins); tests pass their own variables and no file is read.
 */
export function loadConfig(environment: Environment = processEnvironment()): AppConfig {
  const problems: string[] = [];
  const read = <T>(name: string, fallback: T, parse: (raw: string) => T): T => {
    const raw = environment[name];
    if (raw === undefined || raw.trim() === '') return fallback;
    try {
      return parse(raw.trim());
    } catch (error) {
      problems.push(`${name}: ${(error as Error).message}`);
      return fallback;
    }
  };

  const databaseUrl =
    nonEmpty(environment['DB_URL']) ??
    nonEmpty(environment['DATABASE_URL']) ??
    DEFAULT_DATABASE_URL;
  let database: AppConfig['database'] = { dialect: 'sqlite', filename: './prompter.db' };
  try {
    database = parseDatabaseUrl(databaseUrl);
  } catch (error) {
    if (!(error instanceof DatabaseUrlError)) throw error;
    const name = nonEmpty(environment['DB_URL']) ? 'DB_URL' : 'DATABASE_URL';
    problems.push(`${name}: ${error.message}`);
  }

  const config: AppConfig = {
    databaseUrl,
    database,
    databaseTimeouts: {
      connectTimeoutMs: read('PROMPTER_DB_CONNECT_TIMEOUT_MS', 5000, (raw) =>
        parseInteger(raw, 100, 600_000),
      ),
      statementTimeoutMs: read('PROMPTER_DB_STATEMENT_TIMEOUT_MS', 15_000, (raw) =>
        parseInteger(raw, 0, 86_400_000),
      ),
    },
    host: read('HOST', '127.0.0.1', (raw) => raw),
    port: read('PORT', 8000, (raw) => parseInteger(raw, 0, 65535)),
    logLevel: read('LOG_LEVEL', 'info', (raw) => parseChoice(raw.toLowerCase(), LOG_LEVELS)),
    bodyLimitBytes: read('PROMPTER_BODY_LIMIT_BYTES', 1024 * 1024, (raw) =>
      parseInteger(raw, 1024, 512 * 1024 * 1024),
    ),
    metricsEnv: read('METRICS_ENV', 'dev', (raw) => raw),
    metricsService: read('METRICS_SERVICE', 'prompter-api', (raw) => raw),
    probeDisabled: read('PROMPTER_PROBE_DISABLED', false, parseBoolean),
    redisUrl:
      nonEmpty(environment['UPSTASH_REDIS_URL']) ?? nonEmpty(environment['REDIS_URL']) ?? null,
    providerMode: read<ProviderMode>('PROMPTER_PROVIDER_MODE', 'fake', (raw) =>
      parseChoice(raw.toLowerCase(), ['fake', 'live'] as const),
    ),
    security: {
      authMode: read<'required' | 'off' | null>('PROMPTER_AUTH', null, (raw) =>
        parseChoice(raw.toLowerCase(), ['required', 'off'] as const),
      ),
      rateLimitPerMinute: read('PROMPTER_RATE_LIMIT_PER_MINUTE', 600, (raw) =>
        parseInteger(raw, 1, 10_000_000),
      ),
      corsOrigins: read('PROMPTER_CORS_ORIGINS', [] as string[], (raw) =>
        raw
          .split(',')
          .map((origin) => origin.trim())
          .filter((origin) => origin !== '')
          .map(parseUrl),
      ),
      requestTimeoutMs: read('PROMPTER_REQUEST_TIMEOUT_MS', 120_000, (raw) =>
        parseInteger(raw, 1000, 3_600_000),
      ),
      metricsToken: nonEmpty(environment['METRICS_TOKEN']) ?? null,
      publicUrl: read('PROMPTER_PUBLIC_URL', null, parseUrl),
    },
    batches: {
      queue: read<'embedded' | 'bullmq'>('PROMPTER_QUEUE', 'embedded', (raw) =>
        parseChoice(raw.toLowerCase(), ['embedded', 'bullmq'] as const),
      ),
      queueBackend: read<'redis' | 'postgres'>('PROMPTER_QUEUE_BACKEND', 'redis', (raw) =>
        parseChoice(raw.toLowerCase(), ['redis', 'postgres'] as const),
      ),
      cellLeaseMs: read('PROMPTER_CELL_LEASE_MS', 120_000, (raw) =>
        parseInteger(raw, 1000, 86_400_000),
      ),
      schedulerIntervalMs: read('PROMPTER_SCHEDULER_INTERVAL_MS', 15_000, (raw) =>
        parseInteger(raw, 0, 86_400_000),
      ),
      pricesFile: nonEmpty(environment['PROMPTER_PRICES_FILE']) ?? null,
    },
    providers: {
      callTimeoutMs: read('PROMPTER_PROVIDER_TIMEOUT_MS', 60_000, (raw) =>
        parseInteger(raw, 1, 3_600_000),
      ),
      openai: {
        apiKey: nonEmpty(environment['OPENAI_API_KEY']) ?? null,
        baseUrl: read('OPENAI_BASE_URL', null, parseUrl),
      },
      azureOpenai: {
        apiKey: nonEmpty(environment['AZURE_OPENAI_API_KEY']) ?? null,
        endpoint: read('AZURE_OPENAI_ENDPOINT', null, parseUrl),
        apiVersion: read('AZURE_OPENAI_API_VERSION', '2024-10-21', (raw) => raw),
        deployment: nonEmpty(environment['AZURE_OPENAI_DEPLOYMENT']) ?? null,
      },
      google: {
        apiKey:
          nonEmpty(environment['GOOGLE_API_KEY']) ??
          nonEmpty(environment['GEMINI_API_KEY']) ??
          null,
        baseUrl: read('GOOGLE_GEMINI_BASE_URL', null, parseUrl),
      },
      anthropic: {
        apiKey: nonEmpty(environment['ANTHROPIC_API_KEY']) ?? null,
        baseUrl: read('ANTHROPIC_BASE_URL', null, parseUrl),
      },
      fake: {
        latencyMs: read('PROMPTER_FAKE_LATENCY_MS', 0, (raw) => parseInteger(raw, 0, 600_000)),
        probeSleepMs: read('PROBE_SLEEP_MS', 0, (raw) => parseInteger(raw, 0, 600_000)),
        epoch: read('PROMPTER_FAKE_EPOCH', 0, (raw) => parseInteger(raw, 0, 1_000_000)),
        faults: nonEmpty(environment['PROMPTER_FAKE_FAULTS']) ?? null,
      },
    },
  };
  if (problems.length > 0) {
    throw new ConfigError(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  }
  return Object.freeze(config);
}

function processEnvironment(): Environment {
  try {
    return readEnvironment().environment;
  } catch (error) {
    throw new ConfigError(`Invalid configuration:\n  .env: ${(error as Error).message}`);
  }
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

function parseInteger(raw: string, minimum: number, maximum: number): number {
  if (!/^\d+$/.test(raw)) throw new Error(`expected a whole number, got "${raw}"`);
  const value = Number(raw);
  if (value < minimum || value > maximum) {
    throw new Error(`expected a number from ${minimum} to ${maximum}, got ${raw}`);
  }
  return value;
}

function parseUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`expected an http(s) URL, got "${raw}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`expected an http(s) URL, got "${raw}"`);
  }
  return raw.replace(/\/+$/, '');
}

function parseBoolean(raw: string): boolean {
  const lowered = raw.toLowerCase();
  if (['1', 'true', 'yes', 'on'].includes(lowered)) return true;
  if (['0', 'false', 'no', 'off'].includes(lowered)) return false;
  throw new Error(`expected true or false, got "${raw}"`);
}

function parseChoice<T extends string>(raw: string, choices: readonly T[]): T {
  const match = choices.find((choice) => choice === raw);
  if (match === undefined) throw new Error(`expected one of ${choices.join(', ')}, got "${raw}"`);
  return match;
}
