import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { HttpMetrics, HttpRequestObservation } from './http-metrics.ts';
import { createLabelValueLimiter } from './label-value-limiter.ts';
import type {
  Metrics,
  ProviderCallObservation,
  StoredResultObservation,
  UniqueViolationSource,
} from './metrics.ts';

/** docs/api-contract.md §6: the bounds (seconds) of every Prompter histogram. */
export const LATENCY_BUCKETS: readonly number[] = [
  0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10,
];

/** Distinct `model` label values in all, and how many of them one org may add. */
export const MAX_MODEL_LABELS = 100;
export const MAX_MODEL_LABELS_PER_ORG = 20;

/** Tables whose unique-violation series exist at 0 from start-up, so `increase()` sees the first. */
const KNOWN_TABLES = ['prompt_templates', 'prompt_versions'];

export interface PrometheusMetricsOptions {
  /** The `service` label on every series (`METRICS_SERVICE`). */
  readonly service: string;
  /** The `env` label on every series (`METRICS_ENV`). */
  readonly env: string;
  /** Node process metrics (`process_*`, `nodejs_*`) in the same registry; default true. */
  readonly collectDefaultMetrics?: boolean;
  /**
   * Told about the first failure of each event; later failures of that event are dropped. Default:
   * a process warning.
   */
  readonly onError?: (error: unknown, event: string) => void;
}

export interface PrometheusMetrics {
  /** The adapter services record domain events through. */
  readonly metrics: Metrics;
  /** This instance's own registry (never prom-client's global one): what `/metrics` serves. */
  readonly registry: Registry;
  /** What the HTTP hook records into. */
  readonly http: HttpMetrics;
  /** `prompter_redis_up`: 1 when the last Redis check answered, 0 otherwise. */
  readonly setRedisUp: (up: boolean) => void;
  /** `prompter_redis_configured`: 1 when this process is configured with Redis. */
  readonly setRedisConfigured: (configured: boolean) => void;
}

/**
 * The Prometheus adapter of `Metrics`, with every docs/api-contract.md §6 metric (and Prompter's additions)
 * declared at creation so they are scrapeable before any traffic. No method ever throws.
 */
