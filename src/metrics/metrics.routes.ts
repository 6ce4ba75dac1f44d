import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Registry } from 'prom-client';

export interface MetricsRouteOptions {
  readonly registry: Registry;
  /** `METRICS_TOKEN`: when set, scrapers must send `Authorization: Bearer <token>`. */
  readonly bearerToken: string | null;
  /** Without a token: why every request gets a 403 (an exposed bind); null or absent serves. */
  readonly closedReason?: string | null;
}

const BEARER = /^Bearer[ \t]+(\S+)[ \t]*$/i;

/**
 * `GET /metrics` in Prometheus text format 0.0.4, hidden from OpenAPI. Refusals use the one
 * `{"detail": {code, message}}` shape.
 */
export function registerMetricsRoute(app: FastifyInstance, options: MetricsRouteOptions): void {
  const { registry, bearerToken } = options;
  const closedReason = bearerToken === null ? (options.closedReason ?? null) : null;
  if (bearerToken === '') throw new Error('The /metrics bearer token must be non-empty or null.');
  const expected = bearerToken === null ? null : sha256(bearerToken);

  app.get('/metrics', { schema: { hide: true } }, async (request, reply) => {
    if (closedReason !== null) {
      return reply.status(403).send({ detail: { code: 'FORBIDDEN', message: closedReason } });
    }
    if (expected !== null && !carriesToken(request.headers.authorization, expected)) {
      return reply
        .status(401)
        .header('www-authenticate', 'Bearer realm="metrics"')
        .send({
          detail: {
            code: 'UNAUTHORIZED',
            message: 'Missing or invalid bearer token for /metrics (METRICS_TOKEN).',
          },
        });
    }
    const exposition = await registry.metrics();
    return reply.header('cache-control', 'no-store').type(registry.contentType).send(exposition);
  });
}

function carriesToken(header: string | undefined, expected: Buffer): boolean {
  const presented = header === undefined ? undefined : BEARER.exec(header)?.[1];
  // Hashing first gives equal lengths, so the comparison time says nothing about the token.
  return presented !== undefined && timingSafeEqual(sha256(presented), expected);
}

function sha256(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}
