import cors from '@fastify/cors';
import helmet, { type HelmetOptions } from 'helmet';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { SecuritySettings } from '../config/app-config.ts';

/**
 * helmet's defaults, except that CSP's `upgrade-insecure-requests` is sent only behind TLS (a
 * `PROMPTER_PUBLIC_URL` starting with https): on a plain-HTTP host other than localhost it makes
 * browsers fetch `/docs`' scripts and styles over https, which fails, and the page stays blank.
 */
export function securityHeaderOptions(publicUrl: string | null): HelmetOptions {
  const behindTls = publicUrl !== null && publicUrl.toLowerCase().startsWith('https:');
  return behindTls
    ? {}
    : { contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } } };
}

/** Paths that are never rate limited: liveness probes and scrapes must not be starved. */
const UNLIMITED_PATHS = new Set(['/health', '/metrics']);

/**
 * Security headers (helmet's defaults; its CSP works with Swagger UI), CORS only for the configured
 * origins, and a per-API-key rate limit answered with a 429 in Prompter's error shape and a
 * `Retry-After` header. Register before authentication, so even a 401 carries the headers; the
 * limit runs at `preHandler`, when the gate has already named the request's API key.
 */
export async function registerProtection(
  app: FastifyInstance,
  security: SecuritySettings,
): Promise<void> {
  // helmet's middleware built once; @fastify/helmet rebuilt it on every request (~5 % of a
  // check-duplicate request, docs/performance.md).
  const applySecurityHeaders = helmet(securityHeaderOptions(security.publicUrl));
  app.addHook('onRequest', (request, reply, done) => {
    applySecurityHeaders(request.raw, reply.raw, (error?: unknown) => {
      done(error instanceof Error ? error : undefined);
    });
  });
  if (security.corsOrigins.length > 0) {
    await app.register(cors, {
      origin: [...security.corsOrigins],
      methods: ['GET', 'POST', 'PUT', 'DELETE', 'OPTIONS'],
      allowedHeaders: ['authorization', 'content-type', 'x-request-id'],
      exposedHeaders: ['x-request-id', 'retry-after'],
      maxAge: 600,
    });
  }
  await app.register(rateLimit, {
    global: true,
    hook: 'preHandler',
    max: security.rateLimitPerMinute,
    timeWindow: 60_000,
    // The limit is per API key. Without keys (auth off: a loopback bind or a trusted network
    // behind a proxy) nothing identifies a client reliably, so nothing is limited here.
    allowList: (request: FastifyRequest) =>
      request.principal.kind !== 'key' || UNLIMITED_PATHS.has(request.url.split('?')[0] ?? ''),
    keyGenerator: (request: FastifyRequest) =>
      request.principal.kind === 'key' ? `key:${request.principal.keyId}` : `ip:${request.ip}`,
    errorResponseBuilder: (_request, context) => ({
      statusCode: 429,
      detail: {
        code: 'RATE_LIMITED',
        message: `Too many requests: at most ${context.max} per minute. Retry after ${context.after}.`,
        retry_after_seconds: Math.ceil(context.ttl / 1000),
      },
    }),
  });
}