export function createPrometheusMetrics(options: PrometheusMetricsOptions): PrometheusMetrics {
  const registry = new Registry();
  registry.setDefaultLabels({ service: options.service, env: options.env });
  if (options.collectDefaultMetrics !== false) collectDefaultMetrics({ register: registry });

  const registers = [registry];
  const counter = (name: string, help: string, labelNames: string[] = []) =>
    new Counter({ name, help, labelNames, registers });
  const histogram = (name: string, help: string, labelNames: string[]) =>
    new Histogram({ name, help, labelNames, buckets: [...LATENCY_BUCKETS], registers });
  const gauge = (name: string, help: string) => new Gauge({ name, help, registers });

  const requests = counter('starlette_requests_total', 'HTTP requests by route template.', [
    'method',
    'route',
    'status',
  ]);
  const requestSeconds = histogram(
    'starlette_requests_processing_seconds',
    'HTTP request processing time in seconds, by route template.',
    ['method', 'route'],
  );
  const probeAttempts = counter('prompter_probe_attempts_total', 'Version probes sent.', [
    'provider',
    'model',
  ]);
  const probeFailures = counter(
    'prompter_probe_failures_total',
    'Version probes that failed (error or timeout).',
    ['provider', 'model'],
  );
  const probeCoalesced = counter(
    'prompter_probe_coalesced_total',
    "Version probes avoided by reusing another caller's probe.",
    ['provider', 'source'],
  );
  const ensureVersionSeconds = histogram(
    'prompter_ensure_version_seconds',
    'Time to ensure a template version, end to end, in seconds.',
    ['provider'],
  );
  const resultsInserted = counter(
    'prompter_prompt_results_insert_total',
    'Result rows stored (succeeded or failed).',
  );
  const fingerprintPresent = counter(
    'prompter_openai_fingerprint_present_total',
    'OpenAI results whose response carried system_fingerprint.',
  );
  const openaiResults = counter(
    'prompter_openai_results_total',
    'OpenAI results stored, by status: the denominator of the fingerprint-missing ratio.',
    ['status'],
  );
  const redisUp = gauge(
    'prompter_redis_up',
    'Whether the last Redis check answered (1) or not (0).',
  );
  const redisConfigured = gauge(
    'prompter_redis_configured',
    'Whether this process is configured to use Redis (1) or runs without it (0).',
  );
  const uniqueViolations = counter(
    'prompter_db_unique_violation_total',
    'Duplicates refused (the dedup rate): caught by the pre-check or by the unique index.',
    ['table'],
  );
  const uniqueRaces = counter(
    'prompter_db_unique_race_total',
    'Duplicates the unique index caught after they raced their twin past the pre-check.',
    ['table'],
  );
  const providerCalls = counter(
    'prompter_provider_calls_total',
    'Provider calls (runs) by outcome: ok or the failure kind.',
    ['provider', 'model', 'outcome'],
  );
  const providerCallSeconds = histogram(
    'prompter_provider_call_seconds',
    'Provider call (run) duration in seconds, by outcome.',
    ['provider', 'model', 'outcome'],
  );
  const providerTokens = counter(
    'prompter_provider_tokens_total',
    'Tokens reported by providers, by kind (prompt or completion).',
    ['provider', 'model', 'kind'],
  );
  const versionChanges = counter(
    'prompter_version_changes_total',
    'New provider version keys for a provider/model a template already had versions for (drift).',
    ['provider', 'model'],
  );

  const provider = createLabelValueLimiter(16);
  // One org may add at most 20 of the 100 model ids (model ids are free text from templates).
  const model = createLabelValueLimiter(MAX_MODEL_LABELS, MAX_MODEL_LABELS_PER_ORG);
  const outcome = createLabelValueLimiter(32);
  const table = createLabelValueLimiter(16);
  const route = createLabelValueLimiter(200);
  const method = createLabelValueLimiter(16);

  for (const name of KNOWN_TABLES) {
    uniqueViolations.inc({ table: table(name) }, 0);
    uniqueRaces.inc({ table: table(name) }, 0);
  }
  for (const status of ['succeeded', 'failed']) openaiResults.inc({ status }, 0);

  const reported = new Set<string>();
  const onError =
    options.onError ??
    ((error: unknown, event: string) =>
      process.emitWarning(`Prompter metrics: ${event} failed and is ignored: ${String(error)}`));
  function guard<Args extends unknown[]>(
    event: string,
    record: (...args: Args) => void,
  ): (...args: Args) => void {
    return (...args) => {
      try {
        record(...args);
      } catch (error) {
        if (reported.has(event)) return;
        reported.add(event);
        try {
          onError(error, event);
        } catch {
          // A failing error reporter must not fail the request either.
        }
      }
    };
  }

  const metrics: Metrics = {
    uniqueViolation: guard(
      'uniqueViolation',
      (tableName: string, caughtBy: UniqueViolationSource) => {
        const labels = { table: table(tableName) };
        uniqueViolations.inc(labels);
        if (caughtBy === 'unique_index') uniqueRaces.inc(labels);
      },
    ),
    probeAttempted: guard(
      'probeAttempted',
      (providerName: string, modelId: string, orgId?: string) => {
        probeAttempts.inc({ provider: provider(providerName), model: model(modelId, orgId) });
      },
    ),
    probeFailed: guard('probeFailed', (providerName: string, modelId: string, orgId?: string) => {
      probeFailures.inc({ provider: provider(providerName), model: model(modelId, orgId) });
    }),
    probeCoalesced: guard('probeCoalesced', (providerName: string, source: string) => {
      probeCoalesced.inc({ provider: provider(providerName), source });
    }),
    ensureVersionObserved: guard(
      'ensureVersionObserved',
      (providerName: string, seconds: number) => {
        ensureVersionSeconds.observe({ provider: provider(providerName) }, seconds);
      },
    ),
    providerCallObserved: guard('providerCallObserved', (call: ProviderCallObservation) => {
      const labels = {
        provider: provider(call.provider),
        model: model(call.model, call.orgId),
        outcome: outcome(call.outcome),
      };
      providerCalls.inc(labels);
      const tokenLabels = { provider: labels.provider, model: labels.model };
      if (isTokenCount(call.promptTokens)) {
        providerTokens.inc({ ...tokenLabels, kind: 'prompt' }, call.promptTokens);
      }
      if (isTokenCount(call.completionTokens)) {
        providerTokens.inc({ ...tokenLabels, kind: 'completion' }, call.completionTokens);
      }
      providerCallSeconds.observe(labels, call.seconds);
    }),
    resultStored: guard('resultStored', (result: StoredResultObservation) => {
      resultsInserted.inc();
      if (result.openaiFingerprintPresent === null) return;
      openaiResults.inc({ status: result.status });
      if (result.openaiFingerprintPresent === true) fingerprintPresent.inc();
    }),
    versionChanged: guard(
      'versionChanged',
      (providerName: string, modelId: string, orgId?: string) => {
        versionChanges.inc({ provider: provider(providerName), model: model(modelId, orgId) });
      },
    ),
  };

  const http: HttpMetrics = {
    requestObserved: guard('requestObserved', (request: HttpRequestObservation) => {
      const labels = { method: method(request.method), route: route(request.route) };
      requests.inc({ ...labels, status: String(request.status) });
      requestSeconds.observe(labels, request.seconds);
    }),
  };

  return {
    metrics,
    registry,
    http,
    setRedisUp: guard('setRedisUp', (up: boolean) => redisUp.set(up ? 1 : 0)),
    setRedisConfigured: guard('setRedisConfigured', (configured: boolean) =>
      redisConfigured.set(configured ? 1 : 0),
    ),
  };
}

function isTokenCount(value: number | null): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0;
}
