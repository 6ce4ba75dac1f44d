import Fastify, { type FastifyInstance } from 'fastify';
import type { Redis } from 'ioredis';
import { randomUUID } from 'node:crypto';
import type { AppConfig } from './config/app-config.ts';
import type { RuntimeDeps } from './core/runtime-deps.ts';
import type { OpenDatabase } from './db/open-database.ts';
import { registerAuditRoutes } from './audit/audit.routes.ts';
import { registerBatchRoutes } from './batches/batches.routes.ts';
import { registerBudgetRoutes } from './budgets/budgets.routes.ts';
import { registerScheduleRoutes } from './schedules/schedules.routes.ts';
import { startScheduler } from './schedules/scheduler.ts';
import { registerAuthentication } from './auth/register-authentication.ts';
import { resolveAuthMode } from './auth/resolve-auth-mode.ts';
import { resolveMetricsAccess } from './auth/resolve-metrics-access.ts';
import { answerClientError } from './http/answer-client-error.ts';
import { answerRouterError, registerErrorHandler } from './http/error-handler.ts';
import { registerHostHeaderCheck } from './http/register-host-header-check.ts';
import { registerProtection } from './http/register-protection.ts';
import { registerHealthRoutes } from './http/health.routes.ts';
import { registerJsonBodyParser } from './http/json-body-parser.ts';
import { registerOpenApi } from './http/register-openapi.ts';
import { createSchemaValidatorCompiler } from './http/schema-validators.ts';
import { installPrometheusMetrics } from './metrics/install-prometheus-metrics.ts';
import type { Metrics } from './metrics/metrics.ts';
import { packageVersion } from './package-version.ts';
import type { ProviderRegistry } from './providers/provider-contract.ts';
import { isRedisUp } from './redis/open-redis.ts';
import { createApiKeyRequestLimiter } from './rate-limit/create-api-key-request-limiter.ts';
import { openRateLimitStore } from './rate-limit/open-rate-limit-store.ts';
import { registerResultRoutes } from './results/results.routes.ts';
import { registerRunRoutes } from './runs/runs.routes.ts';
import { openRuntime, type MigrationPolicy } from './runtime/open-runtime.ts';
import { registerTemplateRoutes } from './templates/templates.routes.ts';
import { registerVersionRoutes } from './versions/versions.routes.ts';

export interface AppDeps {
  readonly config: AppConfig;
  /** An already-open database (tests pass one per dialect); otherwise opened from config. */
  readonly database?: OpenDatabase;
  /** A Redis client (tests pass one); otherwise opened from config when a URL is set. */
  readonly redis?: Redis | null;
  readonly runtime?: RuntimeDeps;
  readonly metrics?: Metrics;
  readonly providers?: ProviderRegistry;
  /** Where JSON log lines go (stdout by default); tests capture them to check redaction. */
  readonly logStream?: { write(line: string): void };
  /** `apply` (default) migrates at start; `require-current` refuses to start when behind. */
  readonly migrations?: MigrationPolicy;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The auth mode decided at start-up (`resolveAuthMode`), for the start-up banner. */
    readonly authMode: 'required' | 'off';
  }
}

/** Reachable without an API key when auth is on (`/metrics` has its own METRICS_TOKEN). */
const PUBLIC_ROUTES = [
  '/health',
  '/api/prompt-templates/health',
  '/docs',
  '/openapi.json',
  '/metrics',
];

const REQUEST_ID_PATTERN = /^[\w.:-]{1,128}$/;

/** Secrets that could reach a log line through request headers or error objects. */
const REDACTED_LOG_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'req.headers["api-key"]',
  'req.headers["x-goog-api-key"]',
  'err.headers.authorization',
  'err.headers["api-key"]',
  'err.config.headers',
] as const;

