import type { FastifyInstance } from 'fastify';
import { registerHttpMetrics } from './http-metrics-hook.ts';
import type { Metrics } from './metrics.ts';
import { registerMetricsRoute } from './metrics.routes.ts';
import { createPrometheusMetrics } from './prometheus-metrics.ts';
import { startRedisGauge } from './redis-gauge.ts';

export interface InstallPrometheusMetricsOptions {
  readonly service: string;
  readonly env: string;
  /** `METRICS_TOKEN`, or null for an open `/metrics`. */
  readonly bearerToken: string | null;
  /** Without a token: why `/metrics` refuses everyone (`resolveMetricsAccess`); null serves. */
  readonly closedReason?: string | null;
  /** Pings Redis; null when Prompter runs without Redis (`prompter_redis_up` then stays 0). */
  readonly redisCheck: (() => Promise<boolean>) | null;
  readonly redisIntervalMs?: number;
}

/**
 * Wires Prometheus into an app in one call: the adapter, the HTTP hook, `GET /metrics` and the
 * Redis gauge (stopped when the app closes). Returns the `Metrics` the services record into.
 */
export function installPrometheusMetrics(
  app: FastifyInstance,
  options: InstallPrometheusMetricsOptions,
): Metrics {
  const prometheus = createPrometheusMetrics({
    service: options.service,
    env: options.env,
    onError: (error, event) =>
      app.log.warn(
        { err: error, event },
        'metrics event failed; further failures of it are ignored',
      ),
  });
  registerHttpMetrics(app, prometheus.http);
  registerMetricsRoute(app, {
    registry: prometheus.registry,
    bearerToken: options.bearerToken,
    closedReason: options.closedReason ?? null,
  });
  prometheus.setRedisConfigured(options.redisCheck !== null);
  if (options.redisCheck !== null) {
    const gauge = startRedisGauge({
      check: options.redisCheck,
      setRedisUp: prometheus.setRedisUp,
      ...(options.redisIntervalMs === undefined ? {} : { intervalMs: options.redisIntervalMs }),
    });
    app.addHook('onClose', (_instance, done) => {
      gauge.stop();
      done();
    });
  }
  return prometheus.metrics;
}
