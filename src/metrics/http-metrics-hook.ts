import type { FastifyInstance } from 'fastify';
import type { HttpMetrics } from './http-metrics.ts';
import { routeTemplateLabel, UNMATCHED_ROUTE } from './route-template-label.ts';

const KNOWN_METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/**
 * Counts and times every response into `starlette_requests_total` and
 * `starlette_requests_processing_seconds`, labelled by route template (docs/api-contract.md §6). Hooks apply to
 * every route of the instance whenever they are registered, as long as it is before `ready()`.
 */
export function registerHttpMetrics(app: FastifyInstance, http: HttpMetrics): void {
  app.addHook('onResponse', (request, reply, done) => {
    try {
      http.requestObserved({
        method: KNOWN_METHODS.has(request.method) ? request.method : 'OTHER',
        route: request.is404 ? UNMATCHED_ROUTE : routeTemplateLabel(request.routeOptions.url),
        status: reply.statusCode,
        // Fastify's own clock for this request, started when it arrived (milliseconds).
        seconds: reply.elapsedTime / 1000,
      });
    } catch {
      // Metrics never fail a request (docs/api-contract.md §6); `http` reports its own failures.
    }
    done();
  });
}