/**
 * The composition root: opens the runtime (database, migrations, Redis, metrics exposed on
 * `/metrics`, services) and registers every route explicitly. Closing the app closes what it opened.
 */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { config } = deps;

  const app = Fastify({
    logger: {
      level: config.logLevel,
      redact: { paths: [...REDACTED_LOG_PATHS], censor: '[redacted]' },
      ...(deps.logStream === undefined ? {} : { stream: deps.logStream }),
    },
    bodyLimit: config.bodyLimitBytes,
    // A client must send its whole request within this time (slow-client protection).
    requestTimeout: config.security.requestTimeoutMs,
    // Long path segments are still ids that name nothing: a 404, not Fastify's default 414.
    routerOptions: { maxParamLength: 2048 },
    // A URL the router cannot decode, or a path segment past that length, still gets the one
    // error shape (and its security headers): 400 and 404.
    frameworkErrors: answerRouterError,
    // Requests Node's parser refuses (431, framing errors) get the `{"detail": …}` shape too; the
    // missing-Host 400 moves from Node to `registerHostHeaderCheck` for the same reason.
    clientErrorHandler: answerClientError,
    http: { requireHostHeader: false },
    // The incoming x-request-id is read by genReqId, which accepts only a sane value: with
    // `requestIdHeader` set, Fastify would take any header verbatim into responses and logs.
    requestIdHeader: false,
    genReqId: (request) => {
      const incoming = request.headers['x-request-id'];
      return typeof incoming === 'string' && REQUEST_ID_PATTERN.test(incoming)
        ? incoming
        : randomUUID();
    },
  });
  app.setValidatorCompiler(createSchemaValidatorCompiler());
  registerJsonBodyParser(app);
  registerErrorHandler(app, config.bodyLimitBytes);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  const metricsAccess = resolveMetricsAccess(
    config.security.metricsToken,
    config.host,
    config.security.authMode,
  );
  if (metricsAccess.warning !== undefined) app.log.warn(metricsAccess.warning);
  const runtime = await openRuntime(config, {
    migrations: deps.migrations ?? 'apply',
    log: app.log,
    metrics:
      deps.metrics ??
      ((redis) =>
        installPrometheusMetrics(app, {
          service: config.metricsService,
          env: config.metricsEnv,
          bearerToken: metricsAccess.bearerToken,
          closedReason: metricsAccess.closedReason,
          redisCheck: redis === null ? null : () => isRedisUp(redis),
        })),
    ...(deps.database === undefined ? {} : { database: deps.database }),
    ...(deps.redis === undefined ? {} : { redis: deps.redis }),
    ...(deps.runtime === undefined ? {} : { runtime: deps.runtime }),
    ...(deps.providers === undefined ? {} : { providers: deps.providers }),
  }).catch(async (error: unknown) => {
    await app.close(); // stops what the metrics factory started
    throw error;
  });
  app.addHook('onClose', () => runtime.close());
  const { database, services, redis } = runtime;
  const auth = await resolveAuthModeOrClose(app, config, services.keys.countActiveKeys());
  if (auth.warning !== undefined) app.log.warn(auth.warning);
  app.decorate('authMode', auth.mode);
  // Security headers first, so even a 401 from the gate below carries them.
  await registerProtection(app, config.security);
  registerHostHeaderCheck(app);
  registerAuthentication(app, {
    mode: auth.mode,
    authenticate: (secret) => services.keys.authenticate(secret),
    publicRoutes: PUBLIC_ROUTES,
    limitKeyRequests: createApiKeyRequestLimiter({
      perMinute: config.security.rateLimitPerMinute,
      store: openRateLimitStore(redis, app.log),
    }),
  });
  await registerOpenApi(app, packageVersion, config.security.publicUrl);

  registerHealthRoutes(app, database);
  registerAuditRoutes(app, services.audit);
  registerTemplateRoutes(app, services.templates);
  registerVersionRoutes(app, services.versions);
  registerRunRoutes(app, services.runs);
  registerResultRoutes(app, services.results);
  registerBatchRoutes(app, services.batches);
  registerBudgetRoutes(app, services.budgets, services.batches.reservedSpend);
  registerScheduleRoutes(app, services.schedules);
  if (config.batches.schedulerIntervalMs > 0) {
    const scheduler = startScheduler({
      fireDueSchedules: () => services.schedules.fireDueSchedules(),
      intervalMs: config.batches.schedulerIntervalMs,
      onError: (error) => app.log.error({ err: error }, 'schedule look failed'),
    });
    app.addHook('onClose', () => scheduler.stop());
  }
  return app;
}

/** The start-up auth decision; when it refuses, what was opened is closed before the error. */
async function resolveAuthModeOrClose(
  app: FastifyInstance,
  config: AppConfig,
  activeKeyCount: Promise<number>,
) {
  try {
    return resolveAuthMode(config.security.authMode, config.host, await activeKeyCount);
  } catch (error) {
    await app.close();
    throw error;
  }
}
